/**
 * The text pdftotext extracts from the seed's and the development reports' PDFs (shipped as
 * fixtures: tests/fixtures/**\/*.pdftotext.txt) is read exactly as it was before footnote
 * recovery came to text documents: the same laid-out text, line by line, with the same source
 * line and page, so the same graph. None of these files has a footnote; an ordinary line
 * (a paragraph numbered "26.", a list item, a wrapped line beginning with a digit) must never
 * be taken for one. The snapshots were written before footnote recovery existed.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../../../server/ingest/document/read.ts';
import { repoPath } from '../../../../setup/reports.ts';
import { fixture } from '../../../../setup/documents.ts';

const FIXTURES = readdirSync(repoPath('tests/fixtures'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.pdftotext.txt'))
  .map((f) => f.split(path.sep).join('/'))
  .sort();

describe('pdftotext fixtures read as before', () => {
  it('there are the seed and both development reports', () => {
    expect(FIXTURES).toEqual(
      expect.arrayContaining(['lac-rpm-2025.zh.pdftotext.txt', 'dev/afr-rpm-2025.zh.pdftotext.txt', 'dev/eur-rpm-2025.en.pdftotext.txt']),
    );
  });

  for (const name of FIXTURES) {
    it(`${name}: the same text, lines and pages; no footnote found`, async () => {
      const doc = await readDocument(fixture(name), name);
      expect(doc.footnotes).toEqual([]);
      expect(doc.lines.filter((l) => l.marks.length > 0)).toEqual([]);
      const laid = doc.text
        .split('\n')
        .map((t, i) => `${doc.lines[i]!.line}\t${doc.lines[i]!.page}\t${t}`)
        .join('\n');
      await expect(`${laid}\n`).toMatchFileSnapshot(`./__snapshots__/${path.basename(name, '.txt')}.read.txt`);
    });
  }
});
