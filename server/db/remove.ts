/**
 * Taking a report out of the corpus: `npm run load -- --remove <report>`, DELETE
 * /api/reports/:id and the viewer's corpus panel come through here. The work is the
 * loader's (unloadReport in load.ts): in one write transaction, what only the report brought
 * is deleted, and what it shares with other reports (a State, an instrument, the Meeting of
 * its other language's report, a co-occurrence count) is recomputed from their contributions,
 * so the database is what it would be had the report never been loaded.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { REPORTS_KEY, unloadReport } from './load.ts';

export interface RemoveSummary {
  report: string;
  nodesDeleted: number;
  relationshipsDeleted: number;
  /** Properties set on the shared nodes and relationships recomputed from the other reports' contributions. */
  sharedUpdated: number;
  ms: number;
}

/**
 * The id of the loaded report `name` names: its id (`report:lac-rpm-2025`), its key
 * (`lac-rpm-2025`), or the file it was loaded from (its `source`, or that file's base name).
 * Undefined when no loaded report matches, or when a file name matches several.
 */
export async function findReport(driver: Driver, name: string, options: { database?: string | undefined } = {}): Promise<string | undefined> {
  const { records } = await driver.executeQuery(
    `MATCH (r:Report) WHERE r.${REPORTS_KEY} IS NOT NULL RETURN r.id AS id, r.source AS source`,
    {},
    { routing: neo4j.routing.READ, ...(options.database ? { database: options.database } : {}) },
  );
  const reports = records.map((r) => ({ id: String(r.get('id')), source: typeof r.get('source') === 'string' ? (r.get('source') as string) : '' }));
  const byId = reports.find((r) => r.id === name || r.id === `report:${name}`);
  if (byId) return byId.id;
  const base = (s: string) => s.split(/[\\/]/).pop() ?? s;
  const bySource = reports.filter((r) => r.source !== '' && (r.source === name || base(r.source) === base(name)));
  return bySource.length === 1 ? bySource[0]!.id : undefined;
}

/**
 * Take report `id` out, all or nothing (one transaction). Resolves undefined when no loaded
 * report has that id (nothing is changed).
 */
export async function removeReport(driver: Driver, id: string, options: { database?: string | undefined } = {}): Promise<RemoveSummary | undefined> {
  const { records } = await driver.executeQuery(
    `MATCH (r:Report {id: $id}) WHERE r.${REPORTS_KEY} IS NOT NULL RETURN count(r) AS n`,
    { id },
    { routing: neo4j.routing.READ, ...(options.database ? { database: options.database } : {}) },
  );
  if (Number(records[0]?.get('n') ?? 0) === 0) return undefined;
  const s = await unloadReport(driver, id, options.database ? { database: options.database } : {});
  return { report: id, nodesDeleted: s.nodesDeleted, relationshipsDeleted: s.relationshipsDeleted, sharedUpdated: s.propertiesSet, ms: s.ms };
}
