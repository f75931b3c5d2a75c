/**
 * References as analysts type them, read from a search query: a recommendation
 * (24(c), 24 (c), 24c, rec. 24(c), 建议24(c), 第24(c)段, 第24段(c)分段, paragraph 24,
 * subparagraph (c)), a paragraph (¶24, para 24,
 * paragraph 24, para. 24, 第24段, 24段, a bare 24), a document symbol
 * (A/CONF.241/RPM.2/1, any case, spaces ignored), an agenda item (agenda item 3,
 * item 3, 议程项目3) or a workshop (workshop 1, 讲习班1), each optionally with the
 * tag of a report before or after it (LAC-15 24(c), 24(c) LAC-15) to pick one
 * report. Recommendation letters are those UN reports use: a–z, aa, and lower-case
 * roman numerals for sub-items ((ii), (iv)).
 *
 * Source of the forms: how UN reports cite their own paragraphs ("paragraph 24 (c)"
 * in English, "第24(c)段" and "第24段(c)分段" in Chinese, UN Editorial Manual) and document symbols
 * (ST/LIB/SER.B/5/Rev.5, United Nations Document Series Symbols).
 */

export type Reference =
  | { kind: 'recommendation'; paragraph: number; letter: string; tag?: string }
  | { kind: 'paragraph'; number: number; tag?: string }
  | { kind: 'symbol'; symbol: string }
  | { kind: 'agenda-item'; number: number }
  | { kind: 'workshop'; number: number }
  | { kind: 'tag'; tag: string };

/** A report tag as MODEL.md defines it: region code, hyphen, Congress number (LAC-15). */
const TAG = /^[a-z]{2,5}-\d{1,2}$/i;
const NUMBER = String.raw`(\d{1,3})`;
const LETTER = String.raw`([a-z]{1,2}|[ivx]{1,5})`;
const REC_PREFIX = String.raw`(?:(?:recommendations?|recs?\.?|建议|第)\s*)?`;
const PARA_PREFIX = String.raw`(?:¶+|§|paragraphs?|paras?\.?|第)`;

const RECOMMENDATION = [
  new RegExp(String.raw`^${REC_PREFIX}${NUMBER}\s*\(\s*${LETTER}\s*\)\s*段?$`, 'iu'),
  new RegExp(String.raw`^${REC_PREFIX}${NUMBER}\s*${LETTER}$`, 'iu'),
  new RegExp(String.raw`^${PARA_PREFIX}\s*${NUMBER}\s*\(\s*${LETTER}\s*\)\s*段?$`, 'iu'),
  // Chinese texts also cite a subparagraph after its paragraph: 第66段(e)分段, 第66段(e)项, 66段(e).
  new RegExp(String.raw`^第?\s*${NUMBER}\s*段\s*\(\s*${LETTER}\s*\)\s*(?:分段|项)?$`, 'iu'),
  // English: paragraph 66, subparagraph (e); subparagraph 66(e).
  new RegExp(String.raw`^(?:${PARA_PREFIX}\s*)?${NUMBER}\s*,?\s*sub-?paragraph\s*\(\s*${LETTER}\s*\)$`, 'iu'),
  new RegExp(String.raw`^sub-?paragraph\s*${NUMBER}\s*\(\s*${LETTER}\s*\)$`, 'iu'),
];
const PARAGRAPH = [new RegExp(String.raw`^${PARA_PREFIX}\s*${NUMBER}\s*段?$`, 'iu'), new RegExp(String.raw`^${NUMBER}\s*段?$`, 'u')];
const AGENDA_ITEM = /^(?:agenda\s+item|item|议程项目)\s*(\d{1,2})$/iu;
const WORKSHOP = /^(?:workshop|讲习班)\s*(\d{1,2})$/iu;
/** A UN document symbol: series letters, then slash-separated parts, at least one with a digit. */
const SYMBOL = /^[A-Z]{1,4}(?:\/[A-Z0-9.\-()]+)+$/i;

/**
 * The reference `input` is, or undefined when it is none (then it is searched as text).
 * NFKC first, so full-width forms (２４（ｃ）) read as their ASCII twins.
 */
export function parseReference(input: string): Reference | undefined {
  let text = input.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (text === '') return undefined;
  if (TAG.test(text)) return { kind: 'tag', tag: text.toUpperCase() };
  let tag: string | undefined;
  const tagged = /^([a-z]{2,5}-\d{1,2})[\s,:]+(.+)$/iu.exec(text) ?? /^(.+?)[\s,]+([a-z]{2,5}-\d{1,2})$/iu.exec(text);
  if (tagged) {
    const [first, second] = [tagged[1]!, tagged[2]!];
    const [t, rest] = TAG.test(first) ? [first, second] : [second, first];
    if (TAG.test(t)) {
      tag = t.toUpperCase();
      text = rest.trim();
    }
  }
  const withTag = <R extends object>(r: R): R & { tag?: string } => (tag ? { ...r, tag } : r);

  for (const re of RECOMMENDATION) {
    const m = re.exec(text);
    if (m) return withTag({ kind: 'recommendation' as const, paragraph: Number(m[1]), letter: m[2]!.toLowerCase() });
  }
  for (const re of PARAGRAPH) {
    const m = re.exec(text);
    if (m) return withTag({ kind: 'paragraph' as const, number: Number(m[1]) });
  }
  if (tag) return undefined; // a tag goes with paragraphs and recommendations only
  const agenda = AGENDA_ITEM.exec(text);
  if (agenda) return { kind: 'agenda-item', number: Number(agenda[1]) };
  const workshop = WORKSHOP.exec(text);
  if (workshop) return { kind: 'workshop', number: Number(workshop[1]) };
  const compact = text.replace(/\s+/g, '');
  if (SYMBOL.test(compact) && /\d/.test(compact)) return { kind: 'symbol', symbol: compact.toUpperCase() };
  return undefined;
}
