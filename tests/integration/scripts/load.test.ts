/** `npm run load` and `npm start` as a user runs them, against the run's Neo4j. */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../server/config.ts';
import type { GraphJson } from '../../../server/contract/model.ts';
import { testDriver, testNeo4j } from '../../setup/neo4j.ts';
import { clearDatabase, seedGraph } from '../../setup/seed.ts';
import { spawnServer, waitUntilHealthy } from '../../../scripts/server-process.ts';
import { databaseCounts, graphCounts, snapshot } from '../server/db/helpers.ts';

let driver: Driver;
let seed: GraphJson;

beforeAll(async () => {
  driver = testDriver();
  seed = await seedGraph();
});
afterAll(() => driver.close());

function dbEnv(): Record<string, string> {
  const { uri, user, password } = testNeo4j();
  return { NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, LOG_LEVEL: 'warn' };
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function load(args: string[], env: NodeJS.ProcessEnv = dbEnv()): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts/load.ts'), ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run load', () => {
  // A deadline, not a measure: the first `npm run load` of a run transforms the code and warms Neo4j (over 60 s on a busy machine).
  it('with no argument loads the bundled corpus, with progress and a summary', { timeout: 180_000 }, async () => {
    await clearDatabase(driver);
    const run = await load([]);
    const [n, r] = [seed.nodes.length, seed.relationships.length];
    expect(run.stderr).toContain(`report:lac-rpm-2025: relationships ${r}/${r}`);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(`report:lac-rpm-2025: ${n} nodes, ${r} relationships \\(${n} nodes and ${r} relationships created\\) in [\\d.]+ s, \\d+ relationships/s`),
    );
    expect(run.stdout).toMatch(new RegExp(`loaded 1 report: ${n} nodes, ${r} relationships; load [\\d.]+ s`));
    expect(await databaseCounts(driver)).toEqual(graphCounts(seed));
  });

  it('loading a named report again replaces it and changes nothing', async () => {
    const before = await snapshot(driver);
    const run = await load([path.join('data', 'reports', 'lac-rpm-2025.zh.txt'), '--batch-size', '100']);
    expect(run.code).toBe(0);
    const [n, r] = [seed.nodes.length, seed.relationships.length];
    expect(run.stdout).toContain(`replaced: ${n} nodes and ${r} relationships out, ${n} and ${r} in`);
    expect(await snapshot(driver)).toEqual(before);
  });

  it('loads a report from its PDF, and from the graph.json npm run ingest wrote, in place of its text', async () => {
    const before = await snapshot(driver);
    const pdf = await load([path.join('tests', 'fixtures', 'lac-rpm-2025.zh.pdf')]);
    // The PDF gives the text's graph: the counts of the seed as ingested from its text.
    const [n, r] = [seed.nodes.length, seed.relationships.length];
    expect(pdf.stderr).toContain(`report:lac-rpm-2025: relationships ${r}/${r}`);
    expect(pdf.code).toBe(0);
    expect(pdf.stdout).toContain(`ingested tests/fixtures/lac-rpm-2025.zh.pdf → report:lac-rpm-2025: ${n} nodes, ${r} relationships`);
    const dir = mkdtempSync(path.join(tmpdir(), 'load-json-'));
    const json = path.join(dir, 'graph.json');
    await promisify(execFile)(
      path.join(PROJECT_ROOT, 'node_modules/.bin/tsx'),
      [path.join(PROJECT_ROOT, 'scripts/ingest.ts'), path.join('data', 'reports', 'lac-rpm-2025.zh.txt'), '--out', json],
      { cwd: PROJECT_ROOT },
    );
    const fromJson = await load([json]);
    expect(fromJson.code).toBe(0);
    expect(await snapshot(driver)).toEqual(before);
  });

  it.each([
    [['no-such-report.txt'], /^load: cannot read no-such-report\.txt: ENOENT$/],
    [['tests/fixtures/documents/scanned.pdf'], /^load: tests\/fixtures\/documents\/scanned\.pdf: no text layer: this PDF is an image; run OCR first$/],
    [['README.md'], /^load: README\.md, line 1: .*does not look like a meeting report$/],
    [['--batch-size', 'many'], /^load: .*--batch-size.*a whole number of at least 1$/],
    [['--frobnicate'], /^load: unknown option '--frobnicate'$/],
  ])('refuses %j with one clear line, exit 1, and the database untouched', async (args, line) => {
    const before = await snapshot(driver);
    const run = await load(args);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(line);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(await snapshot(driver)).toEqual(before);
  });

  it('says in one line when the database refuses the password', async () => {
    const run = await load([], { ...dbEnv(), NEO4J_PASSWORD: 'not-the-password' });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(/^load: Neo4j at .* refused user "neo4j" with the given password/);
  });
});

describe('npm start', () => {
  async function startAndStop(): Promise<string> {
    const server = await spawnServer({ env: { ...dbEnv(), LOG_LEVEL: 'info' }, output: 'capture' });
    try {
      await waitUntilHealthy(server, 120_000);
    } finally {
      await server.stop();
    }
    return server.output();
  }

  it('loads the bundled corpus into an empty database before it serves', async () => {
    await clearDatabase(driver);
    const output = await startAndStop();
    expect(output).toContain('The database is empty: loading the bundled corpus (1 report)');
    expect(await databaseCounts(driver)).toEqual(graphCounts(seed));
  });

  it('leaves a database that holds something as it is', async () => {
    await driver.executeQuery("CREATE (:Note {id: 'note:keep-me'})");
    const before = await snapshot(driver);
    const output = await startAndStop();
    expect(output).not.toContain('loading the bundled corpus');
    expect(await snapshot(driver)).toEqual(before);
    await driver.executeQuery("MATCH (n:Note {id: 'note:keep-me'}) DELETE n");
  });
});

describe('npm run load with the two languages of one meeting, and --remove', () => {
  const pair = (lang: 'zh' | 'en') => path.join('tests', 'fixtures', 'bilingual', `wa-rpm-2025.${lang}.txt`);

  it('loads the English report of a meeting whose Chinese report is loaded beside it, not over it: one Meeting, two Reports', async () => {
    await clearDatabase(driver);
    expect((await load([path.join('data', 'reports', 'lac-rpm-2025.zh.txt')])).code).toBe(0);
    expect((await load([pair('zh')])).code).toBe(0);
    const run = await load([pair('en')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('→ report:wa-rpm-2025-en:');
    const { records } = await driver.executeQuery(
      "MATCH (r:Report)-[:REPORT_OF]->(m:Meeting {id: 'meeting:A/CONF.241/RPM.4'}) RETURN r.id AS id, r.language AS language ORDER BY id",
    );
    expect(records.map((r) => [r.get('id'), r.get('language')])).toEqual([
      ['report:wa-rpm-2025', 'zh'],
      ['report:wa-rpm-2025-en', 'en'],
    ]);
    // Loading the English file again is a new version of the English report.
    const again = await load([pair('en')]);
    expect(again.stdout).toContain('→ report:wa-rpm-2025-en:');
    expect(again.stdout).toMatch(/replaced/);
  }, 300_000);

  it('--remove takes one language out and leaves the database as it was before that report came', async () => {
    await clearDatabase(driver);
    expect((await load([path.join('data', 'reports', 'lac-rpm-2025.zh.txt'), pair('zh')])).code).toBe(0);
    const before = await snapshot(driver);
    expect((await load([pair('en')])).code).toBe(0);
    expect(await snapshot(driver)).not.toEqual(before);
    const run = await load(['--remove', 'report:wa-rpm-2025-en']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^removed report:wa-rpm-2025-en: \d+ nodes and \d+ relationships out/);
    expect(await snapshot(driver)).toEqual(before);
    // By the file it came from, too.
    const bySource = await load(['--remove', 'wa-rpm-2025.zh.txt']);
    expect(bySource.code).toBe(0);
    expect(bySource.stdout).toMatch(/^removed report:wa-rpm-2025:/);
    const { records } = await driver.executeQuery('MATCH (r:Report) RETURN r.id AS id');
    expect(records.map((r) => r.get('id'))).toEqual(['report:lac-rpm-2025']);
  }, 300_000);

  it.each([
    [['--remove', 'report:no-such'], /^load: no loaded report is report:no-such: name its id/],
    [['--remove', 'report:lac-rpm-2025', 'data/reports/lac-rpm-2025.zh.txt'], /^load: --remove takes reports out; name no report files to load with it$/],
  ])('refuses %j with one clear line and the database untouched', async (args, line) => {
    const before = await snapshot(driver);
    const run = await load(args);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(line);
    expect(await snapshot(driver)).toEqual(before);
  });
});
