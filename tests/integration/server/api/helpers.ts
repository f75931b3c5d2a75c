import type { Express } from 'express';
import type { Response } from 'superagent';
import type { Driver } from 'neo4j-driver';
import { createApp } from '../../../../server/api/app.ts';
import type { Config } from '../../../../server/config.ts';
import type { DriverOptions } from '../../../../server/db/driver.ts';
import { testConfig, silentLogger } from '../../../setup/config.ts';
import { testDriver } from '../../../setup/neo4j.ts';
import { loadSeed } from '../../../setup/seed.ts';

/**
 * The app on the run's database, with settings as the environment would give them.
 * A driver to somewhere else needs its `connection` too: the console's worker thread
 * connects on its own.
 */
export function apiApp(driver: Driver, env: NodeJS.ProcessEnv = {}, patch: Partial<Config> = {}, connection?: DriverOptions): Express {
  return createApp({ driver, config: { ...testConfig(env), ...patch }, log: silentLogger, ...(connection ? { connection } : {}) });
}

export interface Fingerprint {
  nodes: number;
  relationships: number;
  properties: number;
  labels: string[];
  schema: string[];
}

/** What the database holds, in a form two snapshots can be compared by: counts, property totals, schema names. */
export async function fingerprint(driver: Driver): Promise<Fingerprint> {
  const counts = await driver.executeQuery(
    `MATCH (n) WITH count(n) AS nodes, sum(size(keys(n))) AS np, collect(DISTINCT labels(n)) AS labels
     OPTIONAL MATCH ()-[r]->()
     WITH nodes, np, labels, count(r) AS relationships, coalesce(sum(size(keys(r))), 0) AS rp
     RETURN nodes, np + rp AS properties, relationships, labels`,
  );
  const record = counts.records[0]!;
  const indexes = await driver.executeQuery('SHOW INDEXES YIELD name RETURN name ORDER BY name');
  const constraints = await driver.executeQuery('SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name');
  return {
    nodes: Number(record.get('nodes')),
    relationships: Number(record.get('relationships')),
    properties: Number(record.get('properties')),
    labels: (record.get('labels') as string[][]).map((l) => l.join(':')).sort(),
    schema: [...indexes.records, ...constraints.records].map((r) => String(r.get('name'))).sort(),
  };
}

/** No stack trace, no file path, no credentials in a response body. */
export function assertNoLeak(body: string, secrets: string[] = []): void {
  if (/\n\s+at |at [\w.<>]+ \(|node_modules|\/work\/|\.ts:\d+/.test(body)) throw new Error(`response leaks internals: ${body.slice(0, 300)}`);
  for (const secret of secrets) if (secret && body.includes(secret)) throw new Error('response leaks a credential');
}

/**
 * The run's database with the seed report loaded afresh (tests/setup/seed.ts) and the app
 * over it, settings as {@link apiApp} takes them. The caller closes `driver` (afterAll).
 */
export async function seededApp(env: NodeJS.ProcessEnv = {}, patch: Partial<Config> = {}): Promise<{ driver: Driver; app: Express }> {
  const driver = testDriver();
  await loadSeed(driver);
  return { driver, app: apiApp(driver, env, patch) };
}

/**
 * A supertest body parser that reads the answer as UTF-8 text whatever its content type
 * (`.buffer(true).parse(textBody)`), for the XML exports, which supertest would not parse.
 */
export function textBody(res: Response, done: (err: Error | null, body: string) => void): void {
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (text += chunk));
  res.on('end', () => done(null, text));
}
