/**
 * Layout recovery, trap by trap: each test lays a clean report out the way a PDF or a
 * conversion does and expects the graph of the clean text back (positions aside). The
 * examples are those of issue 12, on the seed and on the English fixture.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingestText } from '../../../../../server/ingest/ingestDocument.ts';
import { englishText, realGazetteer, seedText } from '../../../../setup/reports.ts';
import { graphDifferences, wrap } from '../../../../setup/documents.ts';

const gazetteer = await realGazetteer();
const ingest = (text: string, source = 'lac-rpm-2025.zh.txt') => ingestText(text, { source, gazetteer });
const seed = ingest(seedText());
const english = ingest(englishText(), 'asia-pacific-rpm-fixture.en.txt');

const HEADER = 'A/CONF.241/RPM.2/1';
const footer = (page: number) => `V.25-02177 (C)\n\n${page}/16`;
const lines = seedText().split('\n');
const at = (needle: string) => lines.findIndex((l) => l.includes(needle));

/** The seed with a page break (footer, blank lines, running header) after the line holding `needle`. */
function breakAfter(needle: string, page = 3): string {
  const i = at(needle);
  return [...lines.slice(0, i + 1), '', footer(page), '', HEADER, '', ...lines.slice(i + 1)].join('\n');
}

describe('page furniture', () => {
  it('a page break between paragraph 49 and its list changes nothing', () => {
    expect(graphDifferences(seed.graph, ingest(breakAfter('49. 与会者未经谈判提出了下列建议')).graph)).toEqual([]);
  });

  it('a page break inside a recommendation (between two halves of 37(e)) leaves neither "3/16" nor the symbol in it', () => {
    const i = lines.findIndex((l, k) => k > at('37. ') && /^\s*-?\s*\(e\)/.test(l));
    const line = lines[i]!;
    const half = Math.floor(line.length / 2);
    const text = [...lines.slice(0, i), line.slice(0, half), '', footer(3), '', HEADER, '', line.slice(half), ...lines.slice(i + 1)].join('\n');
    const graph = ingest(text).graph;
    expect(graphDifferences(seed.graph, graph)).toEqual([]);
  });

  it('a masthead before the report is taken out', () => {
    const masthead = ['联合国\tA/CONF.241/RPM.2/1', '大 会', 'Distr.: General', '2025年3月7日', '中文', '原文：西班牙文', ''];
    const { graph, removed } = ingest([...masthead, ...lines].join('\n'));
    expect(graphDifferences(seed.graph, graph)).toEqual([]);
    expect(removed).toEqual(['联合国\tA/CONF.241/RPM.2/1', '大 会', 'Distr.: General', '2025年3月7日', '中文', '原文：西班牙文']);
  });

  it('pages separated by form feeds, as pdftotext writes them, with a page header and footer', () => {
    const pages: string[] = [];
    for (let k = 0; k < lines.length; k += 40) pages.push([HEADER, '', ...lines.slice(k, k + 40), '', `V.25-02177 (C)\t${pages.length + 1}/16`].join('\n'));
    expect(graphDifferences(seed.graph, ingest(pages.join('\n\f')).graph)).toEqual([]);
  });
});

describe('contents', () => {
  it('entries with dot leaders, its "Annex" line included, do not switch the parser into the annex', () => {
    const text = seedText().replace(/^(.*\S)?\t(\d*)$/gm, (_m, title: string | undefined, page: string) => `${title ?? ''} …… ${page}`.trim());
    expect(text).toContain('附件 ……');
    expect(graphDifferences(seed.graph, ingest(text).graph)).toEqual([]);
  });

  it('entries with the page number after spaces (a Word file), a wrapped entry, and no leaders at all', () => {
    const text = englishText()
      .replace(/^(.+)\t(\d+)$/gm, '$1 $2')
      .replace(
        'A. Theme of the Fifteenth United Nations Congress on Crime Prevention and Criminal Justice 2',
        'A. Theme of the Fifteenth United Nations Congress on Crime Prevention and\nCriminal Justice . . . . . 2',
      );
    expect(graphDifferences(english.graph, ingest(text, 'asia-pacific-rpm-fixture.en.txt').graph)).toEqual([]);
  });
});

describe('wrapped lines', () => {
  it('Chinese wrapped at 38 characters: joined without a space; every recommendation keeps its agenda item, every speaker link stays', () => {
    const { graph, warnings } = ingest(wrap(seedText(), 38, false));
    expect(warnings).toEqual([]);
    // Where a line broke between a Han character and a digit, nothing says whether a space stood there.
    expect(graphDifferences(seed.graph, graph, { layoutWhitespace: true })).toEqual([]);
  });

  it('English wrapped at 72 characters: joined with a space, headings wrapped over two lines recognised', () => {
    const { graph, warnings } = ingest(wrap(englishText(), 72, true), 'asia-pacific-rpm-fixture.en.txt');
    expect(warnings).toEqual(english.warnings);
    expect(graphDifferences(english.graph, graph)).toEqual([]);
  });

  it('a word broken at a line-end hyphen is rejoined: whole where the report writes it whole, hyphenated where it writes the hyphen', () => {
    const base = englishText().replace(
      'regional preparatory meetings should be held',
      'regional preparatory meetings should be held (inter-regional cooperation aside) in each region of the international community',
    );
    const broken = base.replace('each region of the international', 'each region of the inter-\nnational').replace('(inter-regional', '(inter-\nregional');
    const p1 = (t: string) => ingest(t, 'asia-pacific-rpm-fixture.en.txt').graph.nodes.find((n) => n.id === 'para:asia-pacific-rpm-fixture:1')!.properties.text;
    expect(p1(broken)).toBe(p1(base));
  });

  it('a line spread by justification ("会 议 上 ，") gets its spaces back out (the spaces it had beside Han characters go too)', () => {
    const i = at('95. ');
    const spread = lines[i]!.replace(/(?<=[\u4E00-\u9FFF，])(?=[\u4E00-\u9FFF，])/g, ' ');
    const text = [...lines.slice(0, i), spread, ...lines.slice(i + 1)].join('\n');
    expect(graphDifferences(seed.graph, ingest(text).graph, { layoutWhitespace: true })).toEqual([]);
  });
});

describe('the annex', () => {
  it('rows with a leader or spaces between symbol and title, a title wrapped over lines', () => {
    const text = englishText()
      .replace(/^(A\/CONF\.241\/[^\t]+)\t(.*)$/gm, '$1 …… $2')
      .replace(/^(A\/CONF\.241\/RPM\.1\/1) …… (.*)$/m, '$1   $2');
    expect(graphDifferences(english.graph, ingest(text, 'asia-pacific-rpm-fixture.en.txt').graph)).toEqual([]);
  });
});

describe('page furniture at any line break changes nothing (property)', () => {
  const furniture = fc.constantFrom(
    `\n${footer(4)}\n\n${HEADER}\n`,
    `\nV.25-02177 (C)\t5/16\n\f${HEADER}\n\n`,
    `\n\n12/16\n\n`,
    `\n- 7 -\n`,
    `\n*2502177*\n\n${HEADER}\n`,
  );
  it('the seed, furniture inserted at up to six random line breaks', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 20, max: lines.length - 2 }), { minLength: 1, maxLength: 6 }),
        fc.array(furniture, { minLength: 6, maxLength: 6 }),
        (breaks, blocks) => {
          const out: string[] = [];
          for (const [k, line] of lines.entries()) {
            out.push(line);
            const j = breaks.indexOf(k);
            if (j !== -1) out.push(blocks[j]!);
          }
          expect(graphDifferences(seed.graph, ingest(out.join('\n')).graph)).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  }, 180_000);
});
