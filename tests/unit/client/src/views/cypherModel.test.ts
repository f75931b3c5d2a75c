import { describe, expect, it } from 'vitest';
import { cappedNotes, describeValue, rowValues } from '../../../../../client/src/views/cypherModel.ts';
import type { Json } from '../../../../../server/contract/graph.ts';
import { HISTORY_LIMIT, pushHistory, readHistory, writeHistory, type HistoryStorage } from '../../../../../client/src/state/history.ts';

describe('Cypher result cells', () => {
  it('shows nodes by name, relationships by type, lists item by item', () => {
    expect(describeValue({ id: 'rec:lac-rpm-2025:24(c)', labels: ['Recommendation'], properties: { id: 'rec:lac-rpm-2025:24(c)', text: '…' } }, 'en')).toEqual({
      kind: 'node',
      id: 'rec:lac-rpm-2025:24(c)',
      label: 'Recommendation',
      text: 'Recommendation 24(c)',
    });
    expect(describeValue({ id: 'state:ARG', labels: ['State'], properties: { id: 'state:ARG', name_zh: '阿根廷', name_en: 'Argentina' } }, 'zh')).toMatchObject(
      { kind: 'node', text: '阿根廷' },
    );
    expect(describeValue({ id: '5:abc:9', type: 'CITES', start: 'rec:r:24(c)', end: 'instrument:untoc', properties: {} })).toMatchObject({
      kind: 'relationship',
      text: ':CITES',
    });
    const path: Json = {
      nodes: [
        { id: 'state:ARG', labels: ['State'], properties: { name_en: 'Argentina' } },
        { id: 'theme:15', labels: ['Theme'], properties: { title_en: 'Theme' } },
      ],
      relationships: [],
    };
    expect(describeValue(path, 'en')).toMatchObject({
      kind: 'list',
      separator: ' → ',
      items: [
        { kind: 'node', text: 'Argentina' },
        { kind: 'node', id: 'theme:15' },
      ],
    });
    expect(describeValue([1, 'a'])).toEqual({
      kind: 'list',
      items: [
        { kind: 'scalar', text: '1' },
        { kind: 'scalar', text: 'a' },
      ],
    });
    expect(describeValue(null)).toEqual({ kind: 'scalar', text: 'null' });
    expect(describeValue({ a: 1 })).toEqual({ kind: 'map', text: '{"a":1}' });
  });

  it("puts a row's values in column order", () => {
    expect(rowValues({ b: 2, a: 1 }, ['a', 'b'])).toEqual([1, 2]);
    expect(rowValues({ a: null }, ['a'])).toEqual([null]);
  });

  it('notices capped results in the summary', () => {
    expect(cappedNotes({ rowsTruncated: true, graphTruncated: false })).toEqual(['rowsTruncated']);
    expect(cappedNotes({ rowsTruncated: true, graphTruncated: true })).toEqual(['rowsTruncated', 'graphTruncated']);
    expect(cappedNotes({ rowsTruncated: false, graphTruncated: false })).toEqual([]);
  });
});

describe('query history', () => {
  const memory = (): HistoryStorage & { data: Map<string, string> } => {
    const data = new Map<string, string>();
    return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
  };

  it('puts the latest query first, once, and caps the list', () => {
    let history: string[] = [];
    history = pushHistory(history, 'MATCH (a) RETURN a');
    history = pushHistory(history, 'MATCH (b) RETURN b');
    history = pushHistory(history, '  MATCH (a) RETURN a  ');
    expect(history).toEqual(['MATCH (a) RETURN a', 'MATCH (b) RETURN b']);
    expect(pushHistory(history, '   ')).toEqual(history);
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) history = pushHistory(history, `RETURN ${i}`);
    expect(history).toHaveLength(HISTORY_LIMIT);
  });

  it('survives in storage and shrugs off a corrupt entry', () => {
    const storage = memory();
    writeHistory(storage, ['RETURN 1']);
    expect(readHistory(storage)).toEqual(['RETURN 1']);
    storage.setItem('congress-graph.cypher-history', '{not json');
    expect(readHistory(storage)).toEqual([]);
    expect(readHistory(undefined)).toEqual([]);
  });
});
