/** Date ranges as the reports write them: "2025年2月4日至6日", "4 to 6 February 2025", "25–30 April 2026". */
import type { DateRange } from './types.ts';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function iso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function range(y1: number, m1: number, d1: number, y2: number, m2: number, d2: number): DateRange | null {
  const startDate = iso(y1, m1, d1);
  const endDate = iso(y2, m2, d2);
  if (!startDate || !endDate || endDate < startDate) return null;
  return { startDate, endDate };
}

const ZH = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*(?:至|到|-|–)\s*(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日)?/;

export function findChineseDateRange(s: string): DateRange | null {
  const m = ZH.exec(s);
  if (!m) return null;
  const y1 = Number(m[1]);
  const m1 = Number(m[2]);
  const d1 = Number(m[3]);
  if (m[6] === undefined) return range(y1, m1, d1, y1, m1, d1);
  return range(y1, m1, d1, m[4] ? Number(m[4]) : y1, m[5] ? Number(m[5]) : m1, Number(m[6]));
}

const MONTH = `(${MONTHS.join('|')})`;
const EN_RANGE = new RegExp(`(\\d{1,2})(?:\\s+${MONTH})?(?:\\s+(\\d{4}))?\\s*(?:to|–|—|-)\\s*(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})`, 'i');
const EN_SINGLE = new RegExp(`(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})`, 'i');

export function findEnglishDateRange(s: string): DateRange | null {
  const r = EN_RANGE.exec(s);
  if (r) {
    const y2 = Number(r[6]);
    const m2 = MONTHS.indexOf(r[5]!.toLowerCase()) + 1;
    const m1 = r[2] ? MONTHS.indexOf(r[2].toLowerCase()) + 1 : m2;
    const y1 = r[3] ? Number(r[3]) : y2;
    return range(y1, m1, Number(r[1]), y2, m2, Number(r[4]));
  }
  const one = EN_SINGLE.exec(s);
  if (!one) return null;
  const m = MONTHS.indexOf(one[2]!.toLowerCase()) + 1;
  return range(Number(one[3]), m, Number(one[1]), Number(one[3]), m, Number(one[1]));
}
