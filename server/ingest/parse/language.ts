/** Which of the supported languages a report is written in. */
import type { Language } from './types.ts';

export function detectLanguage(text: string): Language | null {
  const han = (text.match(/[\u4E00-\u9FFF]/g) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  if (han === 0 && latin === 0) return null;
  // Chinese reports still carry Latin symbols and names, so a modest share of Han characters decides.
  return han * 3 >= latin ? 'zh' : 'en';
}
