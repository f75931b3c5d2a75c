/**
 * The one character normalisation of the project, applied at the door to every
 * report's text (whatever its format) and to every surface form of the gazetteer,
 * so that the two meet on the same characters. Pure.
 *
 * What it does, class by class (each a kind of variation that Word files, PDF
 * text layers and copy-paste bring; the tests in tests/unit/server/ingest/document/ hold one
 * example of each):
 *
 * - line endings: CR LF, CR, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR → LF; Word's
 *   manual line break (U+000B, vertical tab) and the form feed (U+000C, a page
 *   break) → LF;
 * - Unicode NFC (Unicode Standard Annex #15), which also maps the CJK compatibility
 *   ideographs (U+F900–U+FAFF) to the unified ones;
 * - CJK radicals and strokes that PDF text layers give for ideographs (U+2F24 ⼤ for
 *   大) → the equivalent unified ideograph (Unicode's EquivalentUnifiedIdeograph.txt);
 * - full-width forms (U+FF01–U+FF5E) → ASCII, except the full-width punctuation that
 *   Chinese text writes as such (！（），：；？); half-width forms (U+FF61–U+FFEE) and
 *   Latin ligatures (U+FB00–U+FB06) → their compatibility equivalents (NFKC);
 * - apostrophes: ’ ʼ ‘ ` ´ ′ between two letters, one of them Latin (d’Ivoire,
 *   People’s) → the ASCII apostrophe; the other double quotation marks („ ‟ 〝 〞 〟)
 *   → “ ”;
 * - dashes: hyphen U+2010, non-breaking hyphen U+2011, minus U+2212, small and
 *   full-width hyphen-minus → "-"; figure dash → en dash "–"; horizontal bar → em dash "—";
 * - spaces: no-break, narrow no-break, ideographic (U+3000) and the other Unicode
 *   space separators → " "; zero-width space, word joiner, byte order mark and the
 *   bidirectional controls → removed; the soft hyphen (U+00AD) is kept only at a
 *   line's end, where it marks a word broken by a line wrap (layout recovery joins it);
 * - control characters: C0 controls other than tab and line feed, DEL → removed; C1
 *   controls (U+0080–U+009F, text decoded from windows-1252 as if it were Latin-1) →
 *   the windows-1252 character (WHATWG Encoding Standard's index), the rest removed;
 *   non-characters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF) and unpaired surrogates, which
 *   XML 1.0 forbids, and U+FFFD (a character lost before the text reached us) → removed;
 *   so are the interlinear annotation characters U+FFF9–U+FFFB, which Unicode keeps for a
 *   program's own use inside a text (the readers mark footnotes with them: anchors.ts).
 *
 * Nothing else changes: Chinese punctuation, “ ” quotes, the en and em dashes, tabs
 * (table columns) and runs of spaces stay as they are.
 */
import { EQUIVALENT_IDEOGRAPHS } from './equivalentIdeographs.ts';

/** Full-width punctuation that Chinese text writes as such (GB/T 15834): kept. */
const CHINESE_FULL_WIDTH = new Set(['！', '（', '）', '，', '：', '；', '？']);

/** windows-1252 characters at 0x80–0x9F (WHATWG Encoding Standard, index-windows-1252). */
const WINDOWS_1252: Record<number, string> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
};

const SINGLE: Record<string, string> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-',
  '\uFE63': '-',
  '\u2012': '–',
  '\u2015': '—',
  '\uFE58': '—',
  '„': '“',
  '‟': '“',
  '〝': '“',
  '〞': '”',
  '〟': '”',
};

const APOSTROPHES = /['’ʼ‘`´′]/;
const LATIN = /\p{Script=Latin}/u;
const LETTER = /\p{L}/u;
const REMOVED = /[\u200B\u2060\uFEFF\u180E\u200E\u200F\u202A-\u202E\u2066-\u2069\uFFF9-\uFFFB\uFFFD]/;

/**
 * Normalise a text as described above. Idempotent: normalizeText(normalizeText(s)) === normalizeText(s).
 * Offsets change (characters go), so it runs before anything records a position.
 */
export function normalizeText(input: string): string {
  const text = input
    .replace(/\r\n?|[\u0085\u2028\u2029\u000B\u000C]/g, '\n')
    .replace(/[\u0080-\u009F]/g, (c) => WINDOWS_1252[c.charCodeAt(0)] ?? '')
    .normalize('NFC');
  const chars = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const cp = ch.codePointAt(0)!;
    if (ch === '\t' || ch === '\n') {
      out.push(ch);
      continue;
    }
    if (cp < 0x20 || cp === 0x7f) continue;
    if (isNonCharacter(cp) || (cp >= 0xd800 && cp <= 0xdfff) || REMOVED.test(ch)) continue;
    if (ch === '\u00AD') {
      if (chars[i + 1] === '\n') out.push(ch);
      continue;
    }
    if (/\p{Zs}/u.test(ch)) {
      out.push(' ');
      continue;
    }
    const ideograph = EQUIVALENT_IDEOGRAPHS.get(cp);
    if (ideograph !== undefined) {
      out.push(String.fromCodePoint(ideograph));
      continue;
    }
    if (cp >= 0xff01 && cp <= 0xff5e) {
      out.push(CHINESE_FULL_WIDTH.has(ch) ? ch : String.fromCharCode(cp - 0xfee0));
      continue;
    }
    if ((cp >= 0xff61 && cp <= 0xffee) || (cp >= 0xfb00 && cp <= 0xfb06)) {
      out.push(ch.normalize('NFKC'));
      continue;
    }
    if (APOSTROPHES.test(ch) && ch !== "'") {
      const before = chars[i - 1] ?? '';
      const after = chars[i + 1] ?? '';
      if (LETTER.test(before) && LETTER.test(after) && (LATIN.test(before) || LATIN.test(after))) {
        out.push("'");
        continue;
      }
    }
    out.push(SINGLE[ch] ?? ch);
  }
  return out.join('').normalize('NFC');
}

function isNonCharacter(cp: number): boolean {
  return (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;
}
