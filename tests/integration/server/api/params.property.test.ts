/**
 * Every API parameter under hostile input (property-based, on the real seed):
 * random strings, lone surrogates, huge and odd numbers, Lucene and Cypher
 * fragments, path traversal in ids, export names and formats, random JSON bodies.
 * The answer is always a 2xx, or a 4xx in the one error shape; never a 5xx, never a
 * stack trace or a file path; and the database is unchanged at the end.
 */
import type { Express } from 'express';
import fc from 'fast-check';
import type { Driver } from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorResponse } from '../../../../server/contract/api.ts';
import { assertNoLeak, seededApp } from './helpers.ts';
import { deepFingerprint, type DeepFingerprint } from './deep-fingerprint.ts';

let driver: Driver;
let app: Express;
let before: DeepFingerprint;

beforeAll(async () => {
  ({ driver, app } = await seededApp({ RATE_LIMIT_CYPHER: '0', RATE_LIMIT_SEARCH: '0' }));
  before = await deepFingerprint(driver);
});
afterAll(() => driver.close());

const NASTY = [
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2fetc%2fpasswd',
  '/etc/passwd',
  'file:///etc/passwd',
  '\u0000',
  'a\u0000b',
  '\r\nSet-Cookie: x=1',
  'state:ARG',
  'instrument:untoc',
  'report:lac-rpm-2025',
  'rec:lac-rpm-2025:24(c)',
  'doc:A/CONF.241/PM.1',
  '*',
  '?',
  '~',
  '"',
  "'",
  '\\',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '^',
  ':',
  '/',
  '&&',
  '||',
  '!',
  '-',
  '+',
  'a AND b OR NOT c',
  'name:*',
  '*:*',
  'x~0.5',
  '"unclosed',
  '[a TO z]',
  'field:(a b)',
  'MATCH (n) DETACH DELETE n',
  "' OR 1=1 //",
  '") RETURN n //',
  '$x',
  '`',
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  '%s%s%n',
  'NaN',
  'Infinity',
  '-Infinity',
  '-1',
  '0',
  '1e308',
  '1e-308',
  '99999999999999999999999',
  '0x10',
  '1.5',
  '-0',
  ' ',
  '',
  '贩运',
  '𐀀😀',
  '\ud800',
  '\udfff',
  'State,Foo',
  'Paragraph',
  'CITES,,',
  ',',
  'json',
  'csv',
  'gexf',
  'graphml',
  'xml',
  'nodes',
  'relationships',
];

/** Strings a hostile or broken client sends. */
const hostile: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ minLength: 190, maxLength: 600 }),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.double().map(String),
  fc.array(fc.constantFrom(...NASTY), { maxLength: 4 }).map((parts) => parts.join(',')),
);

/** A lone surrogate cannot be UTF-8: a client sends its bytes as if it could (CESU-8), which is invalid UTF-8. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const encode = (value: string): string =>
  value
    .split(LONE_SURROGATE)
    .map((part) => encodeURIComponent(part))
    .join('%ED%A0%80');

/** A query-string value: usually encoded, sometimes raw (as a careless client sends it). */
const q = (value: string, raw: boolean): string => {
  if (!raw) return encode(value);
  // Raw, but still a URL that can be sent: only what would break the request line is escaped.
  return value.replace(LONE_SURROGATE, '\ufffd').replace(/[\s#&%?\u0000-\u001f\u007f]|[^\u0000-\u007f]/gu, (c) => encodeURIComponent(c));
};

function check(res: request.Response, what: string): void {
  expect(res.status, `${what} → ${res.status} ${res.text.slice(0, 300)}`).toBeLessThan(500);
  expect(res.status).toBeGreaterThanOrEqual(200);
  assertNoLeak(res.text);
  if (res.status >= 400) {
    const parsed = ErrorResponse.safeParse(res.body);
    expect(parsed.success, `${what} → ${res.status} not the error shape: ${res.text.slice(0, 300)}`).toBe(true);
  }
}

const RUNS = { numRuns: 25 };

describe('GET endpoints under hostile parameters (property)', () => {
  const getters: [string, (v: string[], raw: boolean) => string][] = [
    ['graph', ([a, b, c, d], raw) => `/api/graph?labels=${q(a!, raw)}&types=${q(b!, raw)}&report=${q(c!, raw)}&limit=${q(d!, raw)}`],
    ['node', ([a, b], raw) => `/api/nodes/${encode(a!)}?limit=${q(b!, raw)}`],
    [
      'neighbours',
      ([a, b, c, d], raw) => `/api/nodes/${encode(a!)}/neighbors?depth=${q(b!, raw)}&limit=${q(c!, raw)}&labels=${q(d!, raw)}&types=${q(d!, raw)}`,
    ],
    ['search', ([a, b, c], raw) => `/api/search?q=${q(a!, raw)}&labels=${q(b!, raw)}&limit=${q(c!, raw)}`],
    ['path', ([a, b, c, d], raw) => `/api/path?from=${q(a!, raw)}&to=${q(b!, raw)}&maxLength=${q(c!, raw)}&types=${q(d!, raw)}`],
    ['citations', ([a, b, c], raw) => `/api/citations?instrument=${q(a!, raw)}&report=${q(b!, raw)}&format=${q(c!, raw)}`],
    ['export', ([a, b, c], raw) => `/api/export?format=${q(a!, raw)}&report=${q(b!, raw)}&table=${q(c!, raw)}`],
  ];
  it.each(getters)(
    '%s: always 2xx or a 4xx error, never a 5xx or a stack trace',
    async (_name, url) => {
      await fc.assert(
        fc.asyncProperty(fc.array(hostile, { minLength: 4, maxLength: 4 }), fc.boolean(), async (values, raw) => {
          const path = url(values, raw);
          check(await request(app).get(path), path);
        }),
        RUNS,
      );
    },
    120_000,
  );

  it('search: Lucene and Cypher syntax in q is searched as text (200), never an error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...NASTY.slice(22, 52), 'trafficking', '贩运', 'AND', 'OR', 'NOT', 'TO'), { minLength: 1, maxLength: 5 }),
        async (parts) => {
          const text = parts.join(' ').trim();
          if (text === '') return;
          const res = await request(app).get(`/api/search?q=${encodeURIComponent(text)}`);
          expect(res.status, `${text} → ${res.text.slice(0, 200)}`).toBe(200);
        },
      ),
      RUNS,
    );
  }, 60_000);

  it('path traversal in ids and names reads nothing from the disk', async () => {
    for (const path of [
      '/api/nodes/..%2F..%2F..%2Fetc%2Fpasswd',
      '/api/nodes/%2e%2e/%2e%2e/etc/passwd',
      '/api/nodes/..%5c..%5cwindows',
      '/api/queries/..%2F..%2Fpackage',
      '/api/export?format=json&report=..%2F..%2F..%2Fetc%2Fpasswd',
      '/api/export?format=csv&report=%2Fetc%2Fpasswd&table=nodes',
      '/api/citations?format=csv&instrument=..%2F..%2Fetc%2Fpasswd',
      '/assets/..%2F..%2F..%2Fpackage.json',
      '/..%2F..%2Fpackage.json',
      '/assets/%2e%2e/%2e%2e/server/config.ts',
    ]) {
      const res = await request(app).get(path);
      check(res, path);
      expect(res.text).not.toMatch(/root:x:0:0|"devDependencies"|loadConfig/);
      // An attachment's name never carries a path separator (dots alone are harmless in a file name).
      const disposition = String(res.headers['content-disposition'] ?? '');
      expect(disposition).not.toMatch(/[/\\]/);
    }
  });
});

describe('POST bodies under hostile input (property)', () => {
  const body = fc.oneof(
    fc.jsonValue(),
    fc.record({ query: hostile, params: fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue())) }),
    fc.record({
      query: fc.constantFrom('RETURN $x AS x', 'MATCH (n) WHERE n.id = $x RETURN n LIMIT 3', 'RETURN 1'),
      params: fc.dictionary(fc.constantFrom('x', 'y', ''), fc.jsonValue()),
    }),
    fc.record({ params: fc.jsonValue() }),
  );

  it('/api/cypher: random JSON, random queries and parameters', async () => {
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        check(
          await request(app).post('/api/cypher').set('content-type', 'application/json').send(JSON.stringify(b)),
          `cypher ${JSON.stringify(b).slice(0, 200)}`,
        );
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('/api/queries/:name: random names and parameters', async () => {
    const name = fc.oneof(fc.constantFrom('citation-matrix', 'shortest-path', 'recommendations-citing-instrument', 'crime-cooccurrence'), hostile);
    await fc.assert(
      fc.asyncProperty(name, body, async (n, b) => {
        check(
          await request(app)
            .post(`/api/queries/${encode(n)}`)
            .set('content-type', 'application/json')
            .send(JSON.stringify(b)),
          `queries/${n}`,
        );
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('bodies that are not JSON, or claim a type they are not', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.constantFrom('{', '{"query":', '[]', 'null', '"x"', '{"query": "RETURN 1", "params": []}', '\u0000'),
        ),
        fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'multipart/form-data'),
        fc.constantFrom('/api/cypher', '/api/queries/citation-matrix', '/api/reports'),
        async (text, type, path) => {
          check(await request(app).post(path).set('content-type', type).send(text), `${path} as ${type}`);
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);

  it('left the database as it was', async () => {
    expect(await deepFingerprint(driver)).toEqual(before);
  });
});
