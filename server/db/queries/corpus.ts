/**
 * The corpus as a list of reports: what GET /api/reports gives the corpus panel (each
 * report's meeting, region, Congress, language, dates and counts), and what a report brought
 * that the corpus did not hold before (the summary of an upload).
 */
import type { Driver } from 'neo4j-driver';
import type { CorpusResponse, NewEntityJson } from '../../contract/api.ts';
import { REPORTS_KEY } from '../load/contributions.ts';
import { displayName } from './labels.ts';
import { readQuery, type ReadOptions } from './run.ts';
import { scalarToJson } from './values.ts';

type ReportJson = CorpusResponse['reports'][number];

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => {
  const j = scalarToJson(v);
  return typeof j === 'number' ? j : null;
};

/**
 * Every loaded report, in the order a reader scans a corpus (Congress, region code, language),
 * with its counts, and the regions and Congresses they span.
 */
export async function corpusReports(driver: Driver, options: ReadOptions = {}): Promise<CorpusResponse> {
  const { records } = await readQuery(
    driver,
    `MATCH (r:Report) WHERE r.${REPORTS_KEY} IS NOT NULL
     OPTIONAL MATCH (r)-[:REPORT_OF]->(m:Meeting)
     CALL (r) {
       OPTIONAL MATCH (u)-[:IN_REPORT]->(r)
       RETURN count(CASE WHEN u:Paragraph THEN 1 END) AS paragraphs, count(CASE WHEN u:Recommendation THEN 1 END) AS recommendations
     }
     CALL (r) {
       OPTIONAL MATCH (u)-[:IN_REPORT]->(r)
       OPTIONAL MATCH (u)-[f:CITES|ADDRESSES|MENTIONS]->(e)
       RETURN count(CASE WHEN type(f) = 'CITES' THEN 1 END) AS citations, count(DISTINCT e) AS entities
     }
     RETURN r, m.id AS meeting, m.name_zh AS meeting_zh, m.name_en AS meeting_en, paragraphs, recommendations, citations, entities`,
    {},
    options,
  );
  const reports: ReportJson[] = records.map((record) => {
    const p = (record.get('r') as { properties: Record<string, unknown> }).properties;
    return {
      id: String(p.id),
      tag: str(p.tag),
      title_zh: str(p.title_zh),
      title_en: str(p.title_en),
      language: str(p.language),
      region: str(p.region),
      region_zh: str(p.region_zh),
      region_code: str(p.region_code),
      congress: num(p.congress),
      venue: str(p.venue),
      startDate: str(p.startDate),
      endDate: str(p.endDate),
      source: str(p.source),
      series: str(p.series),
      symbol: str(p.symbol),
      meeting: { id: str(record.get('meeting')), name_zh: str(record.get('meeting_zh')), name_en: str(record.get('meeting_en')) },
      counts: {
        paragraphs: num(record.get('paragraphs')) ?? 0,
        recommendations: num(record.get('recommendations')) ?? 0,
        citations: num(record.get('citations')) ?? 0,
        entities: num(record.get('entities')) ?? 0,
      },
    };
  });
  reports.sort(
    (a, b) =>
      (a.congress ?? 0) - (b.congress ?? 0) ||
      (a.region_code ?? '').localeCompare(b.region_code ?? '') ||
      (a.language ?? '').localeCompare(b.language ?? '') ||
      a.id.localeCompare(b.id),
  );
  const regions = new Map<string, CorpusResponse['regions'][number]>();
  const congresses = new Map<number, CorpusResponse['congresses'][number]>();
  for (const r of reports) {
    if (r.region_code) {
      const region = regions.get(r.region_code) ?? { code: r.region_code, name_en: r.region, name_zh: r.region_zh, reports: [] };
      region.reports.push(r.id);
      regions.set(r.region_code, region);
    }
    if (r.congress !== null) {
      const congress = congresses.get(r.congress) ?? { number: r.congress, reports: [] };
      congress.reports.push(r.id);
      congresses.set(r.congress, congress);
    }
  }
  return {
    reports,
    regions: [...regions.values()].sort((a, b) => a.code.localeCompare(b.code)),
    congresses: [...congresses.values()].sort((a, b) => a.number - b.number),
  };
}

/** Labels of the entities a report names (everything but its own structure). */
const ENTITY_LABELS = ['State', 'Organization', 'Person', 'CrimeType', 'Instrument', 'Document'];

/**
 * The entities report `id` brought that no other loaded report has: after an upload, what is
 * new to the corpus, `unconfirmed` where the gazetteer could not confirm an official name
 * (to be reviewed). Sorted by label, then name.
 */
export async function newEntities(driver: Driver, id: string, options: ReadOptions = {}): Promise<NewEntityJson[]> {
  const { records } = await readQuery(
    driver,
    `MATCH (n) WHERE n.${REPORTS_KEY} = [$id] AND any(l IN labels(n) WHERE l IN $labels) RETURN n`,
    { id, labels: ENTITY_LABELS },
    options,
  );
  return records
    .map((record) => {
      const n = record.get('n') as { labels: string[]; properties: Record<string, unknown> };
      const props = Object.fromEntries(Object.entries(n.properties).map(([k, v]) => [k, scalarToJson(v)]));
      const label = n.labels.find((l) => ENTITY_LABELS.includes(l)) ?? n.labels[0]!;
      return {
        id: String(props.id),
        label,
        name: displayName([label], props, String(props.id)),
        name_zh: str(props.name_zh),
        name_en: str(props.name_en),
        unconfirmed: props.unconfirmed === true,
      };
    })
    .sort((a, b) => a.label.localeCompare(b.label) || a.name.localeCompare(b.name));
}
