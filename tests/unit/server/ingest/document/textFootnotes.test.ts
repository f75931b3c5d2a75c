/**
 * Footnotes, everywhere: kept apart from the paragraph text (their marks taken out of it) and
 * kept in the graph on the Paragraph or Recommendation whose text held the mark (docs/MODEL.md
 * § Footnotes), from a PDF, a Word file and the text extracted from a PDF alike.
 *
 * Text documents have nothing but the words to go by (server/ingest/document/textFootnotes.ts):
 * the small reports below are the seed and the English fixture wrapped as a PDF wraps them,
 * with a page break after a line that carries a mark and the note at that page's foot, with
 * and without form feeds, the mark glued (pdftotext's usual output) or set off by a space with
 * the markers in a column of their own (pdftotext where notes hang from their markers). Each
 * must give the clean text's graph back, plus the footnote on the right node.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GraphJson } from '../../../../../server/contract/model.ts';
import { ingestText } from '../../../../../server/ingest/ingestDocument.ts';
import { englishText, realGazetteer, repoPath, seedText } from '../../../../setup/reports.ts';
import { footnotePlacements as placements, graphDifferences, wrap } from '../../../../setup/documents.ts';

const gazetteer = await realGazetteer();
const ZH = 'lac-rpm-2025.zh.txt';
const EN = 'asia-pacific-rpm-fixture.en.txt';
const ingest = (text: string, source: string) => ingestText(text, { source, gazetteer, reportId: 'fn' });
const clean = { zh: ingest(wrap(seedText(), 60, false), ZH), en: ingest(wrap(englishText(), 80, true), EN) };

interface Note {
  /** The words the mark stands after (their first occurrence in the clean text). */
  after: string;
  /** The mark as the extracted text writes it: glued ("1") or set off by a space (" 1"). */
  mark: string;
  /** The note's lines at the page's foot, as extracted. */
  foot: string[];
}

/**
 * The clean report with marks inserted, wrapped at `width`, and a page break after the line that
 * holds the last mark: the notes' lines, the job-number footer and page number, then (with
 * `formFeed`) a form feed, and the running header of the next page.
 */
function paged(text: string, notes: Note[], opts: { width: number; latin: boolean; formFeed: boolean; column?: string[] }): string {
  // The report's own symbol heads each page (layout recovery knows it for page furniture).
  const symbol = /\[(A\/CONF\.\d+\/RPM\.\d+\/1)\]/.exec(text)?.[1] ?? 'A/CONF.241/RPM.2/1';
  let marked = text;
  for (const n of notes) {
    const at = marked.indexOf(n.after);
    expect(at, n.after).toBeGreaterThanOrEqual(0);
    marked = marked.slice(0, at + n.after.length) + n.mark + marked.slice(at + n.after.length);
  }
  const lines = wrap(marked, opts.width, opts.latin).split('\n');
  // The line where the last mark ends: the wrapped lines only add or replace whitespace.
  const last = notes[notes.length - 1]!;
  const squeeze = (t: string) => t.replace(/\s+/g, '').length;
  const end = squeeze(marked.slice(0, marked.indexOf(last.after + last.mark) + last.after.length + last.mark.length));
  let i = 0;
  for (let seen = squeeze(lines[0]!); seen < end; seen += squeeze(lines[++i]!));
  const foot = [...(opts.column ?? []), '', ...notes.flatMap((n) => n.foot)];
  const header = `${opts.formFeed ? '\f' : ''}${symbol}`;
  return [...lines.slice(0, i + 1), '', ...foot, '', 'V.25-02177 (C)', '', '3/16', header, '', ...lines.slice(i + 1)].join('\n');
}

/** The graph with every node's footnotes taken off: what the clean text gives. */
function withoutFootnotes(graph: GraphJson): GraphJson {
  return {
    ...graph,
    nodes: graph.nodes.map((n) => ({
      ...n,
      properties: Object.fromEntries(Object.entries(n.properties).filter(([k]) => k !== 'footnotes' && k !== 'footnoteAt')),
    })),
  };
}

describe('footnotes in text extracted from a PDF', () => {
  const englishCases: [string, Note[], { formFeed: boolean; column?: string[] }][] = [
    [
      'a glued mark, a note that wraps, form feeds; the paragraph goes on on the next page',
      [
        {
          after: 'Transnational Organized Crime and its Protocols',
          mark: '1',
          foot: ['1 United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326. The Protocols', 'supplement the Convention.'],
        },
      ],
      { formFeed: true },
    ],
    [
      'two notes on one page, marks after punctuation and a word, no form feeds',
      [
        { after: 'organized crime.', mark: '1', foot: ['1 See A/CONF.234/16, para. 3.'] },
        { after: 'growing online', mark: '2', foot: ['2 See the Global Report on Trafficking in Persons 2024.'] },
      ],
      { formFeed: false },
    ],
    [
      "pdftotext's hanging notes: marks set off by a space, the markers in a column above the notes",
      [
        { after: 'organized crime.', mark: ' 1', foot: ['See A/CONF.234/16, para. 3.'] },
        { after: 'growing online', mark: ' 2', foot: ['See the Global Report on Trafficking in Persons 2024.'] },
      ],
      { formFeed: true, column: ['1', '2'] },
    ],
  ];
  for (const [name, notes, opts] of englishCases) {
    it(`English: ${name}`, () => {
      const result = ingest(paged(englishText(), notes, { width: 80, latin: true, ...opts }), EN);
      expect(graphDifferences(clean.en.graph, withoutFootnotes(result.graph))).toEqual([]);
      expect(result.footnotes.map((f) => f.marker)).toEqual(notes.map((n) => n.mark.trim()));
      const expected = notes.map((n) => {
        const node = clean.en.graph.nodes.find(
          (x) => typeof x.properties.text === 'string' && x.labels.includes('Paragraph') && x.properties.text.includes(n.after),
        )!;
        const text = String(node.properties.text);
        const note = opts.column ? `${n.mark.trim()} ${n.foot.join(' ')}` : n.foot.join(' ');
        return `${node.id}: ${note} @ ${text.slice(0, text.indexOf(n.after) + n.after.length).slice(-12)}`;
      });
      expect(placements(result.graph)).toEqual(expected);
    });
  }

  const chineseCases: [string, Note[], { formFeed: boolean }][] = [
    [
      'a glued mark after a title, form feeds; the paragraph goes on on the next page',
      [{ after: '《联合国打击跨国有组织犯罪公约》', mark: '1', foot: ['1 联合国，《条约汇编》，第2225卷，第39574号。'] }],
      { formFeed: true },
    ],
    [
      'two notes, a mark after a full stop, a note that wraps, no form feeds',
      [
        { after: '第 23 段）。', mark: '1', foot: ['1 见A/CONF.234/16，第3段。'] },
        {
          after: '畅所欲言。',
          mark: '2',
          foot: ['2 大会第77/231号决议，其中大会请预防犯罪和刑事司法委员会在第三十三届会议上核准', '第十五届预防犯罪大会的总主题。'],
        },
      ],
      { formFeed: false },
    ],
  ];
  for (const [name, notes, opts] of chineseCases) {
    it(`Chinese: ${name}`, () => {
      const result = ingest(paged(seedText(), notes, { width: 60, latin: false, ...opts }), ZH);
      expect(graphDifferences(clean.zh.graph, withoutFootnotes(result.graph))).toEqual([]);
      const expected = notes.map((n) => {
        const after = n.after.replace(/\s+/g, '');
        const node = clean.zh.graph.nodes.find(
          (x) => typeof x.properties.text === 'string' && x.labels.includes('Paragraph') && x.properties.text.replace(/\s+/g, '').includes(after),
        )!;
        const text = String(node.properties.text).replace(/\s+/g, '');
        return `${node.id}: ${n.foot.join('')} @ ${text.slice(0, text.indexOf(after) + after.length).slice(-12)}`;
      });
      expect(placements(result.graph, true)).toEqual(expected);
    });
  }
});

describe('never a footnote without both halves', () => {
  it('a line at the foot of a page that starts like a note but has no mark on its page stays text', () => {
    const text = paged(englishText(), [{ after: 'growing online', mark: '', foot: ['3 Member States were represented.'] }], {
      width: 80,
      latin: true,
      formFeed: true,
    });
    const result = ingest(text, EN);
    expect(result.footnotes).toEqual([]);
    expect(result.text).toContain('3 Member States were represented.');
  });

  it('numbers of the text are not marks: a symbol, a date, "paragraph 5", "from 10 to 12"', () => {
    const body = englishText().replace('growing online.', 'growing online (E/CN.15/2025/5), see paragraph 5 of resolution 79/186, from 10 to 5 March.');
    const text = paged(body, [{ after: 'to 5 March.', mark: '', foot: ['5 A note whose mark is nowhere.'] }], { width: 80, latin: true, formFeed: true });
    const result = ingest(text, EN);
    expect(result.footnotes).toEqual([]);
    expect(result.text).toContain('5 A note whose mark is nowhere.');
  });

  it('Chinese numbers with their measure word or 第 are not marks', () => {
    const text = paged(seedText(), [{ after: '2006 年 8 月 15 日', mark: '', foot: ['15 一个不是脚注的编号行。'] }], {
      width: 60,
      latin: false,
      formFeed: true,
    });
    const result = ingest(text, ZH);
    expect(result.footnotes).toEqual([]);
  });

  it('a mark that could stand in two places: the note is set apart, the text left as it is, a warning says so', () => {
    const body = englishText().replace('organized crime.', 'organized crime.1').replace('growing online.', 'growing online.1');
    const text = paged(body, [{ after: 'growing online.1', mark: '', foot: ['1 See A/CONF.234/16, para. 3.'] }], { width: 80, latin: true, formFeed: true });
    const result = ingest(text, EN);
    expect(result.footnotes).toEqual([expect.objectContaining({ marker: '1', text: 'See A/CONF.234/16, para. 3.' })]);
    expect(result.text).toContain('organized crime.1');
    expect(result.text).toContain('growing online.1');
    expect(result.warnings.some((w) => /footnote 1 could stand in 2 places/.test(w))).toBe(true);
    // The note is kept on the Report, since it cannot be placed.
    expect(placements(result.graph)).toEqual(['report:fn: 1 See A/CONF.234/16, para. 3. @ ']);
  });
});

describe('one report with footnotes as PDF, Word and pdftotext text (the PDF and Word files: tests/integration/server/ingest/document/footnotes.test.ts)', () => {
  it('the English text is what poppler pdftotext extracts from the PDF (form feeds, marks set off by a space, hanging notes)', () => {
    const text = readFileSync(repoPath('tests/fixtures/documents/footnoted-rpm.en.pdf-text.txt'), 'utf8');
    expect(text).toContain('\f');
    expect(text).toMatch(/issued\. 1\n/);
    expect(text).toMatch(/^\*\n1\n\nReissued/m);
  });
});
