/**
 * The ranking of search (docs/API.md, "How search ranks"): every candidate gets the
 * best tier any needle reaches in it, the same rules in Chinese and English —
 *
 *   exact    a name or alias is the query (plural endings aside)
 *   prefix   a name or alias starts with the query
 *   name     a name or alias contains the query
 *   text     the running text (paragraph, recommendation) contains the query as a phrase
 *   partial  a name or the text holds most of the query (match.ts), never one shared character
 *
 * and within a tier a score in [0, 1) (how much of the name the query covers, how
 * often and how densely the text holds it, how connected the node is, found as
 * typed rather than through a translation). Pure: candidates in, ranked hits out.
 */
import { findPartial, findPhrase, spansOf } from './match.ts';
import type { Needle } from './needle.ts';
import { cutSnippet, type Snippet } from './snippet.ts';
import { tokenize, type Token } from './tokens.ts';

export type Tier = 'id' | 'reference' | 'exact' | 'prefix' | 'name' | 'text' | 'partial';

/** Each tier's base score: a result's score is its tier's base plus its place within the tier, in [0, 1). */
export const TIER_BASE: Record<Tier, number> = { id: 7, reference: 6, exact: 5, prefix: 4, name: 3, text: 2, partial: 1 };

/** The properties that name a node (searched for the name tiers), in the order a match in them is reported. */
export const NAME_PROPERTIES = ['name', 'name_zh', 'name_en', 'short_zh', 'short_en', 'aliases', 'title_zh', 'title_en', 'symbol', 'iso3', 'tag'] as const;

export interface Candidate {
  id: string;
  labels: string[];
  properties: Record<string, unknown>;
  /** The tag of the report the node belongs to (paragraphs, recommendations, the report and its meeting). */
  tag: string | null;
  /** Relationships of the node (how connected it is). */
  degree: number;
}

export interface Hit {
  candidate: Candidate;
  tier: Tier;
  score: number;
  /** Where the match is: the name or alias, or the whole text (`cut`: show a window of it, hitSnippet). */
  matched?: Matched;
  /** The needle that matched (its `via` says when it is not the query itself). */
  needle: Needle;
}

export interface Matched {
  text: string;
  /** [start, end) offsets into `text`. */
  spans: [number, number][];
  cut: boolean;
}

/** What a hit shows: the name or alias matched whole, or a window of the text around the match (snippet.ts). */
export function hitSnippet(hit: Hit): Snippet | undefined {
  const m = hit.matched;
  if (!m) return undefined;
  return m.cut ? cutSnippet(m.text, m.spans) : { snippet: m.text, highlights: m.spans };
}

interface Form {
  field: string;
  value: string;
  tokens: Token[];
}

/**
 * Tokens of the texts and names searches meet, least recently used dropped first once
 * they hold more than `maxTokens` tokens (about 100 bytes each): the same paragraphs
 * come back search after search, and tokenising them is most of ranking's work.
 */
export class TokenCache {
  private readonly map = new Map<string, Token[]>();
  private size = 0;
  constructor(private readonly maxTokens = 200_000) {}
  get(text: string): Token[] {
    let t = this.map.get(text);
    if (t) {
      this.map.delete(text);
      this.map.set(text, t);
      return t;
    }
    t = tokenize(text);
    this.map.set(text, t);
    this.size += t.length + 1;
    for (const [key, value] of this.map) {
      if (this.size <= this.maxTokens || key === text) break;
      this.map.delete(key);
      this.size -= value.length + 1;
    }
    return t;
  }
}

const sharedCache = new TokenCache();

function namesOf(c: Candidate, cache: TokenCache): Form[] {
  const forms: Form[] = [];
  const seen = new Set<string>();
  for (const field of NAME_PROPERTIES) {
    const v = c.properties[field];
    const values = Array.isArray(v) ? v : [v];
    for (const value of values) {
      if (typeof value !== 'string' || value.trim() === '' || seen.has(value)) continue;
      seen.add(value);
      forms.push({ field, value, tokens: cache.get(value) });
    }
  }
  return forms;
}

const clamp = (x: number): number => Math.min(0.999, Math.max(0, x));
const connectedness = (degree: number): number => Math.min(1, Math.log10(1 + degree) / 3);

interface Scored {
  tier: Tier;
  inTier: number;
  matched?: Matched;
}

function better(a: Scored | undefined, b: Scored): boolean {
  return !a || TIER_BASE[b.tier] + b.inTier > TIER_BASE[a.tier] + a.inTier;
}

function scoreNames(c: Candidate, forms: readonly Form[], needle: Needle): Scored | undefined {
  const direct = needle.via ? 0 : 1;
  let best: Scored | undefined;
  for (const form of forms) {
    if (form.tokens.length === 0) continue;
    const [m] = findPhrase(needle.tokens, form.tokens, needle.prefix);
    if (m) {
      const whole = m.from === 0 && m.to === form.tokens.length;
      const tier: Tier = whole && !m.prefix ? 'exact' : m.from === 0 ? 'prefix' : 'name';
      const coverage = needle.tokens.length / form.tokens.length;
      const s: Scored = {
        tier,
        inTier: clamp(0.6 * coverage + 0.25 * connectedness(c.degree) + 0.15 * direct),
        matched: { text: form.value, spans: spansOf(form.tokens, [[m.from, m.to]]), cut: false },
      };
      if (better(best, s)) best = s;
      continue;
    }
    if (needle.via) continue; // partial overlap only for what was typed
    const p = findPartial(needle.units, form.tokens);
    if (p) {
      const s: Scored = {
        tier: 'partial',
        inTier: clamp(0.5 * (p.matched / p.total) + 0.2 + 0.2 * (p.matched / Math.max(p.total, form.tokens.length)) + 0.1 * connectedness(c.degree)),
        matched: { text: form.value, spans: spansOf(form.tokens, p.ranges), cut: false },
      };
      if (better(best, s)) best = s;
    }
  }
  return best;
}

function scoreText(text: string, tokens: readonly Token[], needle: Needle): Scored | undefined {
  if (tokens.length === 0) return undefined;
  const direct = needle.via ? 0 : 1;
  const found = findPhrase(needle.tokens, tokens, needle.prefix);
  if (found.length > 0) {
    const spans = spansOf(
      tokens,
      found.map((m) => [m.from, m.to]),
    );
    const matchedTokens = found.length * needle.tokens.length;
    return {
      tier: 'text',
      inTier: clamp(0.45 * (found.length / (found.length + 1)) + 0.35 * Math.min(1, (8 * matchedTokens) / tokens.length) + 0.2 * direct),
      matched: { text, spans, cut: true },
    };
  }
  if (needle.via) return undefined;
  const p = findPartial(needle.units, tokens);
  if (!p) return undefined;
  return {
    tier: 'partial',
    inTier: clamp(0.5 * (p.matched / p.total) + 0.2 * Math.min(1, (4 * p.matched) / tokens.length)),
    matched: { text, spans: spansOf(tokens, p.ranges), cut: true },
  };
}

/**
 * Rank candidates against needles (the query first, then its translations):
 * best first; candidates no needle reaches are left out. Ties: score, then id.
 * Tokens come from `cache` (by default one shared by every search of the process).
 */
export function rankCandidates(candidates: readonly Candidate[], needles: readonly Needle[], cache: TokenCache = sharedCache): Hit[] {
  const hits: Hit[] = [];
  for (const c of candidates) {
    const forms = namesOf(c, cache);
    const text = typeof c.properties.text === 'string' ? c.properties.text : undefined;
    const textTokens = text ? cache.get(text) : [];
    let best: (Scored & { needle: Needle }) | undefined;
    for (const needle of needles) {
      if (needle.tokens.length === 0) continue;
      for (const s of [scoreNames(c, forms, needle), text ? scoreText(text, textTokens, needle) : undefined]) {
        if (s && better(best, s)) best = { ...s, needle };
      }
    }
    if (!best) continue;
    const hit: Hit = { candidate: c, tier: best.tier, score: Math.round((TIER_BASE[best.tier] + best.inTier) * 1000) / 1000, needle: best.needle };
    if (best.matched) hit.matched = best.matched;
    hits.push(hit);
  }
  return hits.sort((a, b) => b.score - a.score || (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0));
}
