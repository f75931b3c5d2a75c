/** The meetings a corpus scope reaches, with their reports in it (GET /api/compare and entity profiles). */
import type { Driver } from 'neo4j-driver';
import { readQuery, type ReadOptions } from './run.ts';
import type { Scope } from './scope.ts';

/**
 * One record per Meeting with a loaded Report in `scope`: meeting (id), tag, name_zh, name_en,
 * region_code, congress, and reports (the ids of its reports in scope). Throws what readQuery throws.
 */
export function meetingsInScope(driver: Driver, scope: Scope, options: ReadOptions) {
  return readQuery(
    driver,
    `MATCH (rep:Report)-[:REPORT_OF]->(m:Meeting)
     WHERE rep._reports IS NOT NULL AND ($reports IS NULL OR rep.id IN $reports)
     WITH m, collect(rep.id) AS reports
     RETURN m.id AS meeting, m.tag AS tag, m.name_zh AS name_zh, m.name_en AS name_en, m.region_code AS region_code, m.congress AS congress, reports`,
    { reports: scope.reports },
    options,
  );
}
