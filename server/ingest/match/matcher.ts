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
  /** Every target a surface form names, whatever its case (the first is the one `find` reports). */
  targetsOf(surface: string): readonly (MatchTarget | null)[];
  /** Every folded surface form of the gazetteer built into this matcher, with its targets; used to detect gazetteer collisions. */
  readonly forms: ReadonlyMap<string, readonly (MatchTarget | null)[]>;
}

const WORD_CHAR = /[a-z0-9]/;
/** Acronyms ("APT", "CRC") match only in capitals: lower-cased they are ordinary words. */
const ACRONYM = /^[A-Z][A-Z0-9&.\-]{1,7}$/;

/** A character trie over folded forms: `form` is set where a form ends. */
interface TrieNode {
  next: Map<string, TrieNode>;
  form?: string;
}

/** One set of forms: the gazetteer's, then each extension (a report's people, its own vocabulary). */
interface Layer {
  byFolded: Map<string, (MatchTarget | null)[]>;
  exactOnly: Map<string, Set<string>>;
  caseFree: Set<string>;
  trie: TrieNode;
}

/** The layers behind each matcher, so that a report's own forms extend the gazetteer's without folding them all again. */
const layersOf = new WeakMap<Matcher, readonly Layer[]>();

function buildLayer(forms: readonly SurfaceForm[]): Layer {
  const layer: Layer = { byFolded: new Map(), exactOnly: new Map(), caseFree: new Set(), trie: { next: new Map() } };
  for (const form of forms) {
    const folded = foldAlias(form.surface);
    if (folded.length === 0) continue;
    if (ACRONYM.test(form.surface)) layer.exactOnly.set(folded, (layer.exactOnly.get(folded) ?? new Set()).add(form.surface));
    else layer.caseFree.add(folded);
    const targets = layer.byFolded.get(folded) ?? [];
    if (!targets.some((t) => sameTarget(t, form.target))) targets.push(form.target);
    if (!layer.byFolded.has(folded)) {
      layer.byFolded.set(folded, targets);
      let node = layer.trie;
      for (const ch of folded) {
        let child = node.next.get(ch);
        if (!child) {
          child = { next: new Map() };
          node.next.set(ch, child);
        }
        node = child;
      }
      node.form = folded;
    }
  }
  return layer;
}

/**
 * A matcher over `forms`, or over `base`'s forms and `forms` when a base is given (the
 * base's targets come first, so a gazetteer entry wins over a report's own form). Extending
 * a base costs only the new forms.
 */
export function buildMatcher(forms: readonly SurfaceForm[], base?: Matcher): Matcher {
  const layers: readonly Layer[] = [...(base ? (layersOf.get(base) ?? []) : []), buildLayer(forms)];

  const targetsFolded = (folded: string): (MatchTarget | null)[] => layers.flatMap((l) => l.byFolded.get(folded) ?? []);

  function find(text: string): Match[] {
    const { folded, origin, originEnd } = foldText(text);
    interface Candidate {
      start: number;
      end: number;
      targets: (MatchTarget | null)[];
    }
    const candidates: Candidate[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < folded.length; i++) {
      seen.clear();
      for (const layer of layers) {
        let node: TrieNode | undefined = layer.trie;
        for (let j = i; j < folded.length && node; j++) {
          node = node.next.get(folded[j]!);
          const form = node?.form;
          if (form === undefined || seen.has(form)) continue;
          const end = j + 1;
          if (!atWordBoundary(folded, i, end)) continue;
          const written = text.slice(origin[i]!, originEnd[end - 1]!);
          if (!layers.some((l) => l.caseFree.has(form) || l.exactOnly.get(form)?.has(written))) continue;
          seen.add(form);
          candidates.push({ start: i, end, targets: targetsFolded(form) });
        }
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

  let merged: Map<string, (MatchTarget | null)[]> | null = null;
  const matcher: Matcher = {
    find,
    targetsOf: (surface) => targetsFolded(foldAlias(surface)),
    get forms() {
      if (layers.length === 1) return layers[0]!.byFolded;
      merged ??= new Map([...new Set(layers.flatMap((l) => [...l.byFolded.keys()]))].map((k) => [k, targetsFolded(k)]));
      return merged;
    },
  };
  layersOf.set(matcher, layers);
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
