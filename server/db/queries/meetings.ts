/** The meetings a corpus scope reaches, with their reports in it (GET /api/compare and entity profiles). */
import type { Driver } from 'neo4j-driver';
import { readQuery, type ReadOptions } from './run.ts';
import type { Scope } from './scope.ts';
import { scalarToJson } from './values.ts';

export interface MeetingInScope {
  meeting: string;
  tag: string | null;
  name_zh: string | null;
  name_en: string | null;
  region_code: string | null;
  congress: number | null;
  /** The ids of its reports in scope, sorted. */
  reports: string[];
}

/** One entry per Meeting with a loaded Report in `scope`. Throws what readQuery throws. */
export async function meetingsInScope(driver: Driver, scope: Scope, options: ReadOptions): Promise<MeetingInScope[]> {
  const result = await readQuery(
    driver,
    `MATCH (rep:Report)-[:REPORT_OF]->(m:Meeting)
     WHERE rep._reports IS NOT NULL AND ($reports IS NULL OR rep.id IN $reports)
     WITH m, collect(rep.id) AS reports
     RETURN m.id AS meeting, m.tag AS tag, m.name_zh AS name_zh, m.name_en AS name_en, m.region_code AS region_code, m.congress AS congress, reports`,
    { reports: scope.reports },
    options,
  );
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  return result.records.map((r) => ({
    meeting: String(r.get('meeting')),
    tag: str(r.get('tag')),
    name_zh: str(r.get('name_zh')),
    name_en: str(r.get('name_en')),
    region_code: str(r.get('region_code')),
    congress: (scalarToJson(r.get('congress')) as number | null) ?? null,
    reports: (r.get('reports') as string[]).sort(),
  }));
}
