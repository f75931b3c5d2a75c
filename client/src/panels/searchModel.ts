/**
 * What the search dropdown shows, decided without the DOM: results grouped by
 * kind (node label), the groups in the order of their best result; each result's
 * name in the interface language; and whether the words matched are that name
 * (then the name is highlighted) or something else — an alias, a window of a
 * paragraph — shown on a second line with the match highlighted.
 */
import type { SearchResult } from '../../../server/contract/api.ts';
import { primaryLabel } from '../graph/build.ts';
import type { Lang } from '../i18n/i18n.ts';
import { fullName } from '../i18n/names.ts';

export interface ResultGroup {
  label: string;
  results: SearchResult[];
}

/** Results by primary label, groups ordered by their first (best) result, ranks kept within a group. */
export function groupByKind(results: readonly SearchResult[]): ResultGroup[] {
  const groups = new Map<string, ResultGroup>();
  for (const r of results) {
    const label = primaryLabel(r.id, r.labels);
    let g = groups.get(label);
    if (!g) groups.set(label, (g = { label, results: [] }));
    g.results.push(r);
  }
  return [...groups.values()];
}

/** The results in the order the dropdown shows them (grouped), which arrow keys follow. */
export function displayOrder(results: readonly SearchResult[]): SearchResult[] {
  return groupByKind(results).flatMap((g) => g.results);
}

/** The name of a search result in a language, falling back on the other; paragraphs and recommendations by number. */
export function resultName(result: SearchResult, lang: Lang): string {
  const label = primaryLabel(result.id, result.labels);
  if (label === 'Paragraph' || label === 'Recommendation') return fullName({ id: result.id, label, props: {} }, lang, { tag: false });
  const preferred = lang === 'en' ? result.name_en : result.name_zh;
  const other = lang === 'en' ? result.name_zh : result.name_en;
  return preferred || result.name || other || result.id;
}

export interface ResultLines {
  name: string;
  /** Spans to highlight in `name` (when the words matched are the name itself). */
  nameHighlights: [number, number][];
  /** The other language's name, when known and different, and spans to highlight in it. */
  other: string | null;
  otherHighlights: [number, number][];
  /** A second line: the words matched when they are not the name (an alias, a window of the text). */
  detail: string | null;
  detailHighlights: [number, number][];
}

/** How one result reads in a language (see the module's description). */
export function resultLines(result: SearchResult, lang: Lang): ResultLines {
  const name = resultName(result, lang);
  const otherName = lang === 'en' ? result.name_zh : result.name_en;
  const other = otherName && otherName !== name ? otherName : null;
  const snippet = result.snippet ?? null;
  const highlights = result.highlights ?? [];
  const none: [number, number][] = [];
  if (snippet !== null && snippet === name) return { name, nameHighlights: highlights, other, otherHighlights: none, detail: null, detailHighlights: none };
  if (snippet !== null && snippet === other) return { name, nameHighlights: none, other, otherHighlights: highlights, detail: null, detailHighlights: none };
  return { name, nameHighlights: none, other, otherHighlights: none, detail: snippet, detailHighlights: snippet === null ? none : highlights };
}
