/**
 * Attempts to get a write, a file read or server administration past the Cypher
 * console (issue 8). The plain refused forms are in tests/integration/server/api/
 * cypher/cypher-console.test.ts; these are the disguises: comments, odd whitespace and
 * case, backticks, subqueries, FOREACH, procedures by other names, USE, statements
 * hidden behind strings, EXPLAIN/PROFILE/CYPHER prefixes, and queries meant to
 * exhaust memory or time. Each must be refused (400) or stopped by a limit, and the
 * database (data, schema, tokens, users) must be exactly as it was.
 */
import type { Express } from 'express';
import type { Driver } from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiApp, assertNoLeak, seededApp } from '../helpers.ts';
import { deepFingerprint, type DeepFingerprint } from '../deep-fingerprint.ts';

let driver: Driver;
let app: Express;
let before: DeepFingerprint;

beforeAll(async () => {
  ({ driver, app } = await seededApp({ CYPHER_TIMEOUT_MS: '2000', RATE_LIMIT_CYPHER: '0' }));
  before = await deepFingerprint(driver);
});
afterAll(() => driver.close());

/** What must come back: a refusal for this reason, or any 400 (syntax, unknown procedure …). */
type Expect = { reason: string } | 'rejected';

const BYPASSES: [form: string, query: string, expected: Expect][] = [
  // The guard's reason for a plain write (it once said schema_command).
  ['CREATE with a new label, returning it', 'CREATE (n:X) RETURN n', { reason: 'write' }],
  ['CREATE with an existing label', 'CREATE (n:State {id: "state:ZZZ"}) RETURN n', { reason: 'write' }],
  // Comments and whitespace.
  ['block comment glued to CREATE', '/* just a read */CREATE (n:Intruder) RETURN n', { reason: 'write' }],
  ['line comment, then CREATE on the next line', '// RETURN 1\nCREATE (n:Intruder)', { reason: 'write' }],
  ['comment holding a quote before the write', "// it's a read\nMATCH (s:State) WITH s LIMIT 1 CREATE (:Intruder)", { reason: 'write' }],
  ['unterminated comment hiding the write', '/* CREATE (:Intruder)', 'rejected'],
  ['no-break space between words', 'MATCH (s:State)\u00a0WITH s LIMIT 1\u00a0CREATE (:Intruder)', { reason: 'write' }],
  ['ideographic space and line separator', 'MATCH (s:State)\u3000WITH s LIMIT 1\u2028CREATE (:Intruder)', { reason: 'write' }],
  ['Mongolian vowel separator (not a JS space) inside LOAD CSV', "LOAD\u180eCSV FROM 'http://127.0.0.1:1/x.csv' AS row RETURN row", 'rejected'],
  ['Mongolian vowel separator inside SHOW USERS', 'SHOW\u180eUSERS', 'rejected'],
  ['zero-width space inside CREATE', 'CRE\u200bATE (n:Intruder)', 'rejected'],
  ['zero-width joiner before CREATE', 'MATCH (s:State) WITH s LIMIT 1 \u200dCREATE (:Intruder)', 'rejected'],
  ['byte-order mark first', '\ufeffCREATE (n:Intruder)', 'rejected'],
  ['full-width letters', 'ＣＲＥＡＴＥ (n:Intruder)', 'rejected'],
  // Case and quoting.
  ['lower case', 'create (n:Intruder) return n', { reason: 'write' }],
  ['mixed case', 'cReAtE (n:Intruder) ReTuRn n', { reason: 'write' }],
  ['lower-case merge and delete', 'merge (n:Intruder {k: 1}) with n detach delete n', { reason: 'write' }],
  ['backticked keyword', '`CREATE` (n:Intruder)', 'rejected'],
  ['backticked label and property', 'CREATE (n:`Intr;uder` {`a;b`: 1})', { reason: 'write' }],
  // Subqueries and FOREACH.
  ['unit subquery with a write', 'CALL { CREATE (:Intruder) }', { reason: 'write' }],
  ['scoped subquery with SET', 'MATCH (s:State) CALL (s) { SET s.hacked = true } RETURN count(*)', { reason: 'write' }],
  ['subquery write after UNION', 'CALL { RETURN 1 AS x UNION CREATE (n:Intruder) RETURN 2 AS x } RETURN x', 'rejected'],
  ['CALL { … } IN TRANSACTIONS with a write', 'CALL { CREATE (:Intruder) } IN TRANSACTIONS', { reason: 'in_transactions' }],
  ['IN TRANSACTIONS split by a comment', 'MATCH (n) CALL (n) { DETACH DELETE n } IN /* x */ TRANSACTIONS', { reason: 'in_transactions' }],
  ['IN CONCURRENT TRANSACTIONS', 'MATCH (n) CALL (n) { SET n.x = 1 } IN 2 CONCURRENT TRANSACTIONS OF 10 ROWS', { reason: 'in_transactions' }],
  ['FOREACH with CREATE', 'FOREACH (x IN range(1, 3) | CREATE (:Intruder {x: x}))', { reason: 'write' }],
  [
    'nested FOREACH with MERGE',
    'MATCH (s:State) WITH collect(s) AS ss FOREACH (s IN ss | FOREACH (y IN [1] | MERGE (s)-[:HACKED]->(:Intruder)))',
    { reason: 'write' },
  ],
  // Procedures and functions by other names.
  ['apoc write procedure', "CALL apoc.cypher.runWrite('CREATE (:Intruder)', {})", 'rejected'],
  ['apoc periodic iterate', "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})", 'rejected'],
  ['apoc function', 'RETURN apoc.version() AS v', 'rejected'],
  ['apoc in backticks', 'CALL `apoc.create.node`(["Intruder"], {})', 'rejected'],
  ['dbms config change (Enterprise only: unknown here)', "CALL dbms.setConfigValue('db.transaction.timeout', '0')", 'rejected'],
  ['dbms user creation', "CALL dbms.security.createUser('intruder', 'secretsecret', false)", 'rejected'],
  ['dbms in lower case', 'call DBMS.COMPONENTS()', 'rejected'],
  ['db.createLabel', "CALL db.createLabel('Intruder')", { reason: 'procedure' }],
  ['db.createRelationshipType after a read', "MATCH (n) WITH n LIMIT 1 CALL db.createRelationshipType('HACKED') RETURN 1", { reason: 'procedure' }],
  ['db.createProperty in a subquery', "CALL { CALL db.createProperty('hacked') } RETURN 1", 'rejected'],
  ['procedure in backticks, spaced', 'CALL `db` . `createLabel` ("Intruder")', 'rejected'],
  ['allowed procedure name as a prefix', 'CALL db.labels.x()', 'rejected'],
  // LOAD CSV hidden.
  ['LOAD CSV in a subquery', "CALL { LOAD CSV FROM 'http://127.0.0.1:1/x.csv' AS row RETURN row } RETURN row", { reason: 'load_csv' }],
  ['LOAD CSV in lower case over two lines', "load\ncsv from 'file:///etc/passwd' as row return row", { reason: 'load_csv' }],
  ['LOAD CSV behind a comment', "/* read */ LOAD /* a */ CSV FROM 'file:///etc/passwd' AS row RETURN row", 'rejected'],
  // Other databases and administration.
  ['USE system', 'USE system SHOW USERS', { reason: 'use_clause' }],
  ['USE in lower case', 'use system match (n) return n', { reason: 'use_clause' }],
  ['USE inside a subquery', 'CALL { USE system MATCH (n) RETURN n } RETURN n', { reason: 'use_clause' }],
  ['USE after a comment', '/* x */ USE neo4j CREATE (:Intruder)', 'rejected'],
  ['SHOW USERS after a comment', '/* hi */ SHOW USERS', { reason: 'admin_command' }],
  ['SHOW in lower case', 'show databases', { reason: 'admin_command' }],
  ['SHOW SETTINGS with YIELD', 'SHOW SETTINGS YIELD name RETURN name', { reason: 'admin_command' }],
  ['ALTER USER in mixed case', "aLtEr UsEr neo4j SET PASSWORD 'changedchanged'", { reason: 'admin_command' }],
  // Statements hidden behind strings.
  ['real semicolon after a string holding one', "RETURN ';' AS a; CREATE (:Intruder)", { reason: 'multiple_statements' }],
  ['escaped quote before a real semicolon', "RETURN 'it\\'s' AS a; CREATE (:Intruder)", { reason: 'multiple_statements' }],
  ['escaped backslash closing the string', "RETURN '\\\\'; CREATE (:Intruder)", { reason: 'multiple_statements' }],
  ['a URL in a string, then a statement', "RETURN 'http://x' AS a; CREATE (:Intruder)", { reason: 'multiple_statements' }],
  ['double-quoted string holding a single quote', 'RETURN "\'" AS a; CREATE (:Intruder)', { reason: 'multiple_statements' }],
  ['two trailing semicolons', 'CREATE (:Intruder);;', 'rejected'],
  // Prefixes.
  ['EXPLAIN in lower case', 'explain CREATE (:Intruder)', { reason: 'explain_profile' }],
  ['PROFILE after a comment', '/* x */ PROFILE CREATE (:Intruder)', { reason: 'explain_profile' }],
  ['CYPHER options then a write', 'CYPHER runtime=slotted CREATE (:Intruder)', 'rejected'],
  ['CYPHER version then EXPLAIN of a write', 'CYPHER 5 EXPLAIN CREATE (:Intruder)', 'rejected'],
  ['CYPHER options then PROFILE', 'CYPHER runtime=slotted PROFILE MATCH (n) RETURN n', 'rejected'],
];

describe('attempts to get around the console’s rules', () => {
  it.each(BYPASSES)('%s: refused, database unchanged', async (_form, query, expected) => {
    const res = await request(app).post('/api/cypher').send({ query });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.code).toMatch(/^cypher_/);
    if (expected !== 'rejected') {
      expect(res.body.error.code).toBe('cypher_refused');
      expect(res.body.error.details.reason).toBe(expected.reason);
    }
    assertNoLeak(res.text);
    expect(await deepFingerprint(driver)).toEqual(before);
  });

  it('reads holding the same tricks inside strings, comments and names still run', async () => {
    for (const [query, row] of [
      ["RETURN ';' AS a", { a: ';' }],
      ["RETURN 'CREATE (x); LOAD CSV' AS a /* ; SHOW USERS */", { a: 'CREATE (x); LOAD CSV' }],
      ['RETURN 1 AS `a;CREATE`', { 'a;CREATE': 1 }],
      ["RETURN 'it\\'s; fine' AS a", { a: "it's; fine" }],
      ['match (s:State {iso3: "ARG"}) return s.iso3 AS a', { a: 'ARG' }],
    ] as const) {
      const res = await request(app).post('/api/cypher').send({ query });
      expect(res.status, `${query}: ${JSON.stringify(res.body)}`).toBe(200);
      expect(res.body.rows).toEqual([row]);
    }
  });
});

/** Queries built to exhaust memory or time: stopped (504, or 400 query_too_large), the server answers at once after. */
const EXHAUSTION: [form: string, query: string][] = [
  ['a billion-row UNWIND', 'UNWIND range(1, 1000000000) AS x WITH x WHERE x < 0 RETURN count(x)'],
  ['a billion-row UNWIND collected', 'UNWIND range(1, 1000000000) AS x RETURN size(collect(x)) AS n'],
  ['a cartesian product of every node four times, sorted', 'MATCH (a), (b), (c), (d) RETURN a.id, b.id, c.id, d.id ORDER BY a.id, b.id, c.id, d.id DESC'],
  ['a list of lists', 'WITH range(1, 100000) AS r UNWIND r AS a UNWIND r AS b RETURN collect([a, b]) AS l'],
  ['variable-length paths over everything', 'MATCH p = (a)-[*1..12]-(b) RETURN count(p)'],
  // Values built inside one expression: the transaction memory limit does not count them, the heap runs out.
  ['a string doubled 64 times in reduce()', "RETURN size(reduce(s = 'xxxxxxxxxxxxxxxx', i IN range(1, 64) | s + s)) AS n"],
  ['a list comprehension of 300 million values', 'RETURN size([x IN range(1, 300000000) | x]) AS n'],
  ['a list built by collect, then walked inside one expression', 'UNWIND range(1, 300000000) AS x WITH collect(x) AS l RETURN size([y IN l | y]) AS n'],
];

describe('queries meant to exhaust the server', () => {
  it.each(EXHAUSTION)(
    '%s is stopped by the limits',
    async (_form, query) => {
      const started = Date.now();
      const res = await request(app).post('/api/cypher').send({ query });
      const elapsed = Date.now() - started;
      expect([400, 504], JSON.stringify(res.body)).toContain(res.status);
      // Refused before it runs (a form Neo4j could not stop), or stopped by a limit.
      expect(['query_timeout', 'query_too_large', 'cypher_refused']).toContain(res.body.error.code);
      if (res.body.error.code === 'cypher_refused') expect(res.body.error.details.reason).toBe('unbounded_expression');
      // The 2 s timeout, plus planning and the round trips: well under the 10 s a client might wait.
      expect(elapsed).toBeLessThan(10_000);
      await request(app).post('/api/cypher').send({ query: 'RETURN 1 AS one' }).expect(200);
    },
    30_000,
  );

  it('left the database as it was', async () => {
    expect(await deepFingerprint(driver)).toEqual(before);
  });
});

/**
 * Results too big to read. Neo4j sends a 3-million-element list in a blink, and the
 * driver then needs over ten seconds of synchronous work to decode it: on the API's
 * thread that froze every other request. The console runs in a worker thread with its
 * own heap limit, a byte cap on answers and a deadline (query timeout + read grace).
 */
describe('results too big to read', () => {
  /** Health checks every 100 ms while `work` runs: the slowest answer tells whether the server stayed responsive. */
  async function slowestHealthDuring<T>(target: Express, work: PromiseLike<T>): Promise<{ result: T; slowestMs: number }> {
    let done = false;
    let slowestMs = 0;
    const poll = (async () => {
      while (!done) {
        const started = Date.now();
        await request(target).get('/api/health').expect(200);
        slowestMs = Math.max(slowestMs, Date.now() - started);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const result = await Promise.resolve(work).finally(() => {
      done = true;
    });
    await poll;
    return { result, slowestMs };
  }

  it('a value over the answer cap is refused with its size', async () => {
    const capped = apiApp(driver, { CYPHER_TIMEOUT_MS: '2000', RATE_LIMIT_CYPHER: '0', CYPHER_MAX_RESULT_MB: '1' });
    const res = await request(capped).post('/api/cypher').send({ query: 'UNWIND range(1, 300000) AS x RETURN collect(x) AS r' }).expect(400);
    expect(res.body.error.code).toBe('result_too_large');
    expect(res.body.error.details.bytes).toBeGreaterThan(res.body.error.details.limit);
    assertNoLeak(JSON.stringify(res.body));
    // Under the cap, the same form is answered.
    const small = await request(capped).post('/api/cypher').send({ query: 'UNWIND range(1, 1000) AS x RETURN collect(x) AS r' }).expect(200);
    expect(small.body.rows[0].r).toHaveLength(1000);
  }, 60_000);

  it('a value that takes too long to decode is stopped at the deadline, and the server answers meanwhile', async () => {
    // One date-time with a named time zone, repeated a million times (a range of the allowed size): Neo4j answers in
    // well under a second, while the driver builds each value apart, zone and all (~20 µs each: 20 s or more here).
    // Plain integers no longer serve: the driver decodes 3 million of them in about a second.
    const started = Date.now();
    const { result: res, slowestMs } = await slowestHealthDuring(
      app,
      request(app)
        .post('/api/cypher')
        .send({ query: "WITH datetime({epochSeconds: 1, timezone: 'Europe/Vienna'}) AS d RETURN [x IN range(1, 1000000) | d] AS r" }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(504);
    expect(res.body.error.code).toBe('query_timeout');
    // 2 s query timeout + 5 s read grace, with room for a busy machine.
    expect(Date.now() - started).toBeLessThan(15_000);
    // Decoding on the API's thread blocked it for over 10 s.
    expect(slowestMs).toBeLessThan(2500);
    await request(app).post('/api/cypher').send({ query: 'RETURN 1 AS one' }).expect(200);
  }, 60_000);

  it('a value too big for the console worker’s memory costs the worker, not the server', async () => {
    const small = apiApp(driver, { CYPHER_TIMEOUT_MS: '20000', RATE_LIMIT_CYPHER: '0', CYPHER_WORKER_MEMORY_MB: '48' });
    const { result: res, slowestMs } = await slowestHealthDuring(
      small,
      request(small).post('/api/cypher').send({ query: 'UNWIND range(1, 1000000) AS x RETURN collect(x) AS r' }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.code).toBe('result_too_large');
    expect(slowestMs).toBeLessThan(2500);
    // A new worker takes the next query.
    await request(small).post('/api/cypher').send({ query: 'RETURN 1 AS one' }).expect(200);
  }, 60_000);

  it('saved queries run through the same worker with their integer parameters intact', async () => {
    const res = await request(app)
      .post('/api/queries/crime-cooccurrence')
      .send({ params: { limit: 3 } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.rows).toHaveLength(3); // LIMIT takes an integer: a float would have failed
  });

  it('left the database as it was', async () => {
    expect(await deepFingerprint(driver)).toEqual(before);
  });
});
