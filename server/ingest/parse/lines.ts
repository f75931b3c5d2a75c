/** Splitting a report into numbered lines, with the debris of its Markdown conversion removed. */
import type { SourceLine } from './types.ts';

/** `[A/CONF.241/RPM.2/1](#)` → `A/CONF.241/RPM.2/1`: a link left over from conversion, not text. */
export function stripLinkDebris(line: string): string {
  return line.replace(/\[([^\]\n]+)\]\((?:#[^)\s]*|https?:[^)\s]*)?\)/g, '$1');
}

export function toLines(text: string): SourceLine[] {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return withoutBom.split(/\r\n|\r|\n/).map((raw, i) => ({ number: i + 1, text: stripLinkDebris(raw).trim(), raw }));
}
