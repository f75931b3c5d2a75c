/**
 * The items of a list of names ("阿根廷、巴西…和乌拉圭", "Council of Europe, European Union
 * and the OSCE"). Names the gazetteer knows are found first, longest first, so that
 * "特立尼达和多巴哥" or "United Nations Educational, Scientific and Cultural Organization" stay
 * whole; the rest is cut at the list's separators ("、", ",", or ";" where the list uses
 * semicolons because a name holds a comma) and at a final "和"/"and" where the part before
 * it ends as a name does (…研究所, …International), and every piece left is an unknown name.
 */
import type { Match, Matcher } from '../match/matcher.ts';
import type { Language, NameList } from '../parse/types.ts';

export interface ListItem {
  /** The name as written (without leading "the", brackets or glue). */
  text: string;
  /** Offsets into the paragraph's text. */
  start: number;
  end: number;
  /** The gazetteer (or report vocabulary) entry it resolves to, or null for an unknown name. */
  match: Match | null;
}

const CONJUNCTION: Record<Language, RegExp> = {
  zh: /以及|和|及|与/g,
  en: /\s+(?:and|as well as)\s+/g,
};
const LEADING_GLUE: Record<Language, RegExp> = {
  zh: /^(?:[\s、，,；;]|以及|及|和|与)+/u,
  en: /^(?:[\s,;]|\band\b|\bas well as\b|\bthe\b)+/iu,
};
const TRAILING_GLUE: Record<Language, RegExp> = {
  zh: /(?:[\s、，,；;。]|以及|及|和|与)+$/u,
  en: /(?:[\s,;.]|\band|\bas well as|\bthe)+$/iu,
};
/** What may stand between two names besides glue: the brackets around a short form of the name before. */
const BRACKETS = /[（）()]/gu;
/** Words a name of a body ends with (Chinese), or holds as its head (English: "Council of Europe", "Penal Reform International"). */
const NAME_END: Record<Language, RegExp> = {
  zh: /(?:组织|研究所|研究院|中心|机构|委员会|联盟|联合会|协会|学会|国际|倡议|办公室|署|局|基金会|基金|网络|论坛|集团|小组|共同体|机制|理事会|法院|银行|大学|学院|秘书处|运动|工作组|公司|国|[）)])$/u,
  en: /\b(?:Organi[sz]ation|Institute|Centre|Center|Agency|Office|Commission|Committee|Council|Union|Federation|Association|Society|International|Initiative|Foundation|Fund|Network|Forum|Group|Community|Mechanism|Court|Bank|University|College|Academy|Secretariat|Movement|Programme|Program|Alliance|League|Coalition|Watch|Authority|Bureau|Service|Services|Trust|Project)\b|\)$/u,
};

interface Piece {
  start: number;
  end: number;
}

/** Whether a known name ends the piece (then the piece is complete, whatever its last word). */
function inside(anchors: readonly Match[], p: Piece): boolean {
  return anchors.some((a) => a.start >= p.start && a.end <= p.end && p.end - a.end <= 2);
}

/** A gap between names that holds no name: separators, conjunctions, articles, or brackets right after a name. */
function isGlue(text: string, lang: Language): boolean {
  const rest = text
    .replace(/^\s*[（(][^）)]*[）)]/u, '')
    .replace(BRACKETS, ' ')
    .replace(LEADING_GLUE[lang], '')
    .replace(TRAILING_GLUE[lang], '');
  return rest.trim() === '';
}

/** Unbalanced brackets at either end of a piece are the rest of a neighbour's "(ACRONYM)". */
function unbalancedEdges(text: string, piece: Piece): Piece | null {
  let { start, end } = piece;
  const depth = (s: string) => (s.match(/[（(]/gu) ?? []).length - (s.match(/[）)]/gu) ?? []).length;
  while (start < end && /[）)\s]/u.test(text[start]!) && depth(text.slice(start, end)) < 0) start++;
  while (end > start && /[（(\s]/u.test(text[end - 1]!) && depth(text.slice(start, end)) > 0) end--;
  return end > start ? { start, end } : null;
}

function trimmed(text: string, from: number, to: number, lang: Language): Piece | null {
  let piece: Piece | null = { start: from, end: to };
  for (let round = 0; round < 2 && piece; round++) {
    let start: number = piece.start;
    let end: number = piece.end;
    const lead = LEADING_GLUE[lang].exec(text.slice(start, end));
    if (lead) start += lead[0].length;
    const trail = TRAILING_GLUE[lang].exec(text.slice(start, end));
    if (trail) end -= trail[0].length;
    piece = end > start ? unbalancedEdges(text, { start, end }) : null;
  }
  return piece;
}

/** The right side of a cut reads as a name of a body: it holds (or, in Chinese, ends with) a body word, or it is an acronym. */
function bodyLike(text: string, lang: Language): boolean {
  const bare = text.replace(/\s*[（(][^（）()]*[）)]$/u, '');
  if (lang === 'zh') return NAME_END.zh.test(bare);
  return /^(?:the\s+)?[\p{Lu}\d]/u.test(bare) && (NAME_END.en.test(bare) || /^(?:the\s+)?\p{Lu}{2,}\b/u.test(bare));
}

/** Cuts an unknown stretch at conjunctions where the part before reads as a complete name. */
function splitUnknown(text: string, piece: Piece, lang: Language): Piece[] {
  const slice = text.slice(piece.start, piece.end);
  for (const m of slice.matchAll(new RegExp(CONJUNCTION[lang].source, 'g'))) {
    const left = slice.slice(0, m.index).trimEnd();
    const right = slice.slice(m.index + m[0].length).trimStart();
    // Both sides must read as names of bodies: "Council of Europe and the OSCE" splits, "Organization for Security and Co-operation in Europe" does not.
    if (left === '' || !NAME_END[lang].test(left) || !bodyLike(right, lang)) continue;
    const first = trimmed(text, piece.start, piece.start + m.index, lang);
    const rest = trimmed(text, piece.start + m.index + m[0].length, piece.end, lang);
    return [...(first ? [first] : []), ...(rest ? splitUnknown(text, rest, lang) : [])];
  }
  return [piece];
}

/** Separators of the list: ";" when the list uses it (a name holds a comma), else "," too; "、" in Chinese. */
function separatorsOf(text: string, anchors: readonly Match[], lang: Language): RegExp {
  if (lang === 'zh') return /[、，,；;]/g;
  const outside = anchors.reduce((t, a) => t.slice(0, a.start) + ' '.repeat(a.end - a.start) + t.slice(a.end), text);
  return outside.includes(';') ? /;/g : /[,;]/g;
}

/**
 * The items of a list, in order. `allowed` are the labels a name in this list may have
 * (State, Organization); a name of another kind found inside an item (a crime word inside
 * an organisation's name) is part of that item, not an item of its own.
 */
export function listItems(list: NameList, matcher: Matcher, allowed: readonly string[], lang: Language): ListItem[] {
  const text = list.text;
  const anchors = matcher.find(text).filter((m) => allowed.includes(m.target.label));
  const inAnchor = (i: number) => anchors.some((a) => a.start <= i && i < a.end);

  // 1. Segments between separators that no known name spans.
  const segments: Piece[] = [];
  let from = 0;
  for (const sep of text.matchAll(separatorsOf(text, anchors, lang))) {
    if (inAnchor(sep.index)) continue;
    segments.push({ start: from, end: sep.index });
    from = sep.index + sep[0].length;
  }
  segments.push({ start: from, end: text.length });
  // An English segment that starts in lower case continues the name before it ("…, affiliated with the United
  // Nations"); one that ends in an adjective ("United Nations Educational, Scientific and Cultural Organization")
  // is continued by the next.
  const merged: Piece[] = [];
  let open = false;
  for (const s of segments) {
    const piece = text.slice(s.start, s.end).trim();
    const continues = lang === 'en' && merged.length > 0 && (open || /^(?!and\b|the\b)\p{Ll}/u.test(piece));
    if (continues) merged[merged.length - 1]!.end = s.end;
    else merged.push({ ...s });
    open = lang === 'en' && /\p{Lu}\p{L}*(?:al|ic|ive|ary|ory)$/u.test(piece) && !inside(anchors, s);
  }

  // 2. Within each segment: known names delimited by glue, and the unknown stretches between them.
  const items: ListItem[] = [];
  const pushUnknown = (p: Piece | null) => {
    if (!p) return;
    for (const part of splitUnknown(text, p, lang))
      items.push({ text: text.slice(part.start, part.end), start: list.start + part.start, end: list.start + part.end, match: null });
  };
  for (const seg of merged) {
    const inside = anchors.filter((a) => a.start >= seg.start && a.end <= seg.end);
    const gaps: Piece[] = [];
    let cursor = seg.start;
    for (const a of inside) {
      gaps.push({ start: cursor, end: a.start });
      cursor = a.end;
    }
    gaps.push({ start: cursor, end: seg.end });
    // A known name is an item only where what stands beside it is glue or ends at a conjunction.
    const delimited = inside.every((a, k) => {
      const before = text.slice(gaps[k]!.start, a.start);
      const after = text.slice(a.end, gaps[k + 1]!.end);
      const beforeOk = isGlue(before, lang) || new RegExp(`(?:${CONJUNCTION[lang].source})\\s*(?:the\\s+)?$`, 'i').test(before);
      const afterOk = isGlue(after, lang) || new RegExp(`^\\s*[）)]?\\s*(?:[（(][^）)]*[）)])?\\s*(?:${CONJUNCTION[lang].source})`, 'i').test(after);
      return beforeOk && afterOk;
    });
    if (!delimited) {
      pushUnknown(trimmed(text, seg.start, seg.end, lang));
      continue;
    }
    inside.forEach((a, k) => {
      const gap = gaps[k]!;
      if (!isGlue(text.slice(gap.start, gap.end), lang)) pushUnknown(trimmed(text, gap.start, gap.end, lang));
      items.push({ text: a.text, start: list.start + a.start, end: list.start + a.end, match: { ...a, start: list.start + a.start, end: list.start + a.end } });
    });
    const last = gaps[gaps.length - 1]!;
    if (!isGlue(text.slice(last.start, last.end), lang)) pushUnknown(trimmed(text, last.start, last.end, lang));
  }
  // A name and its short form in brackets ("… Organization (INTERPOL)") are one item.
  return items.filter((item, k) => !item.match || !items.slice(0, k).some((x) => x.match?.target.id === item.match!.target.id && item.start - x.end <= 3));
}
