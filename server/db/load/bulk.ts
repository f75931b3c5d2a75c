/**
 * The bulk path: a first import of many reports into the project's own (local,
 * launcher-managed) Neo4j through `neo4j-admin database import full`, which
 * writes the store offline from CSV files instead of through transactions
 * (Neo4j 5.26 Operations Manual, "Import"). The CSV files are bulk-csv.ts's:
 * exactly what the loader would write, bookkeeping included.
 *
 * The caller makes sure no Neo4j runs on the data directory and that its
 * database is empty (scripts/load.ts --bulk); this module writes the files to a
 * temporary directory, runs the import tool (`org.neo4j.cli.AdminTool`, on the
 * launcher's classpath) with NEO4J_HOME and NEO4J_CONF at the data directory, so
 * that it writes the store where the launcher reads it, and deletes the files.
 */
import { spawn } from 'node:child_process';
import { access, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '../../logger.ts';
import { resolveClasspath } from '../local/classpath.ts';
import { findJava } from '../local/java.ts';
import { renderNeo4jConf } from '../local/settings.ts';
import { LocalNeo4j, type LocalNeo4jSettings } from '../local/local-neo4j.ts';
import { createDriver } from '../driver.ts';
import { applySchema } from '../schema.ts';
import { ARRAY_DELIMITER_OPTION, EMPTY_LISTS_KEY, bulkCsv } from './bulk-csv.ts';
import type { LoadPlan } from './plan.ts';

/** The import tool failed (its last lines say why), or the database is not one a bulk import may write (not empty). */
export class BulkImportError extends Error {}

export interface BulkImportOptions {
  /** The project's root (for the launcher's pom and .data/ classpath cache). */
  rootDir: string;
  /** The local Neo4j's settings (data directory, heap, page cache, Java). */
  local: LocalNeo4jSettings;
  log: Logger;
}

export interface BulkImportSummary {
  /** Property names some node or relationship holds as [] (set once the database runs: setEmptyLists). */
  emptyLists: string[];
  nodes: number;
  relationships: number;
  files: number;
  /** Writing the CSV files, and the import tool's run, in ms. */
  csvMs: number;
  importMs: number;
}

/**
 * Import `plans` (planLoad's, in load order) into the database `neo4j` under
 * `local.dataDir`, replacing its store (`--overwrite-destination`): the caller has
 * checked that it is empty and that no Neo4j runs there. Throws BulkInputError
 * (bulk-csv.ts) before touching the store for a value the CSV cannot carry, and
 * BulkImportError when the tool fails (the store is then the tool's to clean:
 * neo4j-admin leaves no half-imported database in place of an empty one's files).
 */
export async function bulkImport(plans: readonly LoadPlan[], options: BulkImportOptions): Promise<BulkImportSummary> {
  const { local, log } = options;
  const started = performance.now();
  const csv = bulkCsv(plans);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'congress-graph-bulk-'));
  try {
    for (const f of csv.files) await writeFile(path.join(dir, f.name), f.text);
    const csvMs = performance.now() - started;
    const java = await findJava(local.java);
    const argFile = await resolveClasspath({
      pomFile: path.join(options.rootDir, 'scripts/neo4j/pom.xml'),
      cacheDir: path.join(options.rootDir, '.data'),
      log,
    });
    // neo4j-admin reads $NEO4J_CONF/neo4j.conf; the launcher's settings, so that the store's format and place match.
    await mkdir(local.dataDir, { recursive: true });
    await writeFile(path.join(local.dataDir, 'neo4j.conf'), renderNeo4jConf(local), { mode: 0o600 });
    const args = [
      `-Xmx${local.heap}`,
      `@${argFile}`,
      'org.neo4j.cli.AdminTool',
      'database',
      'import',
      'full',
      // The database first: --nodes and --relationships take any number of files and would swallow it.
      'neo4j',
      '--overwrite-destination=true',
      `--array-delimiter=${ARRAY_DELIMITER_OPTION}`,
      '--multiline-fields=true',
      '--ignore-empty-strings=false',
      '--high-parallel-io=on',
      '--threads=2',
      // Its report of bad entries goes with the CSV files, not into the working directory.
      `--report-file=${path.join(dir, 'import.report')}`,
      ...csv.files.map((f) => `--${f.kind}=${path.join(dir, f.name)}`),
    ];
    const importStarted = performance.now();
    await runTool(java, args, { ...process.env, NEO4J_HOME: local.dataDir, NEO4J_CONF: local.dataDir });
    return {
      emptyLists: csv.emptyLists,
      nodes: csv.nodes,
      relationships: csv.relationships,
      files: csv.files.length,
      csvMs: Math.round(csvMs),
      importMs: Math.round(performance.now() - importStarted),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function runTool(java: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(java, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail: string[] = [];
    const keep = (chunk: Buffer): void => {
      // Java's stack frames say nothing a user can act on; the exception's message does.
      tail.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((l) => l.trim() !== '' && !/^\s+(at |\.\.\. \d+ more)/.test(l)),
      );
      tail.splice(0, Math.max(0, tail.length - 30));
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', (e) => reject(new BulkImportError(`could not run Java: ${e.message}`)));
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new BulkImportError(`neo4j-admin database import failed (${signal ?? `exit ${code}`}): ${tail.slice(-6).join(' | ')}`));
    });
  });
}

/** Where the launcher's Neo4j keeps the database `neo4j`'s store under its data directory. */
export function storeDir(dataDir: string): string {
  return path.join(dataDir, 'data', 'databases', 'neo4j');
}

export interface BulkLoadSummary extends BulkImportSummary {
  /** From the first CSV file to the schema online, in ms. */
  ms: number;
}

/**
 * The whole bulk path on the local Neo4j of `options.local` (no Neo4j may run on
 * its data directory; the caller's NEO4J_URI check is scripts/load.ts's):
 *  1. when a store is there, start Neo4j, count its nodes and stop it: a database
 *     holding any node is refused (BulkImportError), nothing changed;
 *  2. bulkImport (the CSV files and neo4j-admin);
 *  3. start Neo4j on the new store, apply cypher/schema.cypher (schema.ts, as the
 *     loader does) and wait for its indexes, and check that the database holds as
 *     many nodes and relationships as the CSV files (BulkImportError otherwise).
 * Returns the summary and the running Neo4j (the caller stops it).
 */
export async function bulkLoadLocal(
  plans: readonly LoadPlan[],
  options: BulkImportOptions & { password: string | undefined },
): Promise<{ summary: BulkLoadSummary; neo4j: LocalNeo4j }> {
  const { local, log, rootDir, password } = options;
  const start = (): Promise<LocalNeo4j> => LocalNeo4j.start({ ...local, rootDir, password, log, supervise: false });
  const count = async (neo4j: LocalNeo4j): Promise<{ nodes: number; relationships: number }> => {
    const driver = createDriver({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
    try {
      const { records } = await driver.executeQuery('MATCH (n) WITH count(n) AS nodes RETURN nodes, COUNT { ()-[]->() } AS relationships');
      return { nodes: Number(records[0]!.get('nodes')), relationships: Number(records[0]!.get('relationships')) };
    } finally {
      await driver.close();
    }
  };
  if (await exists(storeDir(local.dataDir))) {
    const before = await start();
    try {
      const held = await count(before);
      if (held.nodes > 0) {
        throw new BulkImportError(
          `the database in ${local.dataDir} holds ${held.nodes} nodes: a bulk import is for a first import into an empty database (it replaces the store); load into it with npm run load, or set NEO4J_DATA_DIR to a new directory`,
        );
      }
    } finally {
      await before.stop();
    }
  }
  const started = performance.now();
  const imported = await bulkImport(plans, options);
  const neo4j = await start();
  try {
    const driver = createDriver({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
    try {
      await setEmptyLists(driver, imported.emptyLists);
      await applySchema(driver);
    } finally {
      await driver.close();
    }
    const held = await count(neo4j);
    if (held.nodes !== imported.nodes || held.relationships !== imported.relationships) {
      throw new BulkImportError(
        `the import wrote ${held.nodes} nodes and ${held.relationships} relationships where the files hold ${imported.nodes} and ${imported.relationships}`,
      );
    }
    return { summary: { ...imported, ms: Math.round(performance.now() - started) }, neo4j };
  } catch (error) {
    await neo4j.stop();
    throw error;
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await access(p);
    return true;
  } catch {
    return false;
  }
}

/** The empty lists a CSV field could not carry (bulk-csv.ts EMPTY_LISTS_KEY), set as the loader sets them; the marker removed. */
async function setEmptyLists(driver: ReturnType<typeof createDriver>, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  const E = EMPTY_LISTS_KEY;
  for (const pattern of ['(x)', '()-[x]->()']) {
    const sets = keys
      .map((k, i) => `FOREACH (_ IN CASE WHEN $keys[${i}] IN x.${E} THEN [1] ELSE [] END | SET x.\`${k.replaceAll('`', '``')}\` = [])`)
      .join(' ');
    await driver.executeQuery(`MATCH ${pattern} WHERE x.${E} IS NOT NULL ${sets} REMOVE x.${E}`, { keys });
  }
}
