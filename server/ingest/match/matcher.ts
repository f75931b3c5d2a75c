/**
 * Longest-first dictionary matching over the whole gazetteer at once, so that a
 * crime word inside an instrument's title, or a State's name inside an
 * organisation's name, is consumed by the longer name and never reported alone.
 */
import { foldAlias, foldText } from './fold.ts';

/** What a surface form resolves to; `null` marks a blocker (a place name, say) that only shields its contents. */
export interface MatchTarget {
  id: string;
  label: string;
}

export interface SurfaceForm {
  surface: string;
  target: MatchTarget | null;
}

export interface Match {
  /** Offsets into the searched text (end exclusive). */
  start: number;
  end: number;
  /** The matched words exactly as in the text. */
  text: string;
  target: MatchTarget;
}

export interface Matcher {
  /** Non-overlapping matches, longest first, in text order. Callers filter by label afterwards, never before, so that longer names of other kinds still shield their contents. */
  find(text: string): Match[];
  /** Every id reachable from a folded surface form; used to detect gazetteer collisions. */
  readonly forms: ReadonlyMap<string, readonly (MatchTarget | null)[]>;
}

const WORD_CHAR = /[a-z0-9]/;
/** Acronyms ("APT", "CRC") match only in capitals: lower-cased they are ordinary words. */
const ACRONYM = /^[A-Z][A-Z0-9&.\-]{1,7}$/;

interface Index {
  byFolded: Map<string, (MatchTarget | null)[]>;
  exactOnly: Map<string, Set<string>>;
  caseFree: Set<string>;
}

/** The index behind each matcher, so that a report's own forms extend the gazetteer's without folding them all again. */
const indexes = new WeakMap<Matcher, Index>();

/**
 * A matcher over `forms`, or over `base`'s forms and `forms` when a base is given (the
 * base's targets come first, so a gazetteer entry wins over a report's own form).
 */
export function buildMatcher(forms: readonly SurfaceForm[], base?: Matcher): Matcher {
  const inherited = base ? indexes.get(base) : undefined;
  const byFolded = new Map<string, (MatchTarget | null)[]>(inherited ? [...inherited.byFolded].map(([k, v]) => [k, [...v]]) : []);
  const exactOnly = new Map<string, Set<string>>(inherited ? [...inherited.exactOnly].map(([k, v]) => [k, new Set(v)]) : []);
  const caseFree = new Set<string>(inherited?.caseFree ?? []);
  for (const form of forms) {
    const folded = foldAlias(form.surface);
    if (folded.length === 0) continue;
    if (ACRONYM.test(form.surface)) exactOnly.set(folded, (exactOnly.get(folded) ?? new Set()).add(form.surface));
    else caseFree.add(folded);
    const targets = byFolded.get(folded) ?? [];
    if (!targets.some((t) => sameTarget(t, form.target))) targets.push(form.target);
    byFolded.set(folded, targets);
  }
  // Index by first character, longest first, so each position tries few candidates.
  const byFirstChar = new Map<string, string[]>();
  for (const folded of byFolded.keys()) {
    const first = folded[0]!;
    const list = byFirstChar.get(first) ?? [];
    list.push(folded);
    byFirstChar.set(first, list);
  }
  for (const list of byFirstChar.values()) list.sort((a, b) => b.length - a.length);

  function find(text: string): Match[] {
    const { folded, origin, originEnd } = foldText(text);
    interface Candidate {
      start: number;
      end: number;
      targets: (MatchTarget | null)[];
    }
    const candidates: Candidate[] = [];
    for (let i = 0; i < folded.length; i++) {
      const list = byFirstChar.get(folded[i]!);
      if (!list) continue;
      for (const form of list) {
        if (!folded.startsWith(form, i)) continue;
        const end = i + form.length;
        if (!atWordBoundary(folded, i, end)) continue;
        if (!caseFree.has(form) && !exactOnly.get(form)!.has(text.slice(origin[i]!, originEnd[end - 1]!))) continue;
        candidates.push({ start: i, end, targets: byFolded.get(form)! });
      }
    }
    // Longest first; among equals, leftmost first.
    candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const taken: Candidate[] = [];
    const used = new Uint8Array(folded.length);
    for (const c of candidates) {
      let free = true;
      for (let k = c.start; k < c.end; k++) if (used[k]) free = false;
      if (!free) continue;
      for (let k = c.start; k < c.end; k++) used[k] = 1;
      taken.push(c);
    }
    taken.sort((a, b) => a.start - b.start);
    const matches: Match[] = [];
    for (const c of taken) {
      const target = c.targets[0];
      if (!target) continue; // a blocker: consumes its span, reports nothing
      const start = origin[c.start]!;
      const end = originEnd[c.end - 1]!;
      matches.push({ start, end, text: text.slice(start, end), target });
    }
    return matches;
  }

  const matcher: Matcher = { find, forms: byFolded };
  indexes.set(matcher, { byFolded, exactOnly, caseFree });
  return matcher;
}

function sameTarget(a: MatchTarget | null, b: MatchTarget | null): boolean {
  return a === b || (a !== null && b !== null && a.id === b.id);
}

/** Latin names must not match inside longer words ("Oman" in "Romania"); CJK has no word boundaries. */
function atWordBoundary(folded: string, start: number, end: number): boolean {
  const first = folded[start]!;
  const last = folded[end - 1]!;
  if (WORD_CHAR.test(first) && start > 0 && WORD_CHAR.test(folded[start - 1]!)) return false;
  if (WORD_CHAR.test(last) && end < folded.length && WORD_CHAR.test(folded[end]!)) return false;
  return true;
}
