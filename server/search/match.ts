/**
 * Does a text hold what was searched for, and where: the phrase (the query's
 * tokens one after another) or, failing that, most of it. Pure functions over
 * tokens (tokens.ts).
 *
 * - Chinese is compared character by character, so 墨西哥 matches 墨西哥 and
 *   never 巴西 (one shared character); English word by word, plural endings
 *   ignored, and the last word of the query may be the start of a word
 *   ("traff" → "trafficking").
 * - A phrase may not run across punctuation that separates phrases (、，; …)
 *   unless the query has punctuation there too.
 * - Partial overlap: the query's units — Chinese character bigrams and English
 *   content words — more than half of them and at least two found, bigrams in
 *   the query's order, words anywhere. A lone Chinese character or a one-letter
 *   word is no unit, so one shared character never brings a result in.
 */
import type { Token } from './tokens.ts';

/** Words that carry no topic: left out of partial overlap (a phrase still needs them). */
const STOP_WORDS = new Set('a an and are as at be by for from has have in into is it its of on or that the their this to was were which with'.split(' '));

export interface PhraseMatch {
  /** Index of the first matched token and one past the last. */
  from: number;
  to: number;
  /** The last query word matched the start of a longer word. */
  prefix: boolean;
}

function tokenMatches(q: Token, t: Token, last: boolean): 'full' | 'prefix' | false {
  if (q.cjk || t.cjk) return q.text === t.text ? 'full' : false;
  if (q.stem === t.stem || q.text === t.text) return 'full';
  if (last && q.alpha && q.text.length >= 2 && t.text.startsWith(q.text)) return 'prefix';
  return false;
}

/**
 * Every place where `query`'s tokens stand one after another in `target`, left to right,
 * not overlapping. Empty when the query has no token. With `allowPrefix` false the last
 * word must be whole (forms from data, not typed).
 */
export function findPhrase(query: readonly Token[], target: readonly Token[], allowPrefix = true): PhraseMatch[] {
  const found: PhraseMatch[] = [];
  if (query.length === 0) return found;
  const lastQ = query.length - 1;
  for (let s = 0; s + query.length <= target.length; s++) {
    let prefix = false;
    let ok = true;
    for (let k = 0; k < query.length; k++) {
      const t = target[s + k]!;
      if (k > 0 && t.breakBefore && !query[k]!.breakBefore) {
        ok = false;
        break;
      }
      const m = tokenMatches(query[k]!, t, allowPrefix && k === lastQ);
      if (!m) {
        ok = false;
        break;
      }
      if (m === 'prefix') prefix = true;
    }
    if (ok) {
      found.push({ from: s, to: s + query.length, prefix });
      s += query.length - 1;
    }
  }
  return found;
}

/** A unit of partial overlap: a CJK bigram, or a content word of two or more characters. */
export interface Unit {
  kind: 'cjk' | 'word';
  tokens: Token[];
}

/** The units of a query, in order (see the module's description). */
export function queryUnits(query: readonly Token[]): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < query.length; i++) {
    const t = query[i]!;
    if (t.cjk) {
      const next = query[i + 1];
      const joinedNext = next?.cjk && !next.breakBefore;
      // A lone character is no unit: one shared character never brings a result in.
      if (joinedNext) units.push({ kind: 'cjk', tokens: [t, next] });
    } else if (!STOP_WORDS.has(t.text) && Array.from(t.text).length > 1) {
      units.push({ kind: 'word', tokens: [t] });
    }
  }
  return units;
}

export interface PartialMatch {
  matched: number;
  total: number;
  /** Target token ranges [from, to) of the matched units. */
  ranges: [number, number][];
}

/**
 * Partial overlap of `units` in `target`: CJK units greedily in order, words anywhere.
 * Undefined unless at least two units and more than half of them are found.
 */
export function findPartial(units: readonly Unit[], target: readonly Token[]): PartialMatch | undefined {
  if (units.length < 2) return undefined;
  const ranges: [number, number][] = [];
  let matched = 0;
  let cursor = 0;
  const lastWord = units.findLastIndex((u) => u.kind === 'word');
  units.forEach((unit, u) => {
    if (unit.kind === 'cjk') {
      for (let s = cursor; s + unit.tokens.length <= target.length; s++) {
        if (unit.tokens.every((q, k) => target[s + k]!.cjk && target[s + k]!.text === q.text && (k === 0 || !target[s + k]!.breakBefore))) {
          ranges.push([s, s + unit.tokens.length]);
          matched++;
          cursor = s + 1;
          return;
        }
      }
    } else {
      const q = unit.tokens[0]!;
      const at = target.findIndex((t) => tokenMatches(q, t, u === lastWord) !== false);
      if (at >= 0) {
        ranges.push([at, at + 1]);
        matched++;
      }
    }
  });
  if (matched < 2 || matched * 2 <= units.length) return undefined;
  return { matched, total: units.length, ranges };
}

/** Token ranges → text spans [start, end), sorted, overlapping and touching spans merged. */
export function spansOf(target: readonly Token[], ranges: readonly [number, number][]): [number, number][] {
  const spans = ranges.map(([from, to]) => [target[from]!.start, target[to - 1]!.end] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}
