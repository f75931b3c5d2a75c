/**
 * Lucene queries that fetch the candidates search then ranks (rank.ts): recall,
 * not order. Built from tokens only (letters, digits, CJK characters), so nothing a
 * user types is ever Lucene syntax; and bounded, so that no query — whatever its
 * length or script — reaches Lucene's limit of 1024 clauses (IndexSearcher's
 * maxClauseCount, which counts every term of a phrase: a 65-character Chinese
 * sentence used to fail with TooManyNestedClauses).
 *
 * Fields are those of the full-text indexes in cypher/schema.cypher:
 * `entity_text_cjk` (cjk analyzer: overlapping CJK bigrams, Latin words) and
 * `entity_text_en` (standard analyzer: words, and every CJK character a word).
 */
import type { Token } from './tokens.ts';
import type { Needle } from './needle.ts';
import type { Unit } from './match.ts';

export type IndexKind = 'cjk' | 'en';

/** The name-like fields of each index (everything but `text`). */
export const NAME_FIELDS: Record<IndexKind, readonly string[]> = {
  cjk: ['name', 'name_zh', 'short_zh', 'aliases', 'title_zh'],
  en: ['name', 'name_en', 'short_en', 'aliases', 'title_en', 'symbol', 'iso3'],
};
export const TEXT_FIELDS: readonly string[] = ['text'];

/** Most terms one query may hold (Lucene refuses more than 1024 clauses; terms of phrases count). */
export const MAX_TERMS = 800;
/** A CJK run is searched as phrases of at most this many characters (its start, middle and end). */
const CHUNK = 9;
const MAX_CHUNKS = 3;
const MAX_WORDS = 8;
const MAX_PARTIAL_UNITS = 12;
/** The standard analyzer's English stop words: never required (the analyzer drops them). */
const LUCENE_STOP = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(' '),
);

/** One piece of a needle as Lucene sees it: a phrase of CJK characters or a word (maybe a prefix). */
interface Piece {
  kind: 'cjk' | 'word';
  text: string;
  prefix: boolean;
}

/** Escapes a term for Lucene's classic query parser (belt and braces: tokens hold no operators). */
export function escapeLuceneTerm(term: string): string {
  const escaped = term.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, (c) => `\\${c}`);
  return /^(AND|OR|NOT|TO)$/.test(escaped) ? escaped.toLowerCase() : escaped;
}

function cjkRuns(tokens: readonly Token[]): string[] {
  const runs: string[] = [];
  let run = '';
  for (const t of tokens) {
    if (t.cjk && (run === '' || !t.breakBefore)) run += t.text;
    else {
      if (run) runs.push(run);
      run = t.cjk ? t.text : '';
    }
  }
  if (run) runs.push(run);
  return runs;
}

function chunks(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length <= CHUNK) return [run];
  const starts = [0, Math.floor((chars.length - CHUNK) / 2), chars.length - CHUNK].slice(0, MAX_CHUNKS);
  return [...new Set(starts)].map((s) => chars.slice(s, s + CHUNK).join(''));
}

function pieces(needle: Needle): Piece[] {
  const out: Piece[] = cjkRuns(needle.tokens).flatMap((run) => chunks(run).map((text) => ({ kind: 'cjk' as const, text, prefix: false })));
  const words = needle.tokens.filter((t) => !t.cjk && !LUCENE_STOP.has(t.text));
  const last = needle.tokens[needle.tokens.length - 1];
  for (const w of words.slice(0, MAX_WORDS)) {
    out.push({ kind: 'word', text: w.text, prefix: needle.prefix && w === last && w.alpha && w.text.length >= 2 });
  }
  return out;
}

/** Terms a piece costs in a field of an index, and its clause text; undefined when the index cannot search it. */
function pieceClause(p: Piece, field: string, index: IndexKind): { clause: string; terms: number } | undefined {
  if (p.kind === 'word') {
    const t = escapeLuceneTerm(p.text);
    return p.prefix ? { clause: `(${field}:${t} OR ${field}:${t}*)`, terms: 2 } : { clause: `${field}:${t}`, terms: 1 };
  }
  const n = Array.from(p.text).length;
  // The cjk analyzer has no term for a lone character inside a run; the standard analyzer has one per character.
  if (index === 'cjk' && n < 2) return undefined;
  return { clause: `${field}:"${p.text}"`, terms: index === 'cjk' ? n - 1 : n };
}

/** The clause asking for every piece of a needle in one field, and its cost. */
function needleClause(ps: readonly Piece[], field: string, index: IndexKind): { clause: string; terms: number } | undefined {
  const parts = ps.map((p) => pieceClause(p, field, index)).filter((c) => c !== undefined);
  if (parts.length === 0) return undefined;
  const terms = parts.reduce((s, c) => s + c.terms, 0);
  return { clause: parts.length === 1 ? parts[0]!.clause : `(${parts.map((c) => `+${c.clause}`).join(' ')})`, terms };
}

function spread<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]!);
}

export interface LuceneQuery {
  query: string;
  /** Terms counted as Lucene's clause limit counts them. */
  terms: number;
}

/**
 * The query for one index over `fields`: each needle (all its pieces in one field),
 * the first one first, then — for partial overlap — the first needle's units one by one.
 * Needles past the term budget are left out. Undefined when nothing is searchable here.
 */
export function buildLuceneQuery(
  needles: readonly Needle[],
  index: IndexKind,
  fields: readonly string[],
  partial: readonly Unit[] = [],
): LuceneQuery | undefined {
  const clauses: string[] = [];
  let terms = 0;
  const add = (clause: string, cost: number): boolean => {
    if (terms + cost > MAX_TERMS) return false;
    clauses.push(clause);
    terms += cost;
    return true;
  };
  const needleClauses = (needle: Needle): { clause: string; terms: number }[] =>
    fields.map((f) => needleClause(pieces(needle), f, index)).filter((c) => c !== undefined);

  const [first, ...rest] = needles;
  if (first) for (const c of needleClauses(first)) add(c.clause, c.terms);
  const unitTexts = new Map<string, Unit>();
  for (const u of partial) {
    if (u.kind === 'word' && LUCENE_STOP.has(u.tokens[0]!.text)) continue;
    unitTexts.set(u.tokens.map((t) => t.text).join(''), u);
  }
  const units = spread([...unitTexts.values()], MAX_PARTIAL_UNITS);
  if (units.length >= 2) {
    for (const f of fields) {
      for (const u of units) {
        const text = u.tokens.map((t) => t.text).join('');
        const clause = u.kind === 'word' ? `${f}:${escapeLuceneTerm(text)}` : `${f}:"${text}"`;
        if (!add(clause, u.kind === 'word' || index === 'cjk' ? 1 : Array.from(text).length)) break;
      }
    }
  }
  for (const needle of rest) {
    const cs = needleClauses(needle);
    const cost = cs.reduce((s, c) => s + c.terms, 0);
    if (terms + cost > MAX_TERMS) continue;
    for (const c of cs) add(c.clause, c.terms);
  }
  if (clauses.length === 0) return undefined;
  return { query: clauses.join(' OR '), terms };
}
