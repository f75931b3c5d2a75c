/**
 * One report, every format it comes in: the seed and the development reports as PDF, as
 * Word, as the text pdftotext pulls out of the PDF (poppler 22.12, shipped as fixtures since
 * CI lacks it), and a report laid out in another style (Helvetica, ragged right, a footnote)
 * give the graph their clean text gives — the same nodes and relationships, the same
 * properties (positions aside), every span on its evidence.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ingestDocument } from '../../../../../server/ingest/ingestDocument.ts';
import { goldSchema, scoreGraph } from '../../../../../server/ingest/score.ts';
import { realGazetteer, repoPath } from '../../../../setup/reports.ts';
import { fixture, graphDifferences, ingestFixture, provenanceProblems } from '../../../../setup/documents.ts';

const gazetteer = await realGazetteer();
const SLOW = 120_000;

const seedTxt = await ingestDocument(new Uint8Array(readFileSync(repoPath('data/reports/lac-rpm-2025.zh.txt'))), { source: 'lac-rpm-2025.zh.txt', gazetteer });

describe('the seed report in every format', () => {
  it(
    'from Word (.docx): the same graph as from its text, exactly',
    async () => {
      const docx = await ingestFixture('lac-rpm-2025.zh.docx', gazetteer);
      expect(docx.format).toBe('docx');
      expect(graphDifferences(seedTxt.graph, docx.graph)).toEqual([]);
      expect(provenanceProblems(docx.graph)).toEqual([]);
    },
    SLOW,
  );

  it(
    'from the PDF: the same graph, whitespace beside Chinese characters aside; every paragraph knows its page',
    async () => {
      const pdf = await ingestFixture('lac-rpm-2025.zh.pdf', gazetteer);
      expect(pdf.format).toBe('pdf');
      expect(pdf.warnings).toEqual([]);
      expect(graphDifferences(seedTxt.graph, pdf.graph, { layoutWhitespace: true })).toEqual([]);
      expect(provenanceProblems(pdf.graph)).toEqual([]);
      // The furniture of its 16 pages went: masthead, running symbol header, job-number footer, page n/m.
      expect(pdf.text).not.toMatch(/V\.25-02177|\d+\/16|Distr\./);
      const pages = pdf.graph.nodes.filter((n) => n.labels.includes('Paragraph')).map((n) => n.properties.page as number);
      expect(pages[0]).toBe(2);
      expect(pages[pages.length - 1]).toBe(16);
      expect([...pages].sort((a, b) => a - b)).toEqual(pages);
      // The text layer carries CJK radicals (U+2F24 ⼤ for 大): none is left.
      expect(pdf.text).not.toMatch(/[\u2E80-\u2FDF]/);
    },
    SLOW,
  );

  it(
    'from the text pdftotext extracts from the PDF (contents with leaders, page breaks inside paragraphs and lists)',
    async () => {
      const pt = await ingestDocument(fixture('lac-rpm-2025.zh.pdftotext.txt'), { source: 'lac-rpm-2025.zh.txt', gazetteer });
      expect(pt.warnings).toEqual([]);
      expect(graphDifferences(seedTxt.graph, pt.graph, { layoutWhitespace: true })).toEqual([]);
    },
    SLOW,
  );
});

describe('the development reports in every format', () => {
  for (const name of ['afr-rpm-2025.zh', 'eur-rpm-2025.en']) {
    it(
      `${name}: PDF, Word and pdftotext's text give the graph of the text`,
      async () => {
        const txt = await ingestFixture(`dev/${name}.txt`, gazetteer);
        const others = [await ingestFixture(`dev/${name}.pdf`, gazetteer)];
        if (name.endsWith('.en')) others.push(await ingestFixture(`dev/${name}.docx`, gazetteer));
        for (const other of others) {
          expect(graphDifferences(txt.graph, other.graph, { layoutWhitespace: true }), other.format).toEqual([]);
          expect(provenanceProblems(other.graph)).toEqual([]);
        }
        const pt = await ingestDocument(fixture(`dev/${name}.pdftotext.txt`), { source: `${name}.txt`, gazetteer });
        const differences = graphDifferences(txt.graph, pt.graph, { layoutWhitespace: true });
        // pdftotext itself joins a word broken at a line-end hyphen and drops the hyphen; where the
        // report never writes that word elsewhere, nothing can tell the hyphen was there.
        expect(differences.filter((d) => !/recordkeeping/.test(d))).toEqual([]);
        // And so the reader's annotation scores every form alike, within 0.01 on every line of the scorer.
        const gold = goldSchema.parse(JSON.parse(readFileSync(repoPath(`tests/fixtures/dev/${name}.gold.json`), 'utf8')));
        const reference = scoreGraph(txt.graph, gold).lines;
        for (const form of [...others.map((o) => o.graph), pt.graph]) {
          const lines = scoreGraph(form, gold).lines;
          expect(lines.map((l) => l.metric)).toEqual(reference.map((l) => l.metric));
          lines.forEach((line, i) => expect(Math.abs(line.f1 - reference[i]!.f1), line.metric).toBeLessThanOrEqual(0.01));
        }
      },
      SLOW,
    );
  }
});

describe('a report laid out in another style', () => {
  it(
    'Helvetica, ragged right, dot leaders, a two-column annex and a footnote: the graph of its text, the footnote set apart and kept on its paragraph',
    async () => {
      const txt = await ingestFixture('asia-pacific-rpm-fixture.en.txt', gazetteer);
      const pdf = await ingestFixture('documents/asia-pacific-rpm-fixture.en.pdf', gazetteer);
      // The clean text has no footnote: the PDF's graph is the text's, but for the footnote on paragraph 2.
      const p2 = pdf.graph.nodes.find((n) => n.id === 'para:asia-pacific-rpm-fixture:2')!;
      const { footnotes, footnoteAt, ...rest } = p2.properties;
      expect(graphDifferences(txt.graph, { ...pdf.graph, nodes: pdf.graph.nodes.map((n) => (n === p2 ? { ...n, properties: rest } : n)) })).toEqual([]);
      expect(pdf.footnotes).toEqual([{ marker: '1', text: 'The discussion guide is available on the website of the Fifteenth Congress.', page: 1 }]);
      expect(footnotes).toEqual(['1 The discussion guide is available on the website of the Fifteenth Congress.']);
      // The mark stood raised right after "has been issued", before the full stop; it is not in the text.
      const text = String(p2.properties.text);
      expect(text).toMatch(/has been issued\.$/);
      expect(footnoteAt).toEqual([text.length - 1]);
      expect(pdf.removed).toEqual(expect.arrayContaining(['V.25-01234 (E)\t2/3', 'A/CONF.241/RPM.1/1', 'Distr.: General']));
    },
    SLOW,
  );
});
