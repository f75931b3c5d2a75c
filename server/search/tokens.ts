/**
 * Text as search compares it: folded (the ingest matcher's folding — NFKC,
 * lower case, title brackets and quotes dropped, layout spaces next to Chinese
 * dropped — plus accents stripped, so "San Jose" finds "San José"), then cut
 * into tokens: every Chinese (Han, kana) character is a token of its own, every
 * run of other letters and digits is a word. Each token keeps the span of the
 * original text it came from, so a match maps back to exact offsets.
 */
import { foldText } from '../ingest/match/fold.ts';

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

/**
 * The tokens of a text, in order, with their spans in `text` (UTF-16 offsets).
 * Folding follows server/ingest/match/fold.ts (so search and extraction agree on
 * what "the same words" are), plus removal of combining marks.
 */
export function tokenize(text: string): Token[] {
  // Full-width ASCII (ＵＮＯＤＣ) and the ideographic space as their ASCII twins first, one UTF-16 unit for one, so
  // offsets stay those of `text`: foldText counts full-width letters as CJK and would drop the space before them.
  const { folded, origin, originEnd } = foldText(text.replace(/[\uFF01-\uFF5E\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0))));
  const tokens: Token[] = [];
  let gap = '';
  let i = 0;
  const push = (chars: string, from: number, to: number): void => {
    const t = chars.normalize('NFD').replace(/\p{M}/gu, '');
    if (t === '') return;
    const cjk = CJK_CHAR.test(t);
    const alpha = !cjk && /\p{L}/u.test(t);
    tokens.push({
      text: t,
      stem: cjk ? t : pluralStem(t),
      cjk,
      alpha,
      breakBefore: tokens.length > 0 && !JOINER.test(gap),
      start: origin[from]!,
      end: originEnd[to - 1]!,
    });
    gap = '';
  };
  while (i < folded.length) {
    const cp = folded.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (CJK_CHAR.test(ch)) {
      push(ch, i, i + ch.length);
      i += ch.length;
    } else if (WORD_CHAR.test(ch)) {
      let j = i;
      while (j < folded.length) {
        const c = String.fromCodePoint(folded.codePointAt(j)!);
        if (!WORD_CHAR.test(c) || CJK_CHAR.test(c)) break;
        j += c.length;
      }
      push(folded.slice(i, j), i, j);
      i = j;
    } else {
      gap += ch;
      i += ch.length;
    }
  }
  return tokens;
}
