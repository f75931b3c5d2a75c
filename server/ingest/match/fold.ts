/**
 * Folding for matching: the report writes the same name with and without spaces
 * ("2030 年" / "2030年"), in full-width or half-width forms, inside 《》 or not.
 * We match on a folded copy and keep, for every folded character, the offset of
 * the original character it came from, so matches map back to exact spans.
 */

export interface FoldedText {
  folded: string;
  /** origin[i] = offset in the original text where the character folded[i] came from starts. */
  origin: number[];
  /** originEnd[i] = offset just after that original character. */
  originEnd: number[];
}

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F\u201C\u201D\u2018\u2019\u300A\u300B]/;
/**
 * Title brackets and quotes carry no identity: 《曼谷规则》 and 曼谷规则 are one name. The
 * apostrophe goes too, straight or curly, so "Children's Fund" and "Children’s Fund" fold alike.
 */
const DROPPED = /[《》〈〉「」『』“”"‘’']/;

function foldChar(ch: string): string {
  const normalized = ch.normalize('NFKC').toLowerCase();
  if (/[‐‑‒–—―]/.test(ch)) return '-';
  return normalized;
}

export function foldText(text: string): FoldedText {
  const out: string[] = [];
  const origin: number[] = [];
  const originEnd: number[] = [];
  const chars = Array.from(text);
  let offset = 0;
  const offsets: number[] = [];
  for (const ch of chars) {
    offsets.push(offset);
    offset += ch.length;
  }
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (DROPPED.test(ch)) continue;
    if (/\s/.test(ch)) {
      // Whitespace next to CJK is layout, not a word boundary; elsewhere it collapses to one space.
      const prev = out.length > 0 ? out[out.length - 1]! : '';
      const next = nextVisible(chars, i);
      if (prev === '' || prev === ' ' || CJK.test(prev) || next === '' || CJK.test(next)) continue;
      out.push(' ');
      origin.push(offsets[i]!);
      originEnd.push(offsets[i]! + ch.length);
      continue;
    }
    for (const f of foldChar(ch)) {
      out.push(f);
      // One entry per UTF-16 unit of the folded string (an astral character is two), so folded indexes map.
      for (let k = 0; k < f.length; k++) {
        origin.push(offsets[i]!);
        originEnd.push(offsets[i]! + ch.length);
      }
    }
  }
  // A trailing collapsed space is never part of a match.
  while (out.length > 0 && out[out.length - 1] === ' ') {
    out.pop();
    origin.pop();
    originEnd.pop();
  }
  return { folded: out.join(''), origin, originEnd };
}

function nextVisible(chars: string[], i: number): string {
  for (let j = i + 1; j < chars.length; j++) {
    const c = chars[j]!;
    if (/\s/.test(c) || DROPPED.test(c)) continue;
    return c;
  }
  return '';
}

const aliasCache = new Map<string, string>();
const ALIAS_CACHE_LIMIT = 100_000;

/** The folded form of a gazetteer surface form (remembered: every report folds the same few thousand names). */
export function foldAlias(alias: string): string {
  let folded = aliasCache.get(alias);
  if (folded === undefined) {
    folded = foldText(alias).folded;
    if (aliasCache.size >= ALIAS_CACHE_LIMIT) aliasCache.clear();
    aliasCache.set(alias, folded);
  }
  return folded;
}
