/** What the database says it is, asked without the driver's retry loop (a dead database answers at once). */
import type { Driver } from 'neo4j-driver';
import type { ServerInfo } from '../driver.ts';
import { readQuery } from './run.ts';

export async function serverInfo(driver: Driver, timeoutMs = 2000): Promise<ServerInfo> {
  const result = await readQuery(driver, 'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition', {}, { database: 'system', timeoutMs });
  const record = result.records[0];
  if (!record) throw new Error('dbms.components() returned nothing');
  return { version: String(record.get('version')), edition: String(record.get('edition')) };
}
