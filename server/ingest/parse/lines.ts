/** Splitting a report into numbered lines, with the debris of its Markdown conversion removed. */
import type { SourceLine } from './types.ts';

/** `[A/CONF.241/RPM.2/1](#)` → `A/CONF.241/RPM.2/1`: a link left over from conversion, not text. */
export function stripLinkDebris(line: string): string {
  return line.replace(/\[([^\]\n]+)\]\((?:#[^)\s]*|https?:[^)\s]*)?\)/g, '$1');
}

/**
 * Text → numbered lines. `lineNumbers[i]`, when given, is the number line i carries (the line
 * of the file it came from, when layout recovery has joined or dropped lines); default i + 1.
 */
export function toLines(text: string, lineNumbers?: readonly number[]): SourceLine[] {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return withoutBom.split(/\r\n|\r|\n/).map((raw, i) => ({ number: lineNumbers?.[i] ?? i + 1, text: stripLinkDebris(raw).trim(), raw }));
}
