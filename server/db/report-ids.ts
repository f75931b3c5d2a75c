/**
 * One meeting's reports in several languages keep apart: `lac-rpm-2025.zh.txt` and
 * `lac-rpm-2025.en.txt` derive one report id from their file name (ids.ts), so the one
 * loaded second would replace the first. A report whose id the database already holds in
 * another language takes the language as a suffix instead (`report:lac-rpm-2025-en`); the
 * same id in the same language is a new version of that report and replaces it, as before.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { GraphJson } from '../contract/model.ts';
import { REPORTS_KEY } from './load/contributions.ts';

/** The reports the database holds: id → language (`zh`, `en`, …; '' when the Report has none). */
export async function loadedReportLanguages(driver: Driver, options: { database?: string | undefined } = {}): Promise<Map<string, string>> {
  const { records } = await driver.executeQuery(
    `MATCH (r:Report) WHERE r.${REPORTS_KEY} IS NOT NULL RETURN r.id AS id, coalesce(r.language, '') AS language`,
    {},
    { routing: neo4j.routing.READ, ...(options.database ? { database: options.database } : {}) },
  );
  return new Map(records.map((r) => [String(r.get('id')), String(r.get('language'))]));
}

/**
 * The id the report of `graph` must take so as not to replace another language's version of
 * it, or undefined when its own id is right (free, or held by the same language). `taken`
 * maps the ids already in use to their language (the database's, and those of the same load).
 */
export function languageVersionId(graph: GraphJson, taken: ReadonlyMap<string, string>): string | undefined {
  const id = graph.reports[0];
  const report = graph.nodes.find((n) => n.id === id && n.labels.includes('Report'));
  const language = typeof report?.properties.language === 'string' ? report.properties.language : '';
  if (!id || !taken.has(id) || taken.get(id) === language) return undefined;
  const withLanguage = language ? `${id}-${language}` : `${id}-2`;
  if (!taken.has(withLanguage) || taken.get(withLanguage) === language) return withLanguage;
  let n = 2;
  while (taken.has(`${withLanguage}-${n}`) && taken.get(`${withLanguage}-${n}`) !== language) n++;
  return `${withLanguage}-${n}`;
}
