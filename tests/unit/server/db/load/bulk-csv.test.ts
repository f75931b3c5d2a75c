import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { GraphJson } from '../../../../../server/contract/model.ts';
import { ARRAY_DELIMITER, BulkInputError, EMPTY_LISTS_KEY, bulkCsv } from '../../../../../server/db/load/bulk-csv.ts';
import { planLoad } from '../../../../../server/db/load/plan.ts';

function report(id: string, state: Record<string, unknown>): GraphJson {
  return {
    reports: [id],
    nodes: [
      { id, labels: ['Report'], properties: { title: 'T, "quoted"\nsecond line', pages: 12, ratio: 0.5, final: true, note: '' } },
      { id: 'state:CHN', labels: ['State'], properties: { name: 'China', ...state } },
    ],
    relationships: [{ type: 'IN_REPORT', start: 'state:CHN', end: id, properties: {} }],
  } as unknown as GraphJson;
}

const rows = (text: string): string[][] => parse(text, { relax_column_count: false }) as string[][];

describe('bulkCsv', () => {
  it('types every column and quotes strings so that an empty one stays a string', () => {
    const csv = bulkCsv([planLoad(report('report:a', { aliases: ['中国', 'PRC'] }))]);
    const reportFile = csv.files.find((f) => f.text.includes('report:a') && f.kind === 'nodes' && f.name.includes('Report'))!;
    const [header, row] = rows(reportFile.text);
    expect(header).toEqual(['id:ID', ':LABEL', '_reports:string[]', 'final:boolean', 'note:string', 'pages:long', 'ratio:double', 'title:string']);
    expect(row).toEqual(['report:a', 'Report', 'report:a', 'true', '', '12', '0.5', 'T, "quoted"\nsecond line']);
    expect(reportFile.text).toContain(',"",'); // quoted: neo4j-admin reads an unquoted empty field as no value
    const state = rows(csv.files.find((f) => f.name.includes('State'))!.text);
    expect(state[0]).toContain('aliases:string[]');
    expect(state[1]![state[0]!.indexOf('aliases:string[]')]).toBe(['中国', 'PRC'].join(ARRAY_DELIMITER));
  });

  it("folds a node two reports share as the loader does: both in _reports, each one's say in _contrib", () => {
    const csv = bulkCsv([planLoad(report('report:a', { iso3: 'CHN' })), planLoad(report('report:b', { iso3: 'CHN', name_zh: '中国' }))]);
    expect(csv.nodes).toBe(3);
    expect(csv.relationships).toBe(2);
    const state = rows(csv.files.find((f) => f.name.includes('State'))!.text);
    const at = (k: string) => state[1]![state[0]!.findIndex((h) => h.startsWith(`${k}:`))];
    expect(at('_reports')).toBe(`report:a${ARRAY_DELIMITER}report:b`);
    expect(JSON.parse(at('_contrib')!)).toEqual({
      sets: [
        { iso3: 'CHN', name: 'China' },
        { iso3: 'CHN', name: 'China', name_zh: '中国' },
      ],
      of: [0, 1],
    });
  });

  it('marks empty lists (a CSV field cannot hold one) instead of writing them', () => {
    const csv = bulkCsv([planLoad(report('report:a', { aliases: [] }))]);
    expect(csv.emptyLists).toEqual(['aliases']);
    const state = rows(csv.files.find((f) => f.name.includes('State'))!.text);
    expect(state[0]).not.toContain('aliases:string[]');
    expect(state[1]![state[0]!.indexOf(`${EMPTY_LISTS_KEY}:string[]`)]).toBe('aliases');
  });

  it('refuses a list element holding the array delimiter rather than splitting it', () => {
    expect(() => bulkCsv([planLoad(report('report:a', { aliases: [`a${ARRAY_DELIMITER}b`] }))])).toThrow(BulkInputError);
  });
});
