/**
 * Footnotes from a PDF and a Word file: one report with footnotes as PDF, Word and the text
 * pdftotext extracts from the PDF gives the same footnotes on the same nodes (docs/MODEL.md
 * § Footnotes). The footnotes of text documents are tested in tests/unit/server/ingest/document/textFootnotes.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../../../../server/ingest/ingestDocument.ts';
import { realGazetteer } from '../../../../setup/reports.ts';
import { fixture, footnotePlacements as placements, graphDifferences, notedNodes as noted } from '../../../../setup/documents.ts';

const gazetteer = await realGazetteer();

describe('one report with footnotes as PDF, Word and pdftotext text', () => {
  const NOTES = {
    en: [
      'report:fn: * Reissued for technical reasons on 2 April 2025. @ ',
      'para:fn:2: 1 The discussion guide is available on the website of the Fifteenth Congress. @ been issued.',
      'para:fn:6: 2 United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326. The Protocols supplement the Convention and are to be interpreted together with it. @ anized Crime',
      'para:fn:7: 3 See the Global Report on Trafficking in Persons 2024 (United Nations publication, 2024). @ wing online.',
      'rec:fn:8(b): 4 General Assembly resolution 79/243, annex. @ t Cybercrime',
    ],
    zh: [
      'report:fn: * 因技术原因重新印发。 @ ',
      'para:fn:1: 1 见A/CONF.234/16，第3段。 @ 大会第56/119号决议',
      'para:fn:7: 2 《第十四届联合国预防犯罪和刑事司法大会的报告》（A/CONF.234/16），第一章，第1号决议。该宣言已由大会第76/181号决议核可，其中载有会员国在预防犯罪、刑事司法和法治方面的承诺。 @ 况，希望《阿布扎比宣言》',
      'rec:fn:8(c): 3 联合国，《条约汇编》，第2349卷，第42146号。 @ 执行《联合国反腐败公约》',
      'rec:fn:8(f): 4 大会第79/243号决议，附件。 @ 联合国打击网络犯罪公约》',
    ],
  };
  for (const lang of ['en', 'zh'] as const) {
    it(`${lang}: the same footnotes on the same nodes, marks out of the text, the same graph`, async () => {
      const read = async (ext: string) =>
        ingestDocument(fixture(`documents/footnoted-rpm.${lang}.${ext}`), { source: `footnoted-rpm.${lang}.${ext}`, gazetteer, reportId: 'fn' });
      const [pdf, docx, text] = [await read('pdf'), await read('docx'), await read('pdf-text.txt')];
      expect(text.format).toBe('text');
      for (const r of [pdf, docx, text]) {
        expect(placements(r.graph, lang === 'zh')).toEqual(NOTES[lang]);
        // No mark is left in any paragraph's text.
        for (const n of noted(r.graph)) {
          const t = String(n.properties.text ?? '');
          expect(t).not.toMatch(/(?:issued\.|Crime|online\.|Cybercrime|号决议|宣言》|公约》)\s?[1-4*](?!\d)/u);
        }
      }
      // The graphs agree but for the list of documents, whose table this fixture sets differently
      // from the Word file's (and pdftotext reads in another order): no footnote's business.
      const outsideAnnex = (d: string[]) => d.filter((x) => !/ doc:/.test(x));
      expect(outsideAnnex(graphDifferences(pdf.graph, docx.graph, { layoutWhitespace: lang === 'zh' }))).toEqual([]);
      expect(outsideAnnex(graphDifferences(pdf.graph, text.graph, { layoutWhitespace: lang === 'zh' }))).toEqual([]);
    });
  }
});
