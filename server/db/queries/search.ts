/**
 * Full-text search over names, aliases, titles and text, in Chinese (the `cjk`
 * index: character bigrams) and English (the `standard` index), through the indexes
 * cypher/schema.cypher creates. What a user types is escaped: Lucene syntax in it is
 * searched for as text, never parsed, never an error.
 */
import type { Driver, Node } from 'neo4j-driver';
import type { NodeLabel } from '../../contract/model.ts';
import { displayName, labelForId, matchNodeById } from './labels.ts';
import { readQuery, type ReadOptions } from './run.ts';
import { inScope, type Scope } from './scope.ts';
import { nodeToJson } from './values.ts';
import type { SearchResult } from '../../contract/api.ts';
import type { NodeJson } from '../../contract/graph.ts';
import { truncateGraphemes } from '../../contract/truncate.ts';

export const FULLTEXT_INDEXES = ['entity_text_cjk', 'entity_text_en'] as const;

export interface SearchOptions extends ReadOptions {
  labels?: readonly NodeLabel[] | undefined;
  limit: number;
  /** Only what the reports in scope brought (default: the whole corpus). */
  scope?: Scope;
}

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** One term, every Lucene operator character escaped; AND/OR/NOT lose their meaning (lower-cased). */
export function escapeLuceneTerm(term: string): string {
  const escaped = term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
  return /^(AND|OR|NOT|TO)$/.test(escaped) ? escaped.toLowerCase() : escaped;
}

/** Fields a hit in which counts for more (names over running text). */
const BOOSTS: [field: string, boost: number][] = [
  ['name', 6],
  ['name_zh', 4],
  ['name_en', 4],
  ['aliases', 4],
  ['short_zh', 3],
  ['short_en', 3],
  ['symbol', 3],
  ['iso3', 3],
  ['title_zh', 2],
  ['title_en', 2],
];

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]/u;

/**
 * The Lucene query for what a user typed: each term searched in every indexed field,
 * with names boosted; the last term of alphabetic text also as a prefix (typing
 * "traff" finds "trafficking"). Undefined when nothing searchable is left.
 */
export function luceneQuery(input: string): string | undefined {
  const terms = input
    .normalize('NFKC')
    .split(/\s+/)
    .filter((t) => WORD.test(t))
    .slice(0, 16);
  if (terms.length === 0) return undefined;
  const clauses = terms.map((term, i) => {
    const t = escapeLuceneTerm(term);
    const parts = [t, ...BOOSTS.map(([field, boost]) => `${field}:${t}^${boost}`)];
    const isLast = i === terms.length - 1;
    if (isLast && !HAN.test(term) && /^[\p{L}\p{N}]+$/u.test(term) && term.length >= 2) parts.push(`${t.toLowerCase()}*`, `name:${t.toLowerCase()}*^3`);
    return `(${parts.join(' OR ')})`;
  });
  return clauses.join(' OR ');
}

export async function search(driver: Driver, q: string, options: SearchOptions): Promise<SearchResult[]> {
  const query = luceneQuery(q);
  const labels = options.labels?.length ? [...options.labels] : null;
  const results = new Map<string, SearchResult>();

  // An id typed as such (state:ARG) comes first.
  const trimmed = q.trim();
  if (labelForId(trimmed)) {
    const exact = await readQuery(driver, `CALL { ${matchNodeById(trimmed, 'n', 'id')} } WITH n WHERE ${inScope('n')} RETURN n`, { id: trimmed, reports: options.scope?.reports ?? null }, options);
    const node = exact.records[0]?.get('n') as Node | undefined;
    if (node && (!labels || node.labels.some((l) => (labels as string[]).includes(l)))) {
      const r = toResult(nodeToJson(node), Number.MAX_SAFE_INTEGER);
      results.set(r.id, r);
    }
  }
  if (query === undefined) return [...results.values()];

  const fetch = Math.min(1000, labels ? options.limit * 10 + 100 : options.limit * 2 + 10);
  let records;
  try {
    ({ records } = await readQuery(
      driver,
      `CALL {
         CALL db.index.fulltext.queryNodes($cjk, $query, {limit: $fetch}) YIELD node, score RETURN node, score
         UNION ALL
         CALL db.index.fulltext.queryNodes($en, $query, {limit: $fetch}) YIELD node, score RETURN node, score
       }
       WITH node, max(score) AS score
       WHERE ($labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)) AND ${inScope('node')}
       RETURN node, score ORDER BY score DESC, node.id LIMIT $limit`,
      { cjk: FULLTEXT_INDEXES[0], en: FULLTEXT_INDEXES[1], query, fetch: options.scope?.reports ? Math.min(1000, fetch * 3) : fetch, labels, limit: options.limit, reports: options.scope?.reports ?? null },
      options,
    ));
  } catch (error) {
    // A query Lucene still cannot parse (it should not happen: input is escaped) finds nothing.
    if ((error as { code?: string }).code === 'Neo.ClientError.Procedure.ProcedureCallFailed' && /parse/i.test(String((error as Error).message))) return [...results.values()];
    throw error;
  }
  for (const record of records) {
    const r = toResult(nodeToJson(record.get('node') as Node), Number(record.get('score')));
    if (!results.has(r.id)) results.set(r.id, r);
  }
  return [...results.values()].slice(0, options.limit);
}

function toResult(node: NodeJson, score: number): SearchResult {
  const p = node.properties;
  const result: SearchResult = {
    id: node.id,
    labels: node.labels,
    name: displayName(node.labels, p, node.id),
    name_en: typeof p.name_en === 'string' ? p.name_en : typeof p.title_en === 'string' ? p.title_en : null,
    name_zh: typeof p.name_zh === 'string' ? p.name_zh : typeof p.title_zh === 'string' ? p.title_zh : null,
    score: score === Number.MAX_SAFE_INTEGER ? 1e6 : Math.round(score * 1000) / 1000,
  };
  if (typeof p.text === 'string') result.snippet = truncateGraphemes(p.text, 120);
  return result;
}
