/**
 * The Cypher console's safety on the real database: every refused form answers 400
 * with the reason and leaves the database exactly as it was; a runaway query is
 * stopped by the timeout; the row and graph caps hold and say so.
 */
import type { Express } from 'express';
import type { Driver } from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertNoLeak, fingerprint, type Fingerprint, seededApp } from '../helpers.ts';

let driver: Driver;
let app: Express;
let before: Fingerprint;

beforeAll(async () => {
  ({ driver, app } = await seededApp({ CYPHER_TIMEOUT_MS: '1500', CYPHER_MAX_ROWS: '100', CYPHER_MAX_GRAPH_NODES: '50', CYPHER_MAX_GRAPH_RELS: '40' }));
  before = await fingerprint(driver);
});
afterAll(() => driver.close());

const REFUSED: [form: string, query: string, reason: string, params?: Record<string, unknown>][] = [
  ['create', 'CREATE (n:Intruder {at: 1}) RETURN n', 'write'],
  ['merge', 'MERGE (s:State {id: "state:XXX"}) RETURN s', 'write'],
  ['set', 'MATCH (s:State {iso3: "ARG"}) SET s.name = "hacked"', 'write'],
  ['delete', 'MATCH (n) DETACH DELETE n', 'write'],
  ['remove', 'MATCH (s:State) REMOVE s.iso3', 'write'],
  ['write in a subquery', 'MATCH (s:State) CALL { WITH s CREATE (:Intruder) } RETURN count(*)', 'write'],
  ['write after a read, with a comment first', '// harmless\nMATCH (s:State) WITH s LIMIT 1 CREATE (:Intruder)', 'write'],
  ['foreach write', 'MATCH (s:State) FOREACH (x IN [1] | SET s.x = x)', 'write'],
  ['write via parameters', 'CREATE (n:Intruder) SET n = $props', 'write', { props: { a: 1 } }],
  ['create index', 'CREATE INDEX intruder_idx FOR (n:Intruder) ON (n.x)', 'schema_command'],
  ['create constraint', 'CREATE CONSTRAINT intruder_c FOR (n:Intruder) REQUIRE n.x IS UNIQUE', 'schema_command'],
  ['drop index', 'DROP INDEX entity_text_cjk', 'schema_command'],
  ['drop constraint, lower case', 'drop constraint state_id', 'schema_command'],
  ['load csv', "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", 'load_csv'],
  ['load csv from http, after a read', "MATCH (n) WITH n LIMIT 1 LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:1/x.csv' AS row RETURN row", 'load_csv'],
  ['multiple statements', 'MATCH (n) RETURN count(n); MATCH (n) DETACH DELETE n', 'multiple_statements'],
  ['multiple statements, both reads', 'RETURN 1; RETURN 2', 'multiple_statements'],
  ['call in transactions', 'MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS', 'in_transactions'],
  ['read in transactions', 'CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN count(n)', 'in_transactions'],
  ['show users', 'SHOW USERS', 'admin_command'],
  ['show transactions', 'SHOW TRANSACTIONS', 'admin_command'],
  ['show settings', 'SHOW SETTINGS YIELD name, value RETURN name, value', 'admin_command'],
  ['show procedures another user may run', 'SHOW PROCEDURES EXECUTABLE BY neo4j', 'admin_command'],
  ['db.stats (exposes other users’ queries)', 'CALL db.stats.retrieve("QUERIES")', 'procedure'],
  ['terminate', 'TERMINATE TRANSACTIONS "neo4j-transaction-1"', 'admin_command'],
  ['create user', 'CREATE USER intruder SET PASSWORD "secretsecret"', 'schema_command'],
  ['alter user', 'ALTER USER neo4j SET PASSWORD "changedchanged"', 'admin_command'],
  ['grant', 'GRANT ROLE admin TO neo4j', 'admin_command'],
  ['stop database', 'STOP DATABASE neo4j', 'admin_command'],
  ['use another database', 'USE system MATCH (n) RETURN n', 'use_clause'],
  ['dbms procedure', 'CALL dbms.components()', 'procedure'],
  ['dbms procedure yielding', 'CALL dbms.listConfig() YIELD name RETURN name', 'procedure'],
  ['list connections', 'CALL dbms.listConnections()', 'procedure'],
  ['db procedure outside the list', 'CALL db.clearQueryCaches()', 'procedure'],
  ['schema-changing procedure', 'CALL db.createLabel("Intruder")', 'procedure'],
  ['awaiting procedure', 'CALL db.awaitIndexes(1)', 'procedure'],
  ['procedure after a read', 'MATCH (n) WITH n LIMIT 1 CALL db.ping() YIELD success RETURN success', 'procedure'],
  ['procedure in backticks', 'CALL `dbms`.`components`()', 'procedure'],
  ['explain', 'EXPLAIN MATCH (n) RETURN n', 'explain_profile'],
  ['profile', 'PROFILE MATCH (n) RETURN n', 'explain_profile'],
];

describe('refused queries', () => {
  it.each(REFUSED)('refuses %s with 400 and the reason, and the database is unchanged', async (_form, query, reason, params = {}) => {
    const res = await request(app).post('/api/cypher').send({ query, params });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.code).toBe('cypher_refused');
    expect(res.body.error.details.reason).toBe(reason);
    expect(res.body.error.message.length).toBeGreaterThan(20);
    assertNoLeak(res.text);
    expect(await fingerprint(driver)).toEqual(before);
  });

  it('reads that look like writes inside strings and comments run', async () => {
    const res = await request(app)
      .post('/api/cypher')
      .send({ query: "// CREATE (n) ; DELETE\nMATCH (s:State {iso3: 'ARG'}) RETURN 'CREATE (x); LOAD CSV' AS s, s.name AS name /* SHOW USERS; */;" })
      .expect(200);
    expect(res.body.rows).toEqual([{ s: 'CREATE (x); LOAD CSV', name: '阿根廷' }]);
  });

  it('allows the allow-listed procedures', async () => {
    for (const query of [
      'CALL db.labels()',
      'CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType',
      'CALL db.propertyKeys()',
      'CALL db.schema.visualization()',
      "CALL db.index.fulltext.queryNodes('entity_text_cjk', '贩运') YIELD node, score RETURN node.id AS id, score LIMIT 3",
      'CALL db.schema.nodeTypeProperties()',
      'CALL db.schema.relTypeProperties() YIELD relType, propertyName RETURN relType, propertyName',
      'CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer RETURN analyzer',
    ]) {
      const res = await request(app).post('/api/cypher').send({ query });
      expect(res.status, `${query}: ${JSON.stringify(res.body).slice(0, 200)}`).toBe(200);
    }
  });

  it('allows the catalogue reads: indexes (the full-text names queryNodes takes), constraints, functions, procedures', async () => {
    const indexes = await request(app).post('/api/cypher').send({ query: 'SHOW FULLTEXT INDEXES YIELD name RETURN name ORDER BY name' }).expect(200);
    expect(indexes.body.rows.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(['entity_text_cjk', 'entity_text_en']));
    const constraints = await request(app).post('/api/cypher').send({ query: 'SHOW CONSTRAINTS' }).expect(200);
    expect(constraints.body.rows.length).toBeGreaterThan(0);
    for (const query of [
      'SHOW INDEXES',
      'show functions yield name return name',
      'SHOW PROCEDURES',
      'SHOW BUILT IN FUNCTIONS',
      'SHOW PROCEDURES EXECUTABLE BY CURRENT USER YIELD name RETURN name',
    ]) {
      const res = await request(app).post('/api/cypher').send({ query });
      expect(res.status, `${query}: ${JSON.stringify(res.body).slice(0, 200)}`).toBe(200);
      expect(res.body.rows.length, query).toBeGreaterThan(0);
    }
    expect(await fingerprint(driver)).toEqual(before);
  });
});

describe('errors from Neo4j', () => {
  it('a syntax error is a 400 with Neo4j’s message and the position in the user’s text', async () => {
    const res = await request(app).post('/api/cypher').send({ query: 'MATCH (n:State)\nRETURN n LIMT 3' }).expect(400);
    expect(res.body.error.code).toBe('cypher_syntax');
    expect(res.body.error.details.position).toMatchObject({ line: 2 });
    expect(res.body.error.message).toMatch(/line 2/);
  });

  it('a runtime error is a 400 with Neo4j’s message', async () => {
    const res = await request(app).post('/api/cypher').send({ query: 'RETURN toInteger([1]) AS x' }).expect(400);
    expect(res.body.error.code).toMatch(/^cypher_/);
    assertNoLeak(res.text);
  });
});

describe('limits', () => {
  it('stops a runaway query at the timeout (504) and the server answers at once after', async () => {
    const started = Date.now();
    const res = await request(app).post('/api/cypher').send({ query: 'UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(x)' });
    const elapsed = Date.now() - started;
    expect(res.status).toBe(504);
    expect(res.body.error.code).toBe('query_timeout');
    expect(elapsed).toBeLessThan(10_000);
    const runaway = await request(app).post('/api/cypher').send({ query: 'MATCH (a)-[*]-(b) RETURN count(*)' });
    expect(runaway.status).toBe(504);
    await request(app).post('/api/cypher').send({ query: 'RETURN 1 AS one' }).expect(200);
    // The server stops the transaction too, not only the client waiting for it.
    const stillRunning = async (): Promise<number> => {
      const { records } = await driver.executeQuery(
        'SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery STARTS WITH "UNWIND range(1, 2" OR currentQuery STARTS WITH "MATCH (a)-[*]" RETURN count(*) AS n',
      );
      return Number(records[0]!.get('n'));
    };
    const deadline = Date.now() + 10_000;
    while ((await stillRunning()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await stillRunning()).toBe(0);
  });

  it('stops a query that needs more memory than a transaction may use (or the timeout does)', async () => {
    const res = await request(app)
      .post('/api/cypher')
      .send({ query: 'UNWIND range(1, 20000000) AS x WITH collect(toString(x) + "padding-padding") AS l RETURN size(l)' });
    expect([400, 504]).toContain(res.status);
    expect(['query_too_large', 'query_timeout']).toContain(res.body.error.code);
    await request(app).post('/api/cypher').send({ query: 'RETURN 1 AS one' }).expect(200);
  });

  it('caps the rows and says so', async () => {
    const res = await request(app).post('/api/cypher').send({ query: 'UNWIND range(1, 100000000) AS x RETURN x' }).expect(200);
    expect(res.body.rows).toHaveLength(100);
    expect(res.body.summary).toMatchObject({ rowCount: 100, rowLimit: 100, rowsTruncated: true });
    const small = await request(app).post('/api/cypher').send({ query: 'UNWIND range(1, 100) AS x RETURN x' }).expect(200);
    expect(small.body.summary.rowsTruncated).toBe(false);
  });

  it('caps the graph and says so', async () => {
    const res = await request(app).post('/api/cypher').send({ query: 'MATCH (p:Paragraph)-[m:MENTIONS]->(e) RETURN p, m, e' }).expect(200);
    expect(res.body.summary.graphTruncated).toBe(true);
    expect(res.body.graph.nodes.length).toBeLessThanOrEqual(50);
    expect(res.body.graph.edges.length).toBeLessThanOrEqual(40);
    expect(res.body.summary).toMatchObject({ graphNodeLimit: 50, graphRelationshipLimit: 40 });
    const keys = new Set(res.body.graph.nodes.map((n: { key: string }) => n.key));
    for (const e of res.body.graph.edges) expect(keys.has(e.source) && keys.has(e.target)).toBe(true);
  });

  it('passes parameters as parameters, whole numbers as integers', async () => {
    const injection = "x' OR 1=1 //";
    const res = await request(app)
      .post('/api/cypher')
      .send({ query: 'MATCH (s:State) WHERE s.name = $name RETURN s LIMIT $n', params: { name: injection, n: 5 } })
      .expect(200);
    expect(res.body.rows).toEqual([]);
    const typed = await request(app)
      .post('/api/cypher')
      .send({ query: 'RETURN $n AS n, $f AS f, $list AS list, $map.k AS k', params: { n: 3, f: 1.5, list: [1, 'a'], map: { k: true } } })
      .expect(200);
    expect(typed.body.rows).toEqual([{ n: 3, f: 1.5, list: [1, 'a'], k: true }]);
  });

  it('leaves the database as it was after all of the above', async () => {
    expect(await fingerprint(driver)).toEqual(before);
  });
});
