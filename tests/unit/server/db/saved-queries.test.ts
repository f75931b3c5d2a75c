import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  coerceSavedQueryParams,
  listSavedQueries,
  parametersUsed,
  parseSavedQuery,
  SavedQueryFormatError,
  SavedQueryParamError,
  type SavedQuery,
} from '../../../../server/db/saved-queries.ts';

const CITING = `// @title_en Recommendations citing an instrument
// @title_zh 引用某一文书的建议
// @description Every recommendation that cites the instrument,
// with its text.
// @param instrument string "instrument:untoc" The instrument's id
// @param limit integer 50 At most this many rows
// @param minScore float 0.5 Cut-off
// @param strict boolean false Exact matches only
// @param labels list<string> ["State", "Organization"] Which labels
//   (any of MODEL's entity labels)

MATCH (r:Recommendation)-[c:CITES]->(i:Instrument {id: $instrument})
WHERE $strict OR c.score >= $minScore AND any(l IN labels(r) WHERE l IN $labels)
RETURN r.id AS recommendation, r.text AS text // not $this
LIMIT $limit
`;

describe('parseSavedQuery', () => {
  const q = parseSavedQuery('citing', CITING);

  it('reads titles, a description continued on the next line, and the query without its header', () => {
    expect(q.name).toBe('citing');
    expect(q.title_en).toBe('Recommendations citing an instrument');
    expect(q.title_zh).toBe('引用某一文书的建议');
    expect(q.description).toBe('Every recommendation that cites the instrument, with its text.');
    expect(q.cypher.startsWith('MATCH (r:Recommendation)')).toBe(true);
    expect(q.cypher).not.toContain('@title');
  });

  it('reads each parameter: name, type, JSON default, free text', () => {
    expect(q.params).toEqual([
      { name: 'instrument', type: 'string', default: 'instrument:untoc', description: "The instrument's id" },
      { name: 'limit', type: 'integer', default: 50, description: 'At most this many rows' },
      { name: 'minScore', type: 'float', default: 0.5, description: 'Cut-off' },
      { name: 'strict', type: 'boolean', default: false, description: 'Exact matches only' },
      { name: 'labels', type: 'list<string>', default: ['State', 'Organization'], description: "Which labels (any of MODEL's entity labels)" },
    ]);
  });

  it('takes defaults holding spaces, quotes and brackets inside strings', () => {
    const text = `// @title_en T\n// @title_zh 题\n// @description D\n// @param a string "a \\"b\\" [c]" text\n// @param b list<string> ["x ]", "y"] more\nRETURN $a, $b`;
    const parsed = parseSavedQuery('t', text);
    expect(parsed.params.map((p) => [p.default, p.description])).toEqual([
      ['a "b" [c]', 'text'],
      [['x ]', 'y'], 'more'],
    ]);
  });

  it('takes a null default and an empty description', () => {
    const parsed = parseSavedQuery('t', '// @title_en T\n// @title_zh 题\n// @description D\n// @param a string null\nRETURN $a');
    expect(parsed.params[0]).toEqual({ name: 'a', type: 'string', default: null, description: '' });
  });

  it.each([
    ['a missing title', '// @title_en T\n// @description D\nRETURN 1', /lacks @title_zh/],
    ['an unknown tag', '// @title_en T\n// @title_zh 题\n// @description D\n// @author me\nRETURN 1', /line 4: unknown header tag @author/],
    ['an unknown type', '// @title_en T\n// @title_zh 题\n// @description D\n// @param a date "x" y\nRETURN $a', /line 4: @param must read/],
    ['a default of the wrong type', '// @title_en T\n// @title_zh 题\n// @description D\n// @param a integer "5" y\nRETURN $a', /not a integer/],
    ['a default that is not JSON', "// @title_en T\n// @title_zh 题\n// @description D\n// @param a string 'x' y\nRETURN $a", /not a JSON literal/],
    ['a non-integer integer default', '// @title_en T\n// @title_zh 题\n// @description D\n// @param a integer 1.5 y\nRETURN $a', /not a integer/],
    [
      'a parameter declared twice',
      '// @title_en T\n// @title_zh 题\n// @description D\n// @param a string "x"\n// @param a string "y"\nRETURN $a',
      /declared twice/,
    ],
    ['an undeclared parameter', '// @title_en T\n// @title_zh 题\n// @description D\nRETURN $a', /uses \$a but the header does not declare it/],
    [
      'a declared but unused parameter',
      '// @title_en T\n// @title_zh 题\n// @description D\n// @param a string "x"\nRETURN 1',
      /declares a but the query never uses it/,
    ],
    ['no query', '// @title_en T\n// @title_zh 题\n// @description D\n', /no query after the header/],
  ])('rejects %s, naming the file', (_what, text, message) => {
    expect(() => parseSavedQuery('bad', text)).toThrow(SavedQueryFormatError);
    expect(() => parseSavedQuery('bad', text)).toThrow(message);
    expect(() => parseSavedQuery('bad', text)).toThrow(/^bad\.cypher/);
  });
});

describe('parametersUsed', () => {
  it('ignores dollars inside strings and comments', () => {
    expect([...parametersUsed("MATCH (n {id: $id}) WHERE n.s = '$no' /* $nor */ RETURN $x // $nope")]).toEqual(['id', 'x']);
  });
});

describe('listSavedQueries', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'saved-queries-'));
    await writeFile(path.join(dir, 'b-citing.cypher'), CITING);
    await writeFile(path.join(dir, 'a-simple.cypher'), '// @title_en A\n// @title_zh 甲\n// @description All.\nMATCH (n) RETURN count(n) AS n\n');
    await writeFile(path.join(dir, 'notes.md'), 'not a query');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('lists the .cypher files of a directory, sorted by name', async () => {
    const queries = await listSavedQueries(dir);
    expect(queries.map((q) => q.name)).toEqual(['a-simple', 'b-citing']);
    expect(queries[0]!.params).toEqual([]);
  });

  it('parses every query the project ships', async () => {
    const queries = await listSavedQueries();
    for (const q of queries) expect(() => coerceSavedQueryParams(q, {})).not.toThrow();
  });
});

describe('coerceSavedQueryParams', () => {
  const q: SavedQuery = parseSavedQuery('citing', CITING);

  it('fills defaults, with integers as neo4j Integers', () => {
    const params = coerceSavedQueryParams(q, {});
    // `reports` is the corpus filter every saved query gets: null (every report) when none is in force.
    expect(params).toEqual({
      instrument: 'instrument:untoc',
      limit: neo4j.int(50),
      minScore: 0.5,
      strict: false,
      labels: ['State', 'Organization'],
      reports: null,
    });
    expect(neo4j.isInt(params.limit)).toBe(true);
  });

  it('passes the reports of the corpus filter as $reports', () => {
    expect(coerceSavedQueryParams(q, {}, ['report:lac-rpm-2025', 'report:afr-rpm-2025']).reports).toEqual(['report:lac-rpm-2025', 'report:afr-rpm-2025']);
  });

  it('coerces values as query strings give them', () => {
    const params = coerceSavedQueryParams(q, { limit: '7', minScore: '0.25', strict: 'true', labels: 'State', instrument: 'instrument:x' });
    expect(neo4j.isInt(params.limit)).toBe(true);
    expect(params.limit?.toString()).toBe('7');
    expect(params).toMatchObject({ minScore: 0.25, strict: true, labels: ['State'], instrument: 'instrument:x' });
  });

  it('takes typed values as JSON gives them, and null as "use the default"', () => {
    const params = coerceSavedQueryParams(q, { limit: 3, minScore: 1, strict: true, labels: ['A', 'B'], instrument: null });
    expect(params).toMatchObject({ limit: neo4j.int(3), minScore: 1, strict: true, labels: ['A', 'B'], instrument: 'instrument:untoc' });
  });

  it('rejects an unknown parameter', () => {
    expect(() => coerceSavedQueryParams(q, { limt: 3 })).toThrow(SavedQueryParamError);
    expect(() => coerceSavedQueryParams(q, { limt: 3 })).toThrow(/unknown parameter limt/);
  });

  it.each([
    ['limit', '3.5'],
    ['limit', 2.5],
    ['limit', '12abc'],
    ['limit', 2 ** 60],
    ['minScore', 'abc'],
    ['minScore', ''],
    ['strict', 'yes'],
    ['labels', [1, 2]],
    ['instrument', 42],
  ])('rejects %s = %j', (name, value) => {
    try {
      coerceSavedQueryParams(q, { [name]: value });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SavedQueryParamError);
      expect((error as SavedQueryParamError).issues.join()).toContain(name);
    }
  });
});
