/**
 * Search (GET /api/search): what a user types → the nodes they mean, best first.
 *
 * 1. An id typed as such (state:ARG) and references as analysts type them
 *    (24(c), ¶24, 第24段, A/CONF.241/RPM.2/1, agenda item 3; server/search/reference.ts)
 *    are looked up directly, one result per report, ahead of everything else.
 * 2. The full-text indexes of cypher/schema.cypher fetch candidates for the query
 *    and for the other-language forms it stands for: the topics list
 *    (data/topics.json) and the names of the entities the query names exactly (from
 *    the gazetteer; in a second round, from the graph's aliases for entities the
 *    gazetteer does not know) (server/search/lucene.ts: bounded, never Lucene syntax).
 * 3. The candidates are ranked in TypeScript (server/search/rank.ts) by the same
 *    rules in Chinese and English: exact name or alias, name prefix, name containing
 *    the query, the phrase in running text, partial overlap.
 *
 * docs/API.md ("How search ranks") describes the result for a reader.
 */
import type { Driver } from 'neo4j-driver';
import type { SearchResult } from '../../contract/api.ts';
import type { NodeLabel } from '../../contract/model.ts';
import { normalizeText } from '../../ingest/document/normalize.ts';
import { loadGazetteer } from '../../ingest/gazetteer/load.ts';
import { entitiesNamed, indexEntityNames, type EntityNames } from '../../search/entityNames.ts';
import { buildLuceneQuery, NAME_FIELDS, TEXT_FIELDS } from '../../search/lucene.ts';
import { makeNeedle, type Needle, type Via } from '../../search/needle.ts';
import { hitSnippet, rankCandidates, TIER_BASE, type Candidate, type Hit, type Tier } from '../../search/rank.ts';
import { parseReference, type Reference } from '../../search/reference.ts';
import { cutSnippet } from '../../search/snippet.ts';
import { loadTopics, tokenKey, topicsNamed } from '../../search/topics.ts';
import { isCjkChar } from '../../search/tokens.ts';
import { GAZETTEER_DIR } from '../corpus.ts';
import { FULLTEXT_INDEXES } from '../schema.ts';
import { displayName, labelForId, matchNodeById } from './labels.ts';
import { readQuery, type ReadOptions } from './run.ts';
import { inScope, type Scope } from './scope.ts';
import { scalarToJson } from './values.ts';

export interface SearchOptions extends ReadOptions {
  labels?: readonly NodeLabel[] | undefined;
  limit: number;
  /** Only what the reports in scope brought (default: the whole corpus). */
  scope?: Scope | undefined;
}

/** Labels whose nodes carry aliases in both languages (their other-language forms are searched too). */
const ALIASED = new Set(['State', 'Organization', 'Person', 'CrimeType', 'Instrument']);
/** Candidates fetched per index for names and for text, per result asked for, and at least (Lucene's best first; ranking then reorders them). */
const NAME_CANDIDATES = { perResult: 2, least: 20 };
const TEXT_CANDIDATES = { perResult: 4, least: 40 };
/** Most other-language forms searched for one query. */
const MAX_TRANSLATIONS = 8;

const PROJECTION = `node {.name, .name_zh, .name_en, .short_zh, .short_en, .aliases, .title_zh, .title_en, .symbol, .iso3, .tag, .text, .report, .number, .paragraph, .letter}`;

/**
 * Search `q` over the graph: results best first, at most `options.limit`, only of
 * `options.labels` when given. Any text is safe (the API bounds it to 200 characters;
 * blank finds nothing). Throws only what the database throws (unreachable, timeout).
 */
export async function search(driver: Driver, q: string, options: SearchOptions): Promise<SearchResult[]> {
  // What is typed is normalised as report text is at the door (apostrophes, full-width forms, invisible characters).
  const query = normalizeText(q).trim();
  if (query === '') return [];
  const labels = options.labels?.length ? [...options.labels] : null;
  const out = new Map<string, SearchResult>();
  const keep = (r: SearchResult): void => {
    if (labels && !r.labels.some((l) => (labels as string[]).includes(l))) return;
    if (!out.has(r.id)) out.set(r.id, r);
  };

  const primary = makeNeedle(query, true);
  const topicNeedles = translations(
    primary,
    topicsNamed(primary.tokens, loadTopics()).flatMap((t) => t.forms.map((f) => ({ text: f.text, via: { kind: 'topic' as const, from: t.id, form: f.text } }))),
  );
  // The entities the query names exactly: their names in the other language find text in that language.
  const named = entitiesNamed(primary.tokens, await gazetteerNames());
  const nameNeedles = translations(
    primary,
    named.flatMap((e) => e.names.map((form) => ({ text: form, via: { kind: 'alias' as const, from: e.id, form } }))),
    [primary, ...topicNeedles],
  );
  const reference = parseReference(query);

  let needles: Needle[] = [primary, ...topicNeedles, ...nameNeedles];
  const [exact, referenced, firstRound] = await Promise.all([
    labelForId(query) ? lookupId(driver, query, options) : Promise.resolve([]),
    reference ? lookupReference(driver, reference, options) : Promise.resolve([]),
    fetchCandidates(driver, needles, labels, options),
  ]);
  for (const r of exact) keep(r);
  for (const r of referenced) keep(r);

  let candidates = firstRound;
  let hits = rankCandidates(candidates, needles);
  // Entities named exactly that the gazetteer does not know (people read from the text): a second round for their aliases.
  const translated = new Set(named.map((e) => e.id));
  const aliasNeedles = translations(
    primary,
    hits
      .filter((h) => h.tier === 'exact' && !h.needle.via && !translated.has(h.candidate.id) && h.candidate.labels.some((l) => ALIASED.has(l)))
      .flatMap((h) => formsOf(h.candidate).map((form) => ({ text: form, via: { kind: 'alias' as const, from: h.candidate.id, form } }))),
    needles,
  );
  if (aliasNeedles.length > 0) {
    const more = await fetchCandidates(driver, aliasNeedles, labels, options);
    const known = new Set(candidates.map((c) => c.id));
    candidates = [...candidates, ...more.filter((c) => !known.has(c.id))];
    needles = [...needles, ...aliasNeedles];
    hits = rankCandidates(candidates, needles);
  }
  for (const hit of hits) keep(toResult(hit));
  return [...out.values()].slice(0, options.limit);
}

let gazetteerIndex: Promise<EntityNames> | undefined;

/**
 * The gazetteer's names by entity (data/gazetteer, read once). A gazetteer that cannot be
 * read gives none: search then translates from the graph's aliases in a second round.
 */
function gazetteerNames(): Promise<EntityNames> {
  gazetteerIndex ??= loadGazetteer(GAZETTEER_DIR).then(indexEntityNames, () => ({ idsByKey: new Map(), namesById: new Map() }));
  return gazetteerIndex;
}

/** Every name and alias of a node (strings of its name properties). */
function formsOf(c: Candidate): string[] {
  const p = c.properties;
  const values = [p.name_zh, p.name_en, p.short_zh, p.short_en, ...(Array.isArray(p.aliases) ? p.aliases : [])];
  return values.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}

/**
 * Needles for other-language forms: those that say something the query (and the needles
 * already searched) does not, the query's other script first, at most MAX_TRANSLATIONS.
 */
function translations(primary: Needle, forms: { text: string; via: Via }[], existing: readonly Needle[] = [primary]): Needle[] {
  const seen = new Set(existing.map((n) => tokenKey(n.tokens)));
  const queryIsCjk = primary.tokens.some((t) => t.cjk);
  const scriptOf = (text: string): boolean => Array.from(text).some(isCjkChar);
  const sorted = [...forms].sort((a, b) => Number(scriptOf(a.text) === queryIsCjk) - Number(scriptOf(b.text) === queryIsCjk));
  const out: Needle[] = [];
  for (const f of sorted) {
    const n = makeNeedle(f.text, false, f.via);
    const key = tokenKey(n.tokens);
    if (n.tokens.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push(n);
    if (out.length >= MAX_TRANSLATIONS) break;
  }
  return out;
}

/** Candidates for needles from both full-text indexes, names and text asked for apart (so text hits never crowd out names). */
async function fetchCandidates(driver: Driver, needles: readonly Needle[], labels: string[] | null, options: SearchOptions): Promise<Candidate[]> {
  const partial = needles[0] && !needles[0].via ? needles[0].units : [];
  const calls: { index: string; query: string; limit: number }[] = [];
  // Labels or a corpus filter drop some of Lucene's best: ask for more so enough remain.
  const widen = (labels ? 5 : 1) * (options.scope?.reports ? 3 : 1);
  const nameLimit = Math.max(NAME_CANDIDATES.least, NAME_CANDIDATES.perResult * options.limit) * widen;
  const textLimit = Math.max(TEXT_CANDIDATES.least, TEXT_CANDIDATES.perResult * options.limit) * widen;
  for (const kind of ['cjk', 'en'] as const) {
    const names = buildLuceneQuery(needles, kind, NAME_FIELDS[kind], partial);
    if (names) calls.push({ index: FULLTEXT_INDEXES[kind], query: names.query, limit: nameLimit });
    const text = buildLuceneQuery(needles, kind, TEXT_FIELDS, partial);
    if (text) calls.push({ index: FULLTEXT_INDEXES[kind], query: text.query, limit: textLimit });
  }
  if (calls.length === 0) return [];
  const params: Record<string, unknown> = { labels, reports: options.scope?.reports ?? null };
  const union = calls
    .map((c, i) => {
      params[`index${i}`] = c.index;
      params[`query${i}`] = c.query;
      params[`limit${i}`] = c.limit;
      return `CALL db.index.fulltext.queryNodes($index${i}, $query${i}, {limit: $limit${i}}) YIELD node RETURN node`;
    })
    .join(' UNION ');
  const { records } = await readQuery(
    driver,
    `CALL () { ${union} }
     WITH node WHERE ($labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)) AND ${inScope('node')}
     OPTIONAL MATCH (rep:Report {id: node.report})
     RETURN node.id AS id, labels(node) AS labels, ${PROJECTION} AS p, coalesce(node.tag, rep.tag) AS tag, COUNT { (node)--() } AS degree`,
    params,
    options,
  );
  return records.map((r) => ({
    id: String(r.get('id')),
    labels: r.get('labels') as string[],
    properties: scalarToJson(r.get('p')) as Record<string, unknown>,
    tag: (r.get('tag') as string | null) ?? null,
    degree: Number(scalarToJson(r.get('degree'))),
  }));
}

async function lookupId(driver: Driver, id: string, options: SearchOptions): Promise<SearchResult[]> {
  const { records } = await readQuery(
    driver,
    `CALL () { ${matchNodeById(id, 'node', 'id')} }
     WITH node WHERE ${inScope('node')}
     OPTIONAL MATCH (rep:Report {id: node.report})
     RETURN node.id AS id, labels(node) AS labels, ${PROJECTION} AS p, coalesce(node.tag, rep.tag) AS tag`,
    { id, reports: options.scope?.reports ?? null },
    options,
  );
  return records.map((r) => referenceResult(r.get('id'), r.get('labels'), r.get('p'), r.get('tag'), 'id'));
}

/** The nodes a reference names: in every report in scope (or the one its tag names), ordered by report tag. */
async function lookupReference(driver: Driver, ref: Reference, options: SearchOptions): Promise<SearchResult[]> {
  let cypher: string;
  let params: Record<string, unknown>;
  switch (ref.kind) {
    case 'recommendation':
      cypher = `MATCH (rep:Report) WHERE $tag IS NULL OR toUpper(rep.tag) = $tag
                MATCH (node:Recommendation {report: rep.id, paragraph: $paragraph, letter: $letter})`;
      params = { tag: ref.tag ?? null, paragraph: ref.paragraph, letter: ref.letter };
      break;
    case 'paragraph':
      cypher = `MATCH (rep:Report) WHERE $tag IS NULL OR toUpper(rep.tag) = $tag
                MATCH (node:Paragraph {report: rep.id, number: $number})`;
      params = { tag: ref.tag ?? null, number: ref.number };
      break;
    case 'symbol':
      cypher = `MATCH (node) WHERE (node:Document OR node:Instrument) AND node.symbol IS NOT NULL AND toUpper(replace(node.symbol, ' ', '')) = $symbol
                OPTIONAL MATCH (rep:Report {id: node.report})`;
      params = { symbol: ref.symbol };
      break;
    case 'agenda-item':
    case 'workshop':
      cypher = `MATCH (node:${ref.kind === 'agenda-item' ? 'AgendaItem' : 'Workshop'} {number: $number})
                OPTIONAL MATCH (rep:Report {id: node.report})`;
      params = { number: ref.number };
      break;
    case 'tag':
      cypher = `MATCH (node:Report) WHERE toUpper(node.tag) = $tag
                OPTIONAL MATCH (rep:Report {id: node.report})`;
      params = { tag: ref.tag };
      break;
  }
  const { records } = await readQuery(
    driver,
    `${cypher}
     WITH node, rep WHERE ${inScope('node')}
     RETURN node.id AS id, labels(node) AS labels, ${PROJECTION} AS p, coalesce(node.tag, rep.tag) AS tag
     ORDER BY tag, id`,
    { ...params, reports: options.scope?.reports ?? null },
    options,
  );
  return records.map((r) => referenceResult(r.get('id'), r.get('labels'), r.get('p'), r.get('tag'), 'reference'));
}

function referenceResult(id: unknown, labels: unknown, p: unknown, tag: unknown, match: 'id' | 'reference'): SearchResult {
  const candidate: Candidate = {
    id: String(id),
    labels: labels as string[],
    properties: scalarToJson(p) as Record<string, unknown>,
    tag: (tag as string | null) ?? null,
    degree: 0,
  };
  const result = baseResult(candidate, TIER_BASE[match], match);
  const text = candidate.properties.text;
  if (typeof text === 'string') {
    const { snippet } = cutSnippet(text, []);
    result.snippet = snippet;
  }
  return result;
}

function baseResult(c: Candidate, score: number, match: Tier): SearchResult {
  const p = c.properties;
  const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
  const result: SearchResult = {
    id: c.id,
    labels: c.labels,
    name: displayName(c.labels, p, c.id),
    name_en: str(p.name_en) ?? str(p.title_en),
    name_zh: str(p.name_zh) ?? str(p.title_zh),
    score,
    match,
  };
  const report = str(p.report) ?? (c.labels.includes('Report') ? c.id : null);
  if (report) result.report = report;
  if (c.tag) result.tag = c.tag;
  return result;
}

function toResult(hit: Hit): SearchResult {
  const result = baseResult(hit.candidate, hit.score, hit.tier);
  const shown = hitSnippet(hit);
  if (shown) {
    result.snippet = shown.snippet;
    result.highlights = shown.highlights;
  }
  if (hit.needle.via) result.via = hit.needle.via;
  return result;
}
