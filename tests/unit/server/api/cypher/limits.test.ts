/**
 * Forms Neo4j could not stop once running are refused before they reach it
 * (server/api/cypher/limits.ts): deep nesting, big or unbounded range(), nested
 * list iteration, and regular expressions built at run time. Which patterns the regular
 * expression check (server/api/cypher/regex.ts, recheck) lets through:
 * tests/integration/server/api/cypher/regex.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../server/api/errors.ts';
import { checkText } from '../../../../../server/api/cypher/guard.ts';
import { checkExpressionLimits, MAX_DEPTH } from '../../../../../server/api/cypher/limits.ts';

function reason(query: string, params: Record<string, unknown> = {}): string | undefined {
  try {
    checkExpressionLimits(checkText(query).tokens, params);
    return undefined;
  } catch (error) {
    if (error instanceof ApiError) return (error.details as { reason: string }).reason;
    throw error;
  }
}

describe('nesting', () => {
  it.each([
    ['2,000 nested parentheses (the field report)', `RETURN ${'('.repeat(2000)}1${')'.repeat(2000)} AS x`],
    ['nested lists', `RETURN ${'['.repeat(MAX_DEPTH + 1)}1${']'.repeat(MAX_DEPTH + 1)} AS x`],
    ['nested maps', `RETURN ${'{a: '.repeat(MAX_DEPTH + 1)}1${'}'.repeat(MAX_DEPTH + 1)} AS x`],
    ['a chain of NOT', `RETURN ${'NOT '.repeat(400)}true AS x`],
    ['a chain of AND', `RETURN true${' AND true'.repeat(400)} AS x`],
    ['a chain of property accesses', `WITH {a: 1} AS m RETURN m${'.a'.repeat(300)} AS x`],
    ['nested CASE', `RETURN ${'CASE WHEN true THEN '.repeat(MAX_DEPTH + 1)}1${' END'.repeat(MAX_DEPTH + 1)} AS x`],
    ['mixed brackets', `RETURN ${'([{a: '.repeat(30)}1${'}])'.repeat(30)} AS x`],
  ])('refuses %s', (_form, query) => {
    expect(reason(query)).toBe('too_deeply_nested');
  });

  it('passes what real queries do: long lists, many clauses, a WHERE of twenty conditions, a long path', () => {
    expect(reason(`RETURN [${Array.from({ length: 5000 }, (_, i) => i).join(', ')}] AS l`)).toBeUndefined();
    expect(reason(`MATCH (n) WHERE ${Array.from({ length: 20 }, (_, i) => `n.p${i} = ${i}`).join(' AND ')} RETURN n`)).toBeUndefined();
    expect(reason(`MATCH p = (a)${'-[:R]->()'.repeat(12)} RETURN p`)).toBeUndefined();
    expect(reason(`RETURN ${'('.repeat(20)}1${')'.repeat(20)} AS x`)).toBeUndefined();
  });
});

describe('iteration inside one expression', () => {
  it.each([
    ['reduce over two billion values (the field report)', 'RETURN reduce(s = 0, x IN range(1, 2000000000) | s + x) AS r'],
    ['a comprehension over a huge range', 'RETURN size([x IN range(1, 2000000000) WHERE x < 0]) AS n'],
    ['a quantifier over a huge range', 'RETURN any(x IN range(0, 9999999999) WHERE x = -1) AS b'],
    ['range with bounds computed at run time', 'MATCH (n) RETURN [i IN range(0, size(n.text) * 1000000) | i] AS l'],
    ['range with a big parameter', 'RETURN size(range(1, $n)) AS n', { n: 5_000_000_000 }],
    ['range with a hex bound', 'RETURN size(range(0, 0x7FFFFFFF)) AS n'],
    ['nested comprehensions over ranges', 'RETURN size([x IN range(1, 100000) | [y IN range(1, 100000) | x * y]]) AS n'],
    ['membership over a range inside a comprehension', 'RETURN size([x IN range(1, 300000) WHERE x IN range(1, 300000)]) AS n'],
    ['nested comprehensions over collected lists', 'MATCH (a), (b) WITH collect(a.id) AS l RETURN size([x IN l | size([y IN l WHERE y = x])]) AS n'],
    ['membership in a collected list inside a quantifier', 'MATCH (a) WITH collect(a) AS l RETURN all(x IN l WHERE x IN l) AS b'],
    ['reduce concatenating strings over a collected list', "MATCH (a), (b) WITH collect(a.id) AS l RETURN size(reduce(s = '', x IN l | s + x)) AS n"],
    ['reduce concatenating lists over a big range', 'RETURN size(reduce(acc = [], x IN range(1, 100000) | acc + [x])) AS n'],
    [
      'membership hidden in a function argument inside a comprehension',
      'MATCH (a) WITH collect(a.id) AS l RETURN size([x IN l WHERE coalesce(null, x IN l)]) AS n',
    ],
    ['membership hidden in a list literal inside a comprehension', 'MATCH (a) WITH collect(a.id) AS l RETURN [x IN l | [1, x IN l]] AS n'],
  ] as [string, string, Record<string, unknown>?][])('refuses %s', (_form, query, params = {}) => {
    expect(reason(query, params)).toBe('unbounded_expression');
  });

  it('passes bounded and operator-level forms', () => {
    for (const [query, params] of [
      ['UNWIND range(1, 2000000000) AS x RETURN sum(x)', {}],
      ['RETURN reduce(s = 0, x IN range(1, 1000000) | s + x) AS r', {}],
      ['RETURN [x IN range(1, 10) | x * x] AS squares', {}],
      ['RETURN range(1, $n) AS l', { n: 1000 }],
      ['MATCH (r:Recommendation) WITH collect(r) AS rs RETURN [r IN rs WHERE r.id IN $ids | r.id] AS ids', { ids: ['rec:a', 'rec:b'] }],
      ["MATCH p = (a)-[*1..3]-(b) RETURN reduce(s = '', n IN nodes(p) | s + n.id + ' ') AS chain LIMIT 5", {}],
      ['MATCH (n) WHERE n.iso3 IN ["ARG", "BRA"] RETURN n', {}],
      ['MATCH (a) WITH collect(a) AS l RETURN [x IN l | x.id] AS ids', {}],
      ["RETURN size(reduce(s = 'xxxxxxxxxxxxxxxx', i IN range(1, 64) | s + s)) AS n", {}],
    ] as [string, Record<string, unknown>][]) {
      expect(reason(query, params), query).toBeUndefined();
    }
  });
});

describe('regular expressions', () => {
  it('refuses a pattern built at run time', () => {
    expect(reason('MATCH (n) WHERE n.text =~ n.name RETURN n')).toBe('regex');
    expect(reason("MATCH (n) WHERE n.text =~ '.*' + n.name + '.*' RETURN n")).toBe('regex');
    expect(reason("MATCH (n) WHERE n.text =~ '(?i).*traffick.*' RETURN n")).toBeUndefined();
    expect(reason('MATCH (n) WHERE n.text =~ $p RETURN n', { p: 'a.*' })).toBeUndefined();
    expect(reason('MATCH (n) WHERE n.text =~ $p RETURN n', { p: 3 })).toBe('regex');
  });
});
