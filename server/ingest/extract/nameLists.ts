/**
 * Resolving a list of names ("阿根廷、巴西…和乌拉圭") against the gazetteer.
 * Names are found by longest-first matching, so "特立尼达和多巴哥" is one State
 * and not two names joined by "和"; what is left between the names must be
 * glue ("、", "和", "and"), and anything else is reported as an unmatched name.
 */
import type { Match, Matcher } from '../match/matcher.ts';
import type { NameList } from '../parse/types.ts';

export interface ResolvedList {
  /** Matches with offsets into the paragraph's text. */
  names: Match[];
  unmatched: string[];
}

export function resolveNameList(list: NameList, matcher: Matcher, allowed: readonly string[], glue: RegExp): ResolvedList {
  const names: Match[] = [];
  const unmatched: string[] = [];
  let cursor = 0;
  const leftover = (from: number, to: number) => {
    const gap = list.text.slice(from, to);
    if (gap.trim() !== '' && !glue.test(gap)) unmatched.push(trimGlue(gap));
  };
  for (const m of matcher.find(list.text)) {
    leftover(cursor, m.start);
    cursor = m.end;
    if (allowed.includes(m.target.label)) names.push({ ...m, start: list.start + m.start, end: list.start + m.end });
    else unmatched.push(m.text);
  }
  leftover(cursor, list.text.length);
  return { names, unmatched };
}

function trimGlue(s: string): string {
  return s.replace(/^(?:[、，,；;\s]|以及|及|和|and\b)+/u, '').replace(/(?:[、，,；;\s]|以及|及|和|\band)+$/u, '').trim();
}
