/**
 * One node, its relationships grouped by type and direction, and for each fact its
 * provenance: the paragraph (or recommendation) it came from, that text, and the
 * character spans to highlight in it.
 *
 * Where the text is: a relationship's `unit` (the id of the paragraph or
 * recommendation) when it has one; else its start node when that is a paragraph or
 * recommendation (MENTIONS, CITES, ADDRESSES); else the paragraph `report` +
 * `paragraph` name (SPOKE_ON, ATTENDED, HELD_ROLE, REPRESENTS). CO_OCCURS lists its
 * paragraphs. Spans are pairs `[start, end)`; when a fact has evidence but no spans,
 * the evidence is found in the text.
 */
import type { Driver } from 'neo4j-driver';
import { displayName, matchNodeById } from './labels.ts';
import { readQuery, type ReadOptions } from './run.ts';
import { CONTRIB_KEY } from '../load/contributions.ts';
import { inScope, scopedProperties, WHOLE_CORPUS, type Scope } from './scope.ts';
import { DISPLAY_FIELDS, pairsToJson, pairsToRaw, projectedToJson, projectionCypher, publicPropertiesCypher, type ProjectedNode } from './values.ts';
import type { NodeDetailsResponse, ProvenanceJson, RelationshipGroup, RelationshipItem } from '../../contract/api.ts';
import type { NodeJson } from '../../contract/graph.ts';
import { truncateGraphemes } from '../../contract/truncate.ts';
import { naturalCompare } from './order.ts';

export interface NodeDetailsOptions extends ReadOptions {
  /** Most items per group (default 100). */
  perGroup?: number;
  /** Only the facts of the reports in scope (default: the whole corpus). */
  scope?: Scope;
}

type Pairs = [string, unknown][];

interface RawItem {
  /** The relationship's elementId and its properties without the loader's bookkeeping (with it, under a corpus filter, when several reports share it: scopedProperties folds it). */
  eid: string;
  props: Pairs;
  m: ProjectedNode;
  out: boolean;
}

const TEXT_LABELS = new Set(['Paragraph', 'Recommendation']);

/** What the answer reads of a node at the other end of a relationship, or of a text provenance points into. */
const projectNode = (variable: string): string => projectionCypher(variable, DISPLAY_FIELDS);

export async function nodeDetails(driver: Driver, id: string, options: NodeDetailsOptions = {}): Promise<NodeDetailsResponse | undefined> {
  const perGroup = options.perGroup ?? 100;
  const scope = options.scope ?? WHOLE_CORPUS;
  const result = await readQuery(
    driver,
    // One query: the node, its relationships cut per group, the texts their provenance points
    // into and the other-language versions. Relationships are collected as references (no
    // property read) and cut per group before anything is loaded: a hub with thousands of
    // relationships costs little more. The texts are those the stored properties name (`unit`,
    // `paragraphs`, `report` + `paragraph` where the start node is not itself the text), each once.
    `CALL () { ${matchNodeById(id, 'n', 'id')} }
     CALL (n) {
       MATCH (n)-[r]-() WHERE ${inScope('r')}
       WITH type(r) AS type, startNode(r) = n AS out, r
       WITH type, out, count(r) AS total, collect(r)[..$perGroup] AS rels
       ORDER BY type, out DESC
       RETURN collect({type: type, out: out, count: total, rels: rels}) AS cut
     }
     CALL (cut) {
       UNWIND cut AS g
       UNWIND g.rels AS r
       WITH r, startNode(r) AS s
       WITH collect(r.unit) + reduce(all = [], ps IN collect(r.paragraphs) | all + ps) AS ids,
            collect(CASE WHEN r.unit IS NULL AND NOT (s:Paragraph OR s:Recommendation) AND r.report IS NOT NULL AND r.paragraph IS NOT NULL
                         THEN {report: r.report, number: r.paragraph} END) AS refs
       CALL (ids, refs) {
         UNWIND ids AS pid WITH DISTINCT pid WHERE pid STARTS WITH 'para:' MATCH (u:Paragraph {id: pid}) RETURN u
         UNION
         UNWIND ids AS rid WITH DISTINCT rid WHERE rid STARTS WITH 'rec:' MATCH (u:Recommendation {id: rid}) RETURN u
         UNION
         UNWIND refs AS ref WITH DISTINCT ref MATCH (u:Paragraph {report: ref.report, number: ref.number}) RETURN u
       }
       RETURN collect(${projectNode('u')}) AS texts
     }
     CALL (n) {
       CALL (n) {
         MATCH (v:Paragraph {ref: n.ref}) WHERE n:Paragraph AND v <> n RETURN v
         UNION
         MATCH (v:Recommendation {ref: n.ref}) WHERE n:Recommendation AND v <> n RETURN v
       }
       OPTIONAL MATCH (rv:Report {id: v.report})
       RETURN collect({id: v.id, report: v.report, language: rv.language, text: v.text}) AS versions
     }
     RETURN coalesce(n.id, elementId(n)) AS key, labels(n) AS labels, ${publicPropertiesCypher('n')} AS props, versions, texts,
            [g IN cut | {type: g.type, out: g.out, count: g.count, items: [r IN g.rels | {
              eid: elementId(r),
              props: CASE WHEN $reports IS NULL OR r._contrib IS NULL THEN ${publicPropertiesCypher('r')} ELSE [k IN keys(r) | [k, r[k]]] END,
              m: ${projectNode('CASE WHEN g.out THEN endNode(r) ELSE startNode(r) END')},
              out: g.out}]}] AS groups`,
    { id, perGroup, reports: scope.reports },
    options,
  );
  const record = result.records[0];
  if (!record) return undefined;
  const node: NodeJson = { id: record.get('key') as string, labels: record.get('labels') as string[], properties: pairsToJson(record.get('props') as Pairs) };
  const rawGroups = record.get('groups') as { type: string; out: boolean; count: unknown; items: RawItem[] }[];
  const texts = textsFrom(record.get('texts') as ProjectedNode[]);

  // Under a corpus filter, a fact several reports share is folded from the in-scope reports'
  // contributions, which may name a text its stored properties do not: fetched apart (rare).
  if (scope.reports !== null) {
    const centerIsText = isText(node.labels);
    const ids = new Set<string>();
    const refs = new Map<string, { report: string; number: number }>();
    for (const g of rawGroups) {
      for (const item of g.items) {
        const raw = pairsToRaw(item.props);
        if (typeof raw[CONTRIB_KEY] !== 'string') continue;
        const props = scopedProperties(g.type, raw, scope);
        const textAtStart = item.out ? centerIsText : isText(item.m.labels);
        if (typeof props.unit === 'string') {
          if (!texts.byId.has(props.unit)) ids.add(props.unit);
        } else if (!textAtStart && typeof props.report === 'string' && typeof props.paragraph === 'number') {
          const key = `${props.report}#${props.paragraph}`;
          if (!texts.byParagraph.has(key)) refs.set(key, { report: props.report, number: props.paragraph });
        }
        if (Array.isArray(props.paragraphs)) for (const p of props.paragraphs) if (typeof p === 'string' && !texts.byId.has(p)) ids.add(p);
      }
    }
    if (ids.size > 0 || refs.size > 0) addTexts(texts, await fetchTexts(driver, [...ids], [...refs.values()], options));
  }

  const groups: RelationshipGroup[] = rawGroups.map((g) => ({
    type: g.type,
    direction: g.out ? 'out' : 'in',
    count: Number(g.count),
    items: inPlaceInText(g.items.map((item) => relationshipItem(g.type, item, node, texts, scope))),
  }));
  const versions = (record.get('versions') as { id: string; report: string | null; language: string | null; text: string | null }[])
    .map((v) => ({ id: v.id, report: v.report, language: v.language, text: v.text ?? '' }))
    .sort((a, b) => a.id.localeCompare(b.id));
  return { ...node, name: displayName(node.labels, node.properties, node.id), relationships: groups, versions };
}

interface TextUnit {
  id: string;
  report: string | null;
  paragraph: number | null;
  label: string;
  text: string;
}

/** A recommendation's text in full; a paragraph's only begun, at most 200 characters (its provenance carries it whole). */
const PARAGRAPH_SNIPPET = 200;
function otherText(node: NodeJson): string | null {
  const text = node.properties.text;
  if (typeof text !== 'string') return null;
  return node.labels.includes('Paragraph') ? truncateGraphemes(text, PARAGRAPH_SNIPPET) : text;
}

/** One relationship of the answer: the node at its other end, its properties as the scope sees them, and its provenance. */
function relationshipItem(type: string, item: RawItem, node: NodeJson, texts: Texts, scope: Scope): RelationshipItem {
  // The whole corpus reads the stored properties as they are; a corpus filter folds what several reports share.
  const props = scope.reports === null ? pairsToJson(item.props) : scopedProperties(type, pairsToRaw(item.props), scope);
  const other = projectedToJson(item.m);
  const start = item.out ? node : other;
  const provenance: ProvenanceJson[] = [];
  const spans = spanPairs(props.spans);
  const evidence = typeof props.evidence === 'string' ? props.evidence : null;
  let unit: TextUnit | undefined;
  if (typeof props.unit === 'string') unit = texts.byId.get(props.unit);
  else if (isText(start.labels)) unit = textUnitOf(start);
  else if (typeof props.report === 'string' && typeof props.paragraph === 'number') unit = texts.byParagraph.get(`${props.report}#${props.paragraph}`);
  if (unit) provenance.push(provenanceFor(unit, spans, evidence));
  if (Array.isArray(props.paragraphs)) {
    for (const p of props.paragraphs) {
      const u = typeof p === 'string' ? texts.byId.get(p) : undefined;
      if (u) provenance.push(provenanceFor(u, [], null));
    }
  }
  return {
    id: item.eid,
    other: {
      id: other.id,
      labels: other.labels,
      name: displayName(other.labels, other.properties, other.id),
      name_zh: stringOrNull(other.properties.name_zh ?? other.properties.title_zh),
      name_en: stringOrNull(other.properties.name_en ?? other.properties.title_en),
      text: otherText(other),
    },
    properties: props,
    provenance,
  };
}

/** Whether a node with these labels is a text provenance points into (a paragraph or a recommendation). */
function isText(labels: readonly string[]): boolean {
  for (const label of labels) if (TEXT_LABELS.has(label)) return true;
  return false;
}

/**
 * `items` in the order of the texts: report, paragraph, letter, then id (the first
 * provenance's; none sorts last). Each item's place is read once, not at every comparison.
 */
function inPlaceInText(items: RelationshipItem[]): RelationshipItem[] {
  const placed = items.map((item) => {
    const p = item.provenance[0];
    return { item, report: p?.report ?? '', paragraph: p?.paragraph ?? Number.MAX_SAFE_INTEGER, label: p?.label ?? '' };
  });
  placed.sort(
    (a, b) =>
      a.report.localeCompare(b.report) || a.paragraph - b.paragraph || naturalCompare(a.label, b.label) || naturalCompare(a.item.other.id, b.item.other.id),
  );
  return placed.map((p) => p.item);
}

function textUnitOf(node: NodeJson): TextUnit {
  const p = node.properties;
  const paragraph = typeof p.number === 'number' ? p.number : typeof p.paragraph === 'number' ? p.paragraph : null;
  return {
    id: node.id,
    report: stringOrNull(p.report),
    paragraph,
    label: displayName(node.labels, p, node.id),
    text: typeof p.text === 'string' ? p.text : '',
  };
}

interface Texts {
  byId: Map<string, TextUnit>;
  byParagraph: Map<string, TextUnit>;
}

/** The texts provenance points into, by id and (paragraphs) by report and number. */
function textsFrom(units: readonly ProjectedNode[]): Texts {
  const texts: Texts = { byId: new Map(), byParagraph: new Map() };
  addTexts(texts, units);
  return texts;
}

function addTexts(texts: Texts, units: readonly ProjectedNode[]): void {
  for (const projected of units) {
    const unit = textUnitOf(projectedToJson(projected));
    texts.byId.set(unit.id, unit);
    if (unit.id.startsWith('para:') && unit.report !== null && unit.paragraph !== null) texts.byParagraph.set(`${unit.report}#${unit.paragraph}`, unit);
  }
}

/** Paragraphs and recommendations by id (`para:…`, `rec:…`), and paragraphs by report and number. */
async function fetchTexts(driver: Driver, ids: string[], paragraphs: { report: string; number: number }[], options: ReadOptions): Promise<ProjectedNode[]> {
  const result = await readQuery(
    driver,
    `CALL () {
       UNWIND $paraIds AS pid MATCH (u:Paragraph {id: pid}) RETURN u
       UNION
       UNWIND $recIds AS rid MATCH (u:Recommendation {id: rid}) RETURN u
       UNION
       UNWIND $refs AS ref MATCH (u:Paragraph {report: ref.report, number: ref.number}) RETURN u
     }
     RETURN ${projectNode('u')} AS u`,
    { paraIds: ids.filter((i) => i.startsWith('para:')), recIds: ids.filter((i) => i.startsWith('rec:')), refs: paragraphs },
    options,
  );
  return result.records.map((record) => record.get('u') as ProjectedNode);
}

function provenanceFor(unit: TextUnit, spans: [number, number][], evidence: string | null): ProvenanceJson {
  let pairs = spans.filter(([s, e]) => s >= 0 && e > s && e <= unit.text.length);
  if (pairs.length === 0 && evidence) {
    const at = unit.text.indexOf(evidence);
    if (at >= 0) pairs = [[at, at + evidence.length]];
  }
  return { report: unit.report, paragraph: unit.paragraph, paragraphId: unit.id, label: unit.label, text: unit.text, spans: pairs, evidence };
}

/** The model's flat `[s1, e1, s2, e2, …]` as pairs. */
export function spanPairs(raw: unknown): [number, number][] {
  if (!Array.isArray(raw)) return [];
  const numbers = raw.map((v) => Number(v));
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < numbers.length; i += 2) {
    const s = numbers[i]!;
    const e = numbers[i + 1]!;
    if (Number.isInteger(s) && Number.isInteger(e)) pairs.push([s, e]);
  }
  return pairs;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
