/**
 * What the database says it is (`dbms.components()` on the system database): the
 * one server-info query, for start-up, health, the benchmark and the tests. Asked
 * through the read runner, without the driver's retry loop: a dead database
 * answers at once (a lost pooled connection is tried once more).
 */
import type { Driver } from 'neo4j-driver';
import { readQuery } from './run.ts';

export interface ServerInfo {
  version: string;
  edition: string;
}

/** The server's version and edition, within `timeoutMs`; throws the driver's error (Unauthorized, ServiceUnavailable, …). */
export async function serverInfo(driver: Driver, timeoutMs = 2000): Promise<ServerInfo> {
  const result = await readQuery(
    driver,
    'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition',
    {},
    { database: 'system', timeoutMs },
  );
  const record = result.records[0];
  if (!record) throw new Error('dbms.components() returned nothing');
  return { version: String(record.get('version')), edition: String(record.get('edition')) };
}
