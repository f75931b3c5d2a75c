/**
 * Short forms the text defines for a name: "the United Nations Convention against
 * Corruption (UNCAC)", "《联合国少年司法最低限度标准规则》（《北京规则》）", "(the Budapest
 * Convention)", "(hereinafter 'the Convention')", "（以下简称“公约”）". A definition pairs
 * the long form before the brackets with the short form inside them; the extractor then
 * treats both as names of one entity, so later mentions of the short form resolve to it.
 */
import type { Match } from '../match/matcher.ts';
import type { Language } from '../parse/types.ts';
import type { TitleHit } from './instrumentForms.ts';

export interface Definition {
  long: string;
  longStart: number;
  longEnd: number;
  short: string;
  /** Offsets of the brackets holding the short form. */
  bracketStart: number;
  bracketEnd: number;
  /** The entity the long form already resolves to, when the gazetteer or the report vocabulary knows it. */
  longMatch: Match | null;
}

const ACRONYM = /^[\p{Lu}][\p{L}\d&.-]{1,11}$/u;
const HEREINAFTER_EN = /^(?:hereinafter|hereafter)(?:\s+(?:referred\s+to\s+as|called))?\s+/i;
const HEREINAFTER_ZH = /^(?:以下简称|以下称|下称|简称)(?:为)?/;
const LINK_WORDS = new Set(['of', 'for', 'on', 'and', 'the', 'against', 'in', 'to', 'de', 'du', 'des', 'la', 'y', 'with', 'at']);

/** The short form inside the brackets, or null when the brackets hold something else (a State, a symbol, a year, a reference). */
function shortForm(inside: string, lang: Language): string | null {
  let s = inside.trim();
  if (lang === 'zh') {
    s = s
      .replace(HEREINAFTER_ZH, '')
      .replace(/^[“"《]|[”"》]$/g, '')
      .trim();
    if (s.length < 2 || s.length > 16 || /[，,。；;：:、]/.test(s) || /^(?:见|参看|参见|即|第|包括|其中|如|例如)/.test(s)) return null;
    if (/\d/.test(s) || /[A-Z]\/|\//.test(s)) return null;
    return s;
  }
  s = s
    .replace(HEREINAFTER_EN, '')
    .replace(/^[“"‘']|[”"’']$/g, '')
    .replace(/^the\s+/i, '')
    .trim();
  if (s.length < 2 || /[,;:/]|\d/.test(s) || /^(?:see|e\.g|i\.e|para|paras|art|article|annex|formerly|previously)\b/i.test(s)) return null;
  if (ACRONYM.test(s) && (s.match(/\p{Lu}/gu) ?? []).length >= 2) return s;
  const words = s.split(/\s+/);
  if (words.length > 6 || !/^\p{Lu}/u.test(words[0]!)) return null;
  return words.every((w) => /^[\p{Lu}\d]/u.test(w) || LINK_WORDS.has(w)) ? s : null;
}

/**
 * An English name of a body or an instrument ending right before the brackets: the run of
 * capitalised words (with "of", "for", "the"… between them) back from the brackets.
 */
function capitalisedNameBefore(text: string, end: number, known: readonly Match[]): { start: number; name: string } | null {
  // A name the text already knows, followed by "and" or a comma, ends the run:
  // "Council of Europe and Friends World Committee (Quakers)" defines only the second.
  const lastKnown = [...known].filter((x) => x.end <= end && x.target.label !== 'CrimeType' && /^\s*(?:,|and\b)/.test(text.slice(x.end, end))).pop();
  const floor = lastKnown ? lastKnown.end : 0;
  const before = text.slice(floor, end).replace(/\s+$/, '');
  const words = before.split(/(\s+)/);
  let k = words.length - 1;
  let startWord = -1;
  while (k >= 0) {
    const w = words[k]!;
    if (/^\s+$/.test(w)) {
      k--;
      continue;
    }
    if (/^[\p{Lu}\d][\p{L}\d'’.-]*$/u.test(w)) startWord = k;
    else if (!LINK_WORDS.has(w)) break;
    k--;
  }
  if (startWord < 0) return null;
  // A sentence's first word followed by a small word is the sentence's, not the name's:
  // recommendations open with a verb ("Ratify the United Nations Convention … (the …)").
  const opening = floor + words.slice(0, startWord).join('').length;
  if (/^(?:\s*|.*[.;:]\s+)$/su.test(text.slice(0, opening)) && LINK_WORDS.has(words[startWord + 2] ?? '')) startWord += 2;
  const name = words
    .slice(startWord)
    .join('')
    .trim()
    .replace(/^(?:(?:and|the|of|for|on|in|to|with|at)\s+)+/, '');
  if (name.split(/\s+/).length < 2) return null;
  return { start: floor + before.length - name.length, name };
}

/** Characters that end a clause, and words before a name ("由", "与", "和"…) that are not part of it. */
const ZH_HARD_STOP = /[，,。；;：:、（）()《》“”"\n]/u;
const ZH_FUNCTION = /由|与|和|及|在|同|向|对|将|把|为|从|经|以|请|支持|加强|包括|通过|根据|依照|利用/gu;
/** Chinese names of bodies end so; an abbreviation is made of characters of the full name, in order. */
const ZH_NAME_END =
  /(?:组织|研究所|研究院|中心|机构|委员会|联盟|联合会|协会|学会|倡议|办公室|署|局|基金会|基金|网络|论坛|集团|小组|共同体|机制|理事会|法院|银行|大学|学院|秘书处|工作组)$/u;

function isSubsequence(short: string, long: string): boolean {
  let j = 0;
  for (const ch of long) if (j < short.length && ch === short[j]) j++;
  return j === short.length;
}

/**
 * A Chinese name of a body right before the brackets: the clause back to the last hard stop,
 * cut after the function word that leaves the shortest remainder of which the short form is
 * an abbreviation ("与非洲经济委员会（非洲经委会）" → 非洲经济委员会).
 */
function chineseNameBefore(text: string, end: number, short: string): { start: number; name: string } | null {
  let from = end;
  while (from > 0 && !ZH_HARD_STOP.test(text[from - 1]!)) from--;
  const clause = text.slice(from, end).trimEnd();
  if (!ZH_NAME_END.test(clause)) return null;
  const cuts = [0, ...[...clause.matchAll(ZH_FUNCTION)].map((m) => m.index + m[0].length)].sort((a, b) => b - a);
  for (const cut of cuts) {
    const name = clause.slice(cut);
    if (name.length > short.length && name[0] === short[0] && isSubsequence(short, name)) return { start: from + cut, name };
  }
  return null;
}

/**
 * Definitions in one paragraph or recommendation. `matches` are the known names found in
 * it; `titles` the instrument titles found by form.
 */
export function findDefinitions(text: string, matches: readonly Match[], titles: readonly TitleHit[], lang: Language): Definition[] {
  const defs: Definition[] = [];
  const bracket = lang === 'zh' ? /\s*[（(](?<inside>[^（）()]{1,120})[）)]/g : /\s*\((?<inside>[^()]{1,120})\)/g;
  for (const m of text.matchAll(bracket)) {
    const short = shortForm(m.groups!.inside!, lang);
    if (!short) continue;
    const at = m.index;
    const bracket = { bracketStart: m.index + m[0].length - m[0].trimStart().length, bracketEnd: m.index + m[0].length };
    // Brackets inside a known name ("Iran (Islamic Republic of)") define nothing; nor do brackets holding a State (an affiliation).
    if (matches.some((x) => x.start <= bracket.bracketStart && bracket.bracketEnd <= x.end)) continue;
    if (matches.some((x) => x.target.label === 'State' && x.start >= bracket.bracketStart && x.end <= bracket.bracketEnd)) continue;
    // The long form: a known name, a title by form, or (English) a run of capitalised words, whichever starts first.
    const adjacent = (end: number) =>
      text
        .slice(end, at)
        .trim()
        .replace(/[》”"]/g, '') === '';
    const known = [...matches].reverse().find((x) => x.end <= at && adjacent(x.end));
    const title = [...titles].reverse().find((t) => t.end <= at && adjacent(t.end));
    const name = lang === 'en' ? capitalisedNameBefore(text, at, matches) : chineseNameBefore(text, at, short);
    const candidates = [
      ...(known ? [{ long: known.text, longStart: known.start, longEnd: known.end, longMatch: known as Match | null }] : []),
      ...(title ? [{ long: title.title, longStart: title.start, longEnd: title.end, longMatch: null }] : []),
      ...(name ? [{ long: name.name, longStart: name.start, longEnd: name.start + name.name.length, longMatch: null }] : []),
    ];
    if (candidates.length === 0) continue;
    const first = candidates.reduce((a, b) => (b.longStart < a.longStart ? b : a));
    defs.push({ ...first, short, ...bracket });
  }
  return defs;
}
