/**
 * Text as search compares it: folded (the ingest matcher's folding — NFKC,
 * lower case, title brackets and quotes dropped, layout spaces next to Chinese
 * dropped — plus accents stripped, so "San Jose" finds "San José"), then cut
 * into tokens: every Chinese (Han, kana) character is a token of its own, every
 * run of other letters and digits is a word. Each token keeps the span of the
 * original text it came from, so a match maps back to exact offsets.
 */
export interface Token {
  /** The folded token: one CJK character, or a word of letters and digits. */
  text: string;
  /** The word without an English plural ending ("crimes" → "crime"); the text itself for CJK and numbers. */
  stem: string;
  /** True for a CJK character (Han, Hiragana, Katakana). */
  cjk: boolean;
  /** True for a word that has a letter (prefix matching applies to words, not to numbers). */
  alpha: boolean;
  /** Punctuation that separates phrases (，、。,;:() …) stands between this token and the one before. */
  breakBefore: boolean;
  /** Span in the original text, UTF-16 offsets, end exclusive. */
  start: number;
  end: number;
}

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** Characters that join the parts of one name or phrase (spaces, hyphens, slashes, dots, apostrophes). */
const JOINER = /^[\s\-‐‑‒–—/.'’·_&]*$/u;

/** True for a character tokenised on its own (Chinese, Japanese kana). */
export function isCjkChar(ch: string): boolean {
  return CJK_CHAR.test(ch);
}

/**
 * The English plural stem of a folded word: "ies" → "y", "sses" → "ss", "xes"/"ches"/"shes" → drop "es",
 * a final "s" (not "ss", "us", "is") dropped. Enough to make "cryptocurrencies" meet "cryptocurrency" and
 * "rules" meet "rule"; no other morphology (Porter-style stemming over-merges names).
 */
export function pluralStem(word: string): string {
  if (word.length <= 3 || !/^\p{L}+$/u.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (/(?:x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Title brackets and quotes: no identity, dropped (as server/ingest/match/fold.ts drops them). */
const DROPPED = /[《》〈〉「」『』“”"‘’]/;
/** What fold.ts counts as CJK when deciding whether a space is layout (dropped) or a word boundary. */
const LAYOUT_CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F\u201C\u201D\u2018\u2019\u300A\u300B]/;
const HYPHENS = /[‐‑‒–—―]/;

/** Full-width ASCII (ＵＮＯＤＣ) as its ASCII twin and the ideographic space as a space: one UTF-16 unit for one. */
function premap(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c === 0x3000) return ' ';
  return c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : ch;
}

function isSpace(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c === 32 || c === 10 || c === 9 || c === 13 || (c > 127 && /\s/.test(ch));
}

/** One character folded: lower case, NFKC, hyphens as "-", accents and other combining marks dropped. */
function foldChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : ch;
  if (c >= 0x4e00 && c <= 0x9fff) return ch;
  if (HYPHENS.test(ch)) return '-';
  const f = ch.normalize('NFKC').toLowerCase();
  const d = f.normalize('NFD');
  const bare = d.replace(/\p{M}/gu, '');
  return bare === d ? f : bare.normalize('NFC');
}

/** 0: between words; 1: part of a word; 2: a CJK character, a token of its own. */
function charKind(c: string): 0 | 1 | 2 {
  const code = c.charCodeAt(0);
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) ? 1 : 0;
  if (code >= 0x4e00 && code <= 0x9fff) return 2;
  if (CJK_CHAR.test(c)) return 2;
  return WORD_CHAR.test(c) ? 1 : 0;
}

/** The next character after `from` that is neither a space nor dropped, premapped ('' at the end). */
function nextVisible(text: string, from: number): string {
  for (let j = from; j < text.length;) {
    const cp = text.codePointAt(j)!;
    const len = cp > 0xffff ? 2 : 1;
    const ch = premap(text.slice(j, j + len));
    if (!isSpace(ch) && !DROPPED.test(ch)) return ch;
    j += len;
  }
  return '';
}

/**
 * The tokens of a text, in order, with their spans in `text` (UTF-16 offsets).
 * Folding follows server/ingest/match/fold.ts — NFKC, lower case, hyphen variants as
 * "-", title brackets and quotes dropped, whitespace next to CJK dropped (layout),
 * other whitespace one space — so search and extraction agree on what "the same
 * words" are; full-width ASCII counts as ASCII, and accents are dropped. One pass,
 * without building the folded string (tests/unit/server/search/tokens.test.ts holds it to
 * a tokeniser over fold.ts's foldText).
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let word = '';
  let wordStart = 0;
  let wordEnd = 0;
  let gap = '';
  /** The last folded character written: the space rule looks at it. */
  let prevOut = '';
  const push = (t: string, start: number, end: number): void => {
    const cjk = t.length <= 2 && charKind(t) === 2;
    const alpha = !cjk && /\p{L}/u.test(t);
    tokens.push({ text: t, stem: alpha ? pluralStem(t) : t, cjk, alpha, breakBefore: tokens.length > 0 && !JOINER.test(gap), start, end });
    gap = '';
  };
  const flush = (): void => {
    if (word !== '') push(word, wordStart, wordEnd);
    word = '';
  };
  for (let i = 0; i < text.length;) {
    const len = text.codePointAt(i)! > 0xffff ? 2 : 1;
    const ch = premap(len === 1 ? text[i]! : text.slice(i, i + 2));
    if (DROPPED.test(ch)) {
      i += len;
      continue;
    }
    if (isSpace(ch)) {
      const next = prevOut === '' || prevOut === ' ' || LAYOUT_CJK.test(prevOut) ? '' : nextVisible(text, i + len);
      if (next !== '' && !LAYOUT_CJK.test(next)) {
        flush();
        gap += ' ';
        prevOut = ' ';
      }
      i += len;
      continue;
    }
    const f = foldChar(ch);
    for (const c of f) {
      const kind = charKind(c);
      if (kind === 2) {
        flush();
        push(c, i, i + len);
      } else if (kind === 1) {
        if (word === '') wordStart = i;
        word += c;
        wordEnd = i + len;
      } else {
        flush();
        gap += c;
      }
    }
    if (f !== '') prevOut = f.slice(-1);
    i += len;
  }
  flush();
  return tokens;
}
