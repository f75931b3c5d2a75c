import { describe, expect, it } from 'vitest';
import { findTermSpans, highlightSegments, normalizeDetails, spanPairs } from '../../../client/src/api/details.ts';

const recText = '加强国内法律框架，以履行《打击有组织犯罪公约》规定的义务；';

describe('node details', () => {
  it('groups relationships by type and direction from an object keyed by type', () => {
    const d = normalizeDetails({
      id: 'instrument:untoc',
      labels: ['Instrument'],
      properties: { name_zh: '联合国打击跨国有组织犯罪公约' },
      relationships: {
        CITES: [
          {
            direction: 'in',
            other: { id: 'rec:lac-rpm-2025:24(c)', labels: ['Recommendation'], name: '24(c)', text: recText },
            properties: { paragraph: 24, evidence: '打击有组织犯罪公约', spans: [13, 22] },
            provenance: [{ paragraph: 24, text: recText, spans: [13, 22] }],
          },
        ],
        MENTIONS: [{ direction: 'in', other: { id: 'para:lac-rpm-2025:12', labels: ['Paragraph'] }, provenance: { paragraph: 12, text: 'abc', spans: [[0, 1]] } }],
      },
    });
    expect(d.label).toBe('Instrument');
    const cites = d.groups.find((g) => g.type === 'CITES')!;
    expect(cites.direction).toBe('in');
    expect(cites.items[0]!.other).toMatchObject({ id: 'rec:lac-rpm-2025:24(c)', label: 'Recommendation', text: recText });
    expect(cites.items[0]!.provenance[0]).toMatchObject({ paragraph: 24, spans: [[13, 22]] });
    expect(d.groups.find((g) => g.type === 'MENTIONS')!.items[0]!.provenance[0]!.spans).toEqual([[0, 1]]);
  });

  it('reads a list of {type, direction, items} and out/in sub-objects too', () => {
    // The API's form (NodeDetails in the OpenAPI document): groups list their full count and at most `limit` items.
    const list = normalizeDetails({
      id: 'state:ARG',
      labels: ['State'],
      name: '阿根廷',
      properties: {},
      relationships: [
        {
          type: 'SPOKE_ON',
          direction: 'out',
          count: 3,
          items: [
            {
              id: '5:abc:12',
              other: { id: 'theme:15', labels: ['Theme'], name: '主题', name_zh: null, name_en: null, text: null },
              properties: { paragraph: 8, role: 'representative' },
              provenance: [{ report: 'report:lac-rpm-2025', paragraph: 8, paragraphId: 'para:lac-rpm-2025:8', label: '¶8', text: '下列国家代表作了发言：阿根廷', spans: [[11, 14]], evidence: null }],
            },
          ],
        },
      ],
    });
    expect(list.groups).toEqual([
      { type: 'SPOKE_ON', direction: 'out', count: 3, items: [expect.objectContaining({ other: expect.objectContaining({ id: 'theme:15', label: 'Theme' }), provenance: [expect.objectContaining({ paragraph: 8, paragraphId: 'para:lac-rpm-2025:8', spans: [[11, 14]] })] })] },
    ]);
    const split = normalizeDetails({ id: 'state:ARG', relationships: { ATTENDED: { out: [{ other: 'meeting:lac-rpm-2025' }], in: [] } } });
    expect(split.groups[0]).toMatchObject({ type: 'ATTENDED', direction: 'out' });
  });

  it('finds the evidence in the text when no spans are given', () => {
    const d = normalizeDetails({ id: 'x', relationships: { CITES: [{ other: { id: 'y' }, provenance: [{ paragraph: 24, text: recText, evidence: '打击有组织犯罪公约' }] }] } });
    expect(d.groups[0]!.items[0]!.provenance[0]!.spans).toEqual([[13, 22]]);
  });
});

describe('spans and highlighting', () => {
  it('reads the model\'s flat span list and nested forms', () => {
    expect(spanPairs([1, 3, 5, 9])).toEqual([[1, 3], [5, 9]]);
    expect(spanPairs([[1, 3]])).toEqual([[1, 3]]);
    expect(spanPairs([{ start: 2, end: 4 }])).toEqual([[2, 4]]);
    expect(spanPairs([3, 1])).toEqual([]);
    expect(spanPairs('nope')).toEqual([]);
  });

  it('marks the spans and keeps all the text', () => {
    const segments = highlightSegments(recText, [[13, 22]]);
    expect(segments.map((s) => s.text).join('')).toBe(recText);
    expect(segments.filter((s) => s.mark).map((s) => s.text)).toEqual(['打击有组织犯罪公约']);
  });

  it('merges overlapping spans and clips those past the end', () => {
    expect(highlightSegments('abcdef', [[1, 3], [2, 4], [5, 99]])).toEqual([
      { text: 'a', mark: false },
      { text: 'bcd', mark: true },
      { text: 'e', mark: false },
      { text: 'f', mark: true },
    ]);
  });

  it('finds terms longest first without overlaps', () => {
    const text = '跨国有组织犯罪与有组织犯罪';
    expect(findTermSpans(text, ['有组织犯罪', '跨国有组织犯罪'])).toEqual([[0, 7], [8, 13]]);
  });
});
