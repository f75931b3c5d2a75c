/**
 * Footnote anchors: where a footnote's mark stood in a line, carried inside the line's text
 * from the reader through layout recovery, so that joining, squeezing and re-hyphenating
 * lines moves the place with the words around it. Pure.
 *
 * An anchor is three characters: U+FFF9 INTERLINEAR ANNOTATION ANCHOR, a private-use
 * character U+E000 + n naming footnote n (its index in RawDocument.footnotes), and U+FFFB
 * INTERLINEAR ANNOTATION TERMINATOR. Unicode reserves U+FFF9–U+FFFB for annotations kept
 * inside a text by the program that holds it, never interchanged (The Unicode Standard,
 * § 23.8 "Specials"); normalizeText removes them from every input, so an anchor is always
 * ours. Layout recovery takes them out again (takeAnchors) before the parser sees the text:
 * the stored text never holds one.
 */

const OPEN = '\uFFF9';
const CLOSE = '\uFFFB';
const FIRST = 0xe000;
/** Private-use characters U+E000–U+F8FF: at most this many footnotes a document. */
export const MAX_FOOTNOTES = 0xf8ff - FIRST + 1;

const ANCHOR = /\uFFF9([\uE000-\uF8FF])\uFFFB/g;
const ANY_ANCHOR = /\uFFF9[\uE000-\uF8FF]\uFFFB/;

/** The anchor of footnote `index` (0-based). Throws RangeError past MAX_FOOTNOTES. */
export function anchor(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_FOOTNOTES) throw new RangeError(`footnote index ${index} out of range`);
  return `${OPEN}${String.fromCharCode(FIRST + index)}${CLOSE}`;
}

export function hasAnchor(text: string): boolean {
  return ANY_ANCHOR.test(text);
}

/** The text without its anchors. */
export function stripAnchors(text: string): string {
  return text.includes(OPEN) ? text.replace(ANCHOR, '') : text;
}

/** A footnote's mark in a text: footnote `footnote` (index) stood at offset `at` of the text without anchors (before the character there). */
export interface FootnoteMark {
  footnote: number;
  at: number;
}

/** The text without its anchors, and where each stood (offsets into that text, in order). */
export function takeAnchors(text: string): { text: string; marks: FootnoteMark[] } {
  if (!text.includes(OPEN)) return { text, marks: [] };
  const marks: FootnoteMark[] = [];
  let out = '';
  let last = 0;
  for (const m of text.matchAll(ANCHOR)) {
    out += text.slice(last, m.index);
    marks.push({ footnote: m[1]!.charCodeAt(0) - FIRST, at: out.length });
    last = m.index + m[0].length;
  }
  out += text.slice(last);
  return { text: out, marks };
}

/** The inverse of takeAnchors: the anchors put back at their offsets (marks in any order). */
export function putAnchors(text: string, marks: readonly FootnoteMark[]): string {
  if (marks.length === 0) return text;
  const sorted = [...marks].sort((a, b) => a.at - b.at);
  let out = '';
  let last = 0;
  for (const m of sorted) {
    const at = Math.min(Math.max(m.at, last), text.length);
    out += text.slice(last, at) + anchor(m.footnote);
    last = at;
  }
  return out + text.slice(last);
}

/**
 * A transformation that knows nothing of anchors (normalisation, trimming) applied to a text
 * that carries some: applied to the pieces between the anchors, the anchors kept in place.
 * `f` must not join or drop pieces' edges that matter (normalizeText does not).
 */
export function aroundAnchors(text: string, f: (piece: string) => string): string {
  if (!text.includes(OPEN)) return f(text);
  const parts = text.split(/(\uFFF9[\uE000-\uF8FF]\uFFFB)/);
  return parts.map((p, i) => (i % 2 === 1 ? p : f(p))).join('');
}

/**
 * A transformation that only deletes characters (squeezing spaces, trimming) applied to a
 * text that carries anchors: applied to the text without them, each anchor then put back
 * between the same characters.
 */
export function keepAnchors(text: string, deleteOnly: (plain: string) => string): string {
  const { text: plain, marks } = takeAnchors(text);
  const after = deleteOnly(plain);
  if (marks.length === 0) return after;
  // Where each offset of `plain` lands in `after`, matching `after` as a subsequence of `plain`.
  const landing: number[] = [];
  let j = 0;
  for (let i = 0; i < plain.length; i++) {
    landing.push(j);
    if (j < after.length && plain[i] === after[j]) j++;
  }
  landing.push(j);
  return putAnchors(
    after,
    marks.map((m) => ({ footnote: m.footnote, at: landing[m.at]! })),
  );
}
