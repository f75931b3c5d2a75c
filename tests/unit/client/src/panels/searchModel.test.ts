import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../../../server/contract/api.ts';
import { displayOrder, groupByKind, resultLines, resultName } from '../../../../../client/src/panels/searchModel.ts';
import { fullName, setUnitTags } from '../../../../../client/src/i18n/names.ts';

const r = (id: string, label: string, extra: Partial<SearchResult> = {}): SearchResult => ({
  id,
  labels: [label],
  name: id,
  name_en: null,
  name_zh: null,
  score: 2,
  match: 'text',
  ...extra,
});

describe('the search dropdown', () => {
  const results = [
    r('crime:cybercrime', 'CrimeType', { name: '网络犯罪', name_zh: '网络犯罪', name_en: 'cybercrime', snippet: 'cybercrime', highlights: [[0, 10]] }),
    r('rec:eur-rpm-2025:24(e)', 'Recommendation', { snippet: '…units for the investigation of cybercrime and', highlights: [[32, 42]], tag: 'ENA-15' }),
    r('instrument:cybercrime-convention', 'Instrument', { name_en: 'Convention against Cybercrime', name_zh: '打击网络犯罪公约' }),
    r('para:lac-rpm-2025:20', 'Paragraph', {
      snippet: '会上指出网络犯罪是',
      highlights: [[4, 8]],
      tag: 'LAC-15',
      via: { kind: 'alias', from: 'crime:cybercrime', form: '网络犯罪' },
    }),
    r('rec:lac-rpm-2025:66(g)', 'Recommendation', { tag: 'LAC-15' }),
  ];

  it('groups results by kind, the group of the best result first, ranks kept within a group', () => {
    expect(groupByKind(results).map((g) => [g.label, g.results.map((x) => x.id)])).toEqual([
      ['CrimeType', ['crime:cybercrime']],
      ['Recommendation', ['rec:eur-rpm-2025:24(e)', 'rec:lac-rpm-2025:66(g)']],
      ['Instrument', ['instrument:cybercrime-convention']],
      ['Paragraph', ['para:lac-rpm-2025:20']],
    ]);
    expect(displayOrder(results).map((x) => x.id)).toEqual([
      'crime:cybercrime',
      'rec:eur-rpm-2025:24(e)',
      'rec:lac-rpm-2025:66(g)',
      'instrument:cybercrime-convention',
      'para:lac-rpm-2025:20',
    ]);
  });

  it('names paragraphs and recommendations by number, in both languages', () => {
    expect(resultName(results[1]!, 'en')).toBe('Recommendation 24(e)');
    expect(resultName(results[1]!, 'zh')).toBe('建议 24(e)');
    expect(resultName(results[3]!, 'zh')).toBe('第 20 段');
    expect(resultName(results[2]!, 'en')).toBe('Convention against Cybercrime');
  });

  it('highlights the name when it is what matched, else shows the words matched on a line of their own', () => {
    expect(resultLines(results[0]!, 'en')).toMatchObject({ name: 'cybercrime', nameHighlights: [[0, 10]], other: '网络犯罪', detail: null });
    expect(resultLines(results[0]!, 'zh')).toMatchObject({
      name: '网络犯罪',
      nameHighlights: [],
      other: 'cybercrime',
      otherHighlights: [[0, 10]],
      detail: null,
    });
    expect(resultLines(results[1]!, 'en')).toMatchObject({
      name: 'Recommendation 24(e)',
      detail: '…units for the investigation of cybercrime and',
      detailHighlights: [[32, 42]],
    });
    expect(resultLines(results[4]!, 'en')).toMatchObject({ detail: null, detailHighlights: [] });
  });

  it('names a paragraph or recommendation without its meeting tag, which the result shows beside it (a corpus of several meetings)', () => {
    setUnitTags((report) => ({ 'report:lac-rpm-2025': 'LAC-15', 'report:eur-rpm-2025': 'ENA-15' })[report]);
    try {
      expect(fullName({ id: 'rec:lac-rpm-2025:66(g)', label: 'Recommendation', props: {} }, 'zh')).toBe('LAC-15 建议 66(g)');
      expect(resultName(r('rec:lac-rpm-2025:66(g)', 'Recommendation', { tag: 'LAC-15' }), 'zh')).toBe('建议 66(g)');
      expect(resultName(r('para:eur-rpm-2025:20', 'Paragraph', { tag: 'ENA-15' }), 'en')).toBe('Paragraph 20');
    } finally {
      setUnitTags(() => undefined);
    }
  });
});
