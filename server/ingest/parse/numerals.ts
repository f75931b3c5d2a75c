/** Chapter numbers and Congress ordinals as the reports write them. */

const CHINESE_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十五 → 15, 二十三 → 23 (enough for chapters and Congress ordinals). */
export function parseChineseNumeral(s: string): number | null {
  if (s.length === 0) return null;
  if (/^\d+$/.test(s)) return Number(s);
  const ten = s.indexOf('十');
  if (ten === -1) return s.length === 1 ? (CHINESE_DIGITS[s] ?? null) : null;
  const tensPart = s.slice(0, ten);
  const unitsPart = s.slice(ten + 1);
  const tens = tensPart === '' ? 1 : CHINESE_DIGITS[tensPart];
  const units = unitsPart === '' ? 0 : CHINESE_DIGITS[unitsPart];
  if (tens === undefined || units === undefined || tensPart.length > 1 || unitsPart.length > 1) return null;
  return tens * 10 + units;
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

export function parseRoman(s: string): number | null {
  if (!/^[IVXL]+$/.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]!]!;
    const next = i + 1 < s.length ? ROMAN[s[i + 1]!]! : 0;
    total += v < next ? -v : v;
  }
  return total;
}

export function toRoman(n: number): string {
  const table: [number, string][] = [
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [value, numeral] of table) {
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  }
  return out;
}

const ENGLISH_ORDINALS = [
  'zeroth',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
];

/** "Fifteenth" → 15, "15th" → 15. */
export function parseEnglishOrdinal(s: string): number | null {
  const digits = /^(\d+)(?:st|nd|rd|th)$/i.exec(s);
  if (digits) return Number(digits[1]);
  const index = ENGLISH_ORDINALS.indexOf(s.toLowerCase());
  return index > 0 ? index : null;
}
