/**
 * Instruments recognised by the form of their names, not only by the gazetteer: a title
 * in 《》 ending as instruments do (…公约, …规则, …宣言); an English title headed by
 * Convention, Protocol, Rules, Guidelines, Principles, Declaration, Code, Standards,
 * Agenda, Strategy, Plan of Action (and Charter, Treaty, Covenant, Compact, Pact, Statute),
 * with the capitalised words before it and its "on …"/"against …" after it; and
 * resolutions and decisions by their symbol ("resolution 76/187", "第 12/4 号决议").
 * Heads and suffixes follow the titles of the United Nations standards and norms
 * (Compendium, UNODC 2016) and the treaty collections these reports cite.
 */
import type { Language } from '../parse/types.ts';

export interface TitleHit {
  /** The title as written, without 《》 or a leading "the". */
  title: string;
  start: number;
  end: number;
  /** Offset of the head word ("Protocol", "Convention"; for 《》 titles, the title's start). */
  headStart: number;
  kind: string;
}

const ZH_SUFFIX_KINDS: [RegExp, string][] = [
  [/议定书$/, 'protocol'],
  [/(?:公约|条约)$/, 'treaty'],
  [/规则$/, 'rules'],
  [/准则$/, 'guidelines'],
  [/原则$/, 'principles'],
  [/宣言$/, 'declaration'],
  [/守则$/, 'code'],
  [/标准$/, 'standards'],
  [/议程$/, 'agenda'],
  [/战略$/, 'strategy'],
  [/(?:行动计划|行动纲领)$/, 'plan-of-action'],
  [/宪章$/, 'charter'],
  [/契约$/, 'compact'],
  [/协定$/, 'agreement'],
  [/规约$/, 'statute'],
  [/规定$/, 'rules'],
];

const EN_HEAD_KINDS: [RegExp, string][] = [
  [/^Protocol$/, 'protocol'],
  [/^(?:Convention|Treaty|Covenant)$/, 'treaty'],
  [/^Rules$/, 'rules'],
  [/^Guidelines$/, 'guidelines'],
  [/^Principles$/, 'principles'],
  [/^Declaration$/, 'declaration'],
  [/^Code(?: of Conduct)?$/, 'code'],
  [/^Standards$/, 'standards'],
  [/^Agenda$/, 'agenda'],
  [/^Strategy$/, 'strategy'],
  [/^(?:Plan|Programme) of Action$/, 'plan-of-action'],
  [/^Charter$/, 'charter'],
  [/^(?:Compact|Pact)$/, 'compact'],
  [/^Statute$/, 'statute'],
  [/^(?:Agreement|Accord)$/, 'agreement'],
];

const HEAD = String.raw`(?:Convention|Protocol|Rules|Guidelines|Principles|Declaration|Code of Conduct|Code|Standards|Agenda|Strategy|Plan of Action|Programme of Action|Charter|Treaty|Covenant|Compact|Pact|Statute|Agreement|Accord)`;
const CAP_WORD = String.raw`(?:(?!${HEAD}\b)[\p{Lu}\d][\p{L}\d'’.-]*)`;
const LINK = String.raw`(?:of|for|on|and|the|against|in|to|de|du|des|la|y)`;
/** Where a title's "on …" tail stops: punctuation, or a word that starts the sentence's next part. */
const TAIL_END = String.raw`(?=\s*(?:[,;()“”"]|\.(?:\s|$)|$|\s+(?:and|or)\s+(?:the|a|an|to|its|their|in|with|other)\b|\s+(?:as|which|that|in order|adopted|was|were|is|are|remain|remained|while|including|by|with|at|from|since|once)\b(?!\s+\p{Lu})))`;
/** ", x, y and z" of lower-case words, ending at punctuation: the rest of a coordination begun in a title's tail. */
const TAIL_COORDINATION =
  /^(?:,\s+(?!(?:and|or|which|as|including|while|in|with|by)\b)\p{Ll}[\p{Ll}\s-]*?)*,?\s+and\s+(?!(?:the|a|an|to|its|their|in|with|other|by|through|for)\b)\p{Ll}[\p{Ll}\s-]*?(?=\s*(?:[,;()]|\.(?:\s|$)|$))/u;

/** Capitalised words (with linking words between them), the head, an optional second head, and an optional "on/against/for …" tail. */
const EN_TITLE = new RegExp(
  String.raw`(?<![\p{L}\d])(?<pre>(?:${CAP_WORD}\s+(?:${LINK}\s+)*)*)(?<head>${HEAD})(?:\s+and\s+${HEAD})?(?:(?<tail>\s+(?:on|against|for|relating to|concerning|to|on the)\s+[^,;.()“”"]+?)${TAIL_END}|${TAIL_END})`,
  'gu',
);

/** Titles in 《》, the outermost of nested ones (《关于…《2030年可持续发展议程》的京都宣言》). */
function bracketedTitles(text: string): { title: string; start: number; end: number }[] {
  const out: { title: string; start: number; end: number }[] = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '《') {
      if (depth === 0) open = i;
      depth++;
    } else if (ch === '》' && depth > 0) {
      depth--;
      if (depth === 0) out.push({ title: text.slice(open + 1, i), start: open, end: i + 1 });
    } else if (ch === '\n') depth = 0;
  }
  return out;
}

/** Instrument titles in a text by their form; the caller drops those the gazetteer already knows. */
export function findInstrumentTitles(text: string, lang: Language): TitleHit[] {
  if (lang === 'zh') {
    const hits: TitleHit[] = [];
    for (const t of bracketedTitles(text)) {
      const title = t.title.trim();
      // "2063年议程：我们想要的非洲": a subtitle after the colon; the part before it ends as instruments do.
      const head = /^[^：:]+/u.exec(title)![0];
      const kind = ZH_SUFFIX_KINDS.find(([re]) => re.test(title))?.[1] ?? ZH_SUFFIX_KINDS.find(([re]) => re.test(head))?.[1];
      if (kind && title.length >= 3) hits.push({ title, start: t.start + 1, end: t.end - 1, headStart: t.start + 1, kind });
    }
    return hits;
  }
  const hits: TitleHit[] = [];
  for (const m of text.matchAll(EN_TITLE)) {
    const g = m.groups!;
    // A capitalised verb opening a recommendation ("Implement the …") is not part of the title.
    const pre = (g.pre ?? '')
      .replace(/^(?:.*?\p{Lu}[\p{L}'’-]*\s+(?:(?:and|or)\s+)?)?(?:the|a|an|its|their|our)\s+(?=\p{Lu})/u, '')
      .replace(/^(?:The|A|An|This|That|Its|Their|Our)\s+/u, '');
    const qualified = /\p{Lu}/u.test(pre) || !!g.tail;
    if (!qualified) continue;
    const offset = m.index + (g.pre ?? '').length - pre.length;
    let end = m.index + m[0].length;
    // "… on the sale of children, child prostitution and child pornography": a coordination of
    // lower-case words inside the "on …" tail belongs to the title.
    if (g.tail) end += TAIL_COORDINATION.exec(text.slice(end))?.[0].length ?? 0;
    const title = text.slice(offset, end).trim();
    const kind = EN_HEAD_KINDS.find(([re]) => re.test(g.head!))?.[1] ?? 'instrument';
    hits.push({ title, start: offset, end: offset + title.length, headStart: m.index + (g.pre ?? '').length, kind });
  }
  return hits;
}

export interface ResolutionHit {
  start: number;
  end: number;
  text: string;
  type: 'resolution' | 'decision';
  /** "76/187", or "2482 (2019)" for the Security Council. */
  number: string;
  /** The body whose resolution it is, when the text says so right before the number. */
  body: 'A' | 'E' | 'S' | null;
}

const EN_BODIES: [RegExp, 'A' | 'E' | 'S'][] = [
  [/General Assembly\s*$/i, 'A'],
  [/Economic and Social Council\s*$/i, 'E'],
  [/Security Council\s*$/i, 'S'],
];
const ZH_BODIES: [RegExp, 'A' | 'E' | 'S'][] = [
  [/大会$/, 'A'],
  [/(?:经济及社会理事会|经社理事会)$/, 'E'],
  [/(?:安全理事会|安理会)$/, 'S'],
];

const EN_RESOLUTION = /\b(?<type>resolution|decision)\s+(?<num>\d{1,4}\/\d{1,4}|\d{3,4}\s*\(\d{4}\))/gi;
const ZH_RESOLUTION = /第\s*(?<num>\d{1,4}\/\d{1,4}|\d{3,4}\s*[（(]\d{4}[)）])\s*号(?<type>决议|决定)/g;

/** Resolutions and decisions by number, with the body named right before them ("General Assembly resolution 76/187", "大会第76/187号决议"). */
export function findResolutions(text: string, lang: Language): ResolutionHit[] {
  const hits: ResolutionHit[] = [];
  const pattern = lang === 'zh' ? ZH_RESOLUTION : EN_RESOLUTION;
  const bodies = lang === 'zh' ? ZH_BODIES : EN_BODIES;
  for (const m of text.matchAll(pattern)) {
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const bodyMatch = bodies.find(([re]) => re.test(before));
    let start = m.index;
    if (bodyMatch) start -= bodyMatch[0].exec(before)![0].length;
    const type = /决定|decision/i.test(m.groups!.type!) ? 'decision' : 'resolution';
    const number = m.groups!.num!.replace(/\s+/g, ' ').replace(/[（）]/g, (c) => (c === '（' ? '(' : ')'));
    hits.push({ start, end: m.index + m[0].length, text: text.slice(start, m.index + m[0].length), type, number, body: bodyMatch?.[1] ?? null });
  }
  return hits;
}
