/**
 * An entity across the corpus, meeting by meeting: for a State or an organisation, whether
 * and in which role it attended, the agenda items it spoke on, the recommendations and the
 * paragraphs naming it; for an instrument, the recommendations citing it and the paragraphs
 * naming it; for a crime type, the paragraphs and recommendations naming it and the links
 * between crime types the text states; for a person, the roles held; for anything else, the
 * paragraphs and recommendations naming it.
 *
 * A meeting's reports in several languages say the same thing twice: a recommendation counts
 * once (its `ref`), an agenda item once, a role once; each item lists the units (paragraph or
 * recommendation, in each language) that say so, as `versions`.
 */
import type { Driver, Node } from 'neo4j-driver';
import type { ProfileResponse } from '../../contract/api.ts';
import { displayName, matchNodeById } from './labels.ts';
import { readQuery, type ReadOptions } from './run.ts';
import { WHOLE_CORPUS, type Scope } from './scope.ts';
import { meetingsInScope } from './meetings.ts';
import { nodeToJson, scalarToJson } from './values.ts';
import { naturalCompare } from './order.ts';

type MeetingProfile = ProfileResponse['meetings'][number];
type Item = MeetingProfile['measures'][string]['items'][number];

/**
 * Each measure: a query from the entity `n` to its facts, returning per fact the report it
 * comes from (`report`), the item's key, label, kind, other end and detail, and the unit (a
 * paragraph or recommendation id) that says so (`unit`, may be null).
 */
const MEASURES: Record<string, string> = {
  attended: `MATCH (n)-[a:ATTENDED]->(:Meeting)
    OPTIONAL MATCH (p:Paragraph {report: a.report, number: a.paragraph})
    RETURN a.report AS report, coalesce(a.role, '') AS key, coalesce(a.role, '') AS label, 'role' AS kind, null AS other, a.role AS detail, p.id AS unit`,
  roles: `MATCH (n)-[h:HELD_ROLE]->(:Meeting)
    OPTIONAL MATCH (p:Paragraph {report: h.report, number: h.paragraph})
    RETURN h.report AS report, coalesce(h.role, '') AS key, coalesce(h.role, '') AS label, 'role' AS kind, null AS other, h.role AS detail, p.id AS unit`,
  spokeOn: `MATCH (n)-[o:SPOKE_ON]->(i)
    OPTIONAL MATCH (p:Paragraph {report: o.report, number: o.paragraph})
    RETURN o.report AS report, i.id AS key, i.id AS label, labels(i)[0] AS kind, i.id AS other, o.role AS detail, p.id AS unit`,
  recommendations: `MATCH (u:Recommendation)-[:MENTIONS]->(n)
    RETURN u.report AS report, coalesce(u.ref, u.id) AS key, u.paragraph + '(' + u.letter + ')' AS label, 'Recommendation' AS kind, null AS other, null AS detail, u.id AS unit`,
  citations: `MATCH (u:Recommendation)-[:CITES]->(n)
    RETURN u.report AS report, coalesce(u.ref, u.id) AS key, u.paragraph + '(' + u.letter + ')' AS label, 'Recommendation' AS kind, null AS other, null AS detail, u.id AS unit`,
  paragraphs: `MATCH (u:Paragraph)-[:MENTIONS]->(n)
    RETURN u.report AS report, coalesce(u.ref, u.id) AS key, '¶' + u.number AS label, 'Paragraph' AS kind, null AS other, null AS detail, u.id AS unit`,
  mentions: `MATCH (u:Paragraph|Recommendation)-[:MENTIONS|ADDRESSES]->(n)
    RETURN DISTINCT u.report AS report, coalesce(u.ref, u.id) AS key,
           CASE WHEN u:Recommendation THEN u.paragraph + '(' + u.letter + ')' ELSE '¶' + u.number END AS label,
           labels(u)[0] AS kind, null AS other, null AS detail, u.id AS unit`,
  links: `MATCH (n)-[l:LINKED_TO]-(o:CrimeType)
    RETURN l.report AS report, o.id + ' ' + coalesce(l.kind, '') + CASE WHEN startNode(l) = n THEN ' →' ELSE ' ←' END AS key, o.id AS label, 'CrimeType' AS kind, o.id AS other,
           coalesce(l.kind, '') + CASE WHEN startNode(l) = n THEN ' →' ELSE ' ←' END AS detail, l.unit AS unit`,
};

/** The measures of each kind of entity, in the order a profile shows them. */
export function measuresOf(labels: readonly string[]): string[] {
  if (labels.includes('State') || labels.includes('Organization')) return ['attended', 'spokeOn', 'recommendations', 'paragraphs'];
  if (labels.includes('Instrument')) return ['citations', 'paragraphs'];
  if (labels.includes('CrimeType')) return ['mentions', 'links'];
  if (labels.includes('Person')) return ['roles', 'mentions'];
  return ['mentions'];
}

/** The profile of node `id` (see the module comment), or undefined when no node has that id. */
export async function entityProfile(driver: Driver, id: string, options: ReadOptions & { scope?: Scope } = {}): Promise<ProfileResponse | undefined> {
  const scope = options.scope ?? WHOLE_CORPUS;
  const found = await readQuery(driver, `CALL () { ${matchNodeById(id, 'n', 'id')} } RETURN n`, { id }, options);
  const node = found.records[0]?.get('n') as Node | undefined;
  if (!node) return undefined;
  const json = nodeToJson(node);
  const measures = measuresOf(json.labels);
  const [meetings, ...facts] = await Promise.all([
    meetingsInScope(driver, scope, options),
    ...measures.map((m) =>
      readQuery(
        driver,
        `CALL () { ${matchNodeById(id, 'n', 'id')} }
         CALL (n) { ${MEASURES[m]} }
         WITH report, key, label, kind, other, detail, unit WHERE report IS NOT NULL AND ($reports IS NULL OR report IN $reports)
         MATCH (rep:Report {id: report})-[:REPORT_OF]->(m:Meeting)
         RETURN m.id AS meeting, report, rep.language AS language, key, label, kind, other, detail, unit`,
        { id, reports: scope.reports },
        options,
      ),
    ),
  ]);
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  const rows = new Map<string, MeetingProfile>();
  for (const m of meetings) {
    rows.set(m.meeting, {
      ...m,
      measures: Object.fromEntries(measures.map((m) => [m, { count: 0, items: [] }])),
    });
  }
  measures.forEach((measure, i) => {
    const byKey = new Map<string, Item>();
    for (const r of facts[i]!.records) {
      const meeting = rows.get(String(r.get('meeting')));
      if (!meeting) continue;
      const key = `${meeting.meeting}\u0000${String(r.get('key'))}`;
      let item = byKey.get(key);
      if (!item) {
        item = {
          key: String(r.get('key')),
          label: String(scalarToJson(r.get('label'))),
          kind: String(r.get('kind')),
          other: str(r.get('other')),
          detail: str(r.get('detail')),
          versions: [],
        };
        byKey.set(key, item);
        meeting.measures[measure]!.items.push(item);
      }
      const unit = str(r.get('unit'));
      if (unit && !item.versions.some((v) => v.id === unit))
        item.versions.push({ id: unit, report: String(r.get('report')), language: str(r.get('language')) });
    }
  });
  const ordered = [...rows.values()].sort(
    (a, b) => (a.congress ?? 0) - (b.congress ?? 0) || (a.region_code ?? '').localeCompare(b.region_code ?? '') || a.meeting.localeCompare(b.meeting),
  );
  for (const m of ordered) {
    for (const measure of Object.values(m.measures)) {
      measure.items.sort((a, b) => naturalCompare(a.label, b.label) || a.key.localeCompare(b.key));
      for (const item of measure.items) item.versions.sort((a, b) => (a.language ?? '').localeCompare(b.language ?? '') || naturalCompare(a.id, b.id));
      measure.count = measure.items.length;
    }
  }
  const p = json.properties;
  return {
    id: json.id,
    labels: json.labels,
    name: displayName(json.labels, p, json.id),
    name_zh: str(p.name_zh ?? p.title_zh),
    name_en: str(p.name_en ?? p.title_en),
    reports: scope.reports,
    measures,
    meetings: ordered,
  };
}
