import { afterAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createApp } from '../../../../server/api/app.ts';
import { serverInfo } from '../../../../server/db/queries/server-info.ts';
import { testConfig, silentLogger } from '../../../setup/config.ts';
import { testDriver, testNeo4j } from '../../../setup/neo4j.ts';

const driver = testDriver();
afterAll(() => driver.close());

describe('the run’s Neo4j', () => {
  it('is Neo4j 5.26 Community (unless NEO4J_URI names another)', async () => {
    const server = await serverInfo(driver);
    if (testNeo4j().local) {
      expect(server.version).toMatch(/^5\.26\.\d+$/);
      expect(server.edition).toBe('community');
    } else {
      expect(server.version).toMatch(/^\d+\.\d+/);
    }
  });

  it('listens on loopback only', () => {
    if (testNeo4j().local) expect(new URL(testNeo4j().uri).hostname).toBe('127.0.0.1');
  });

  it('round-trips a write and a read through neo4j-driver', async () => {
    const marker = `roundtrip-${Date.now()}`;
    await driver.executeQuery('CREATE (:TestRoundTrip {marker: $marker, n: 42, words: ["贩运", "trafficking"]})', { marker });
    const { records } = await driver.executeQuery('MATCH (t:TestRoundTrip {marker: $marker}) RETURN t.n AS n, t.words AS words', { marker });
    expect(records).toHaveLength(1);
    expect(records[0]?.get('n').toNumber()).toBe(42);
    expect(records[0]?.get('words')).toEqual(['贩运', 'trafficking']);
    await driver.executeQuery('MATCH (t:TestRoundTrip) DETACH DELETE t');
  });

  it('refuses a wrong password', async () => {
    const { createDriver } = await import('../../../../server/db/driver.ts');
    const intruder = createDriver({ uri: testNeo4j().uri, user: 'intruder', password: 'wrong' });
    await expect(serverInfo(intruder)).rejects.toMatchObject({ code: 'Neo.ClientError.Security.Unauthorized' });
    await intruder.close();
  });
});

describe('GET /api/health', () => {
  it('reports the database version and edition', async () => {
    const app = createApp({ driver, config: testConfig(), log: silentLogger });
    const res = await request(app).get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.neo4j.ok).toBe(true);
    expect(res.body.neo4j.version).toMatch(testNeo4j().local ? /^5\.26\.\d+$/ : /^\d+\./);
    expect(res.body.neo4j.edition).toBe(testNeo4j().local ? 'community' : res.body.neo4j.edition);
  });

  it('answers 503 with the reason when the database cannot be reached', async () => {
    const { createDriver } = await import('../../../../server/db/driver.ts');
    const nowhere = createDriver({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'x' });
    const app = createApp({ driver: nowhere, config: testConfig(), log: silentLogger });
    const res = await request(app).get('/api/health').expect(503);
    expect(res.headers['retry-after']).toBeDefined();
    expect(res.body.neo4j.ok).toBe(false);
    expect(res.body.neo4j.reason).toMatch(/not reachable/);
    await nowhere.close();
  });
});
