/**
 * The command as a user runs it: output file on success; one line, exit 1 and no file on bad input.
 * Integration, not unit: every case starts tsx as its own process (seconds each on a busy machine).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { validateGraph } from '../../../server/ingest/validateGraph.ts';
import { PROJECT_ROOT } from '../../../server/config.ts';

const repoPath = (p: string) => path.join(PROJECT_ROOT, p);

const run = promisify(execFile);
const tsx = repoPath('node_modules/.bin/tsx');
const cli = repoPath('scripts/ingest.ts');

async function ingest(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, [cli, ...args], { cwd: repoPath('.') });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run ingest', { timeout: 30_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ingest-cli-'));

  it('writes a valid graph.json for the seed and an English report, and prints counts', async () => {
    const out = path.join(dir, 'graph.json');
    const r = await ingest(['data/reports/lac-rpm-2025.zh.txt', 'tests/fixtures/asia-pacific-rpm-fixture.en.txt', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Paragraph\s+116/);
    expect(r.stdout).toMatch(/Recommendation\s+72/);
    expect(r.stdout).toMatch(/text not placed: none/);
    const graph = JSON.parse(readFileSync(out, 'utf8'));
    expect(graph.reports).toEqual(['report:lac-rpm-2025', 'report:asia-pacific-rpm-fixture']);
    expect(validateGraph(graph)).toEqual([]);
  });

  it('reads a PDF as its text reads, and writes the text it extracted and the text it read', { timeout: 120_000 }, async () => {
    const out = path.join(dir, 'pdf.json');
    const texts = path.join(dir, 'texts');
    const r = await ingest(['tests/fixtures/documents/asia-pacific-rpm-fixture.en.pdf', '--out', out, '--text', texts]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 footnote set apart from the text/);
    expect(r.stdout).toMatch(/text not placed: none/);
    const graph = JSON.parse(readFileSync(out, 'utf8'));
    expect(graph.reports).toEqual(['report:asia-pacific-rpm-fixture']);
    // Extracted: the page's lines, masthead included (the reader already set running headers and footers aside).
    expect(readFileSync(path.join(texts, 'asia-pacific-rpm-fixture.en.pdf.extracted.txt'), 'utf8')).toMatch(
      /^United Nations\tA\/CONF\.241\/RPM\.1\/1\nGeneral Assembly$/m,
    );
    expect(readFileSync(path.join(texts, 'asia-pacific-rpm-fixture.en.pdf.read.txt'), 'utf8')).toMatch(/^Fifteenth United Nations Congress/);
  });

  it("prints the scorer's table against a reader's annotation", async () => {
    const r = await ingest(['data/reports/lac-rpm-2025.zh.txt', '--out', path.join(dir, 'eval.json'), '--evaluate', 'tests/fixtures/lac-rpm-2025.gold.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^CITES \(rec -> instrument\) +1\.00 {2}P 1\.00 R 1\.00/m);
    expect(r.stdout).toMatch(/^min F1 (?:0\.9[5-9]|1\.00) \(/m);
  });

  it('refuses an unreadable annotation before writing anything', async () => {
    const out = path.join(dir, 'no-gold.json');
    const r = await ingest(['data/reports/lac-rpm-2025.zh.txt', '--out', out, '--evaluate', 'tests/fixtures/lac-rpm-2025.zh.txt']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^ingest: cannot read the annotation tests\/fixtures\/lac-rpm-2025\.zh\.txt: /);
    expect(existsSync(out)).toBe(false);
  });

  it('lists what it could not place', async () => {
    const report = readFileSync(repoPath('tests/fixtures/asia-pacific-rpm-fixture.en.txt'), 'utf8').replace('China, India, Japan', 'China, Atlantis, Japan');
    const file = path.join(dir, 'atlantis.en.txt');
    writeFileSync(file, report);
    const r = await ingest([file, '--out', path.join(dir, 'atlantis.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/text not placed \(1\):\n.*unmatched speaker name in paragraph 3: "Atlantis"/);
  });

  it('prints the entities it created that the gazetteer lacks, for review', async () => {
    const report = readFileSync(repoPath('tests/fixtures/asia-pacific-rpm-fixture.en.txt'), 'utf8').replace(
      'CEDAW Committee of Trinidad and Tobago and',
      'CEDAW Committee of Trinidad and Tobago, the Pacific Crime Observatory (PCO) and',
    );
    const file = path.join(dir, 'pco.en.txt');
    writeFileSync(file, report);
    const r = await ingest([file, '--out', path.join(dir, 'pco.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^unreviewed entities \(1; see docs\/GAZETTEER\.md to review and add them\):\n {2}org:pacific-crime-observatory {2}Organization \(organization\) {2}"Pacific Crime Observatory" also "PCO", "Pacific Crime Observatory \(PCO\)" {2}.*pco\.en\.txt, paragraph 5, line \d+$/m,
    );
  });

  it('refuses bad input with one line, a non-zero exit and no output file', { timeout: 180_000 }, async () => {
    const cases: [string, Uint8Array | string, RegExp][] = [
      ['empty.txt', '', /empty\.txt, line 1: the file is empty/],
      ['binary.txt', new Uint8Array([0x52, 0x0a, 0xc3, 0x28, 0x0a]), /binary\.txt, line 2: the file is not valid UTF-8/],
      ['notes.txt', 'Shopping list\n\nmilk\n', /notes\.txt, line 1: no chapter heading/],
      ['scan.pdf', readFileSync(repoPath('tests/fixtures/documents/scanned.pdf')), /scan\.pdf: no text layer: this PDF is an image; run OCR first/],
      ['locked.pdf', readFileSync(repoPath('tests/fixtures/documents/encrypted.pdf')), /locked\.pdf: this PDF is protected by a password/],
      ['minutes.docx', readFileSync(repoPath('tests/fixtures/documents/minutes.docx')), /minutes\.docx, line 1: no chapter heading/],
      ['old.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /old\.doc: this is an older Word \(\.doc\)/],
    ];
    for (const [name, content, message] of cases) {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      const out = path.join(dir, `${name}.json`);
      const r = await ingest([file, '--out', out]);
      expect(r.code, name).toBe(1);
      expect(r.stderr.trim().split('\n'), name).toHaveLength(1);
      expect(r.stderr, name).toMatch(message);
      expect(existsSync(out), name).toBe(false);
    }
  });
});
