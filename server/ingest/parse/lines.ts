/** Splitting a report into numbered lines, with the debris of its Markdown conversion removed. */
import { keepAnchors, putAnchors, takeAnchors, type FootnoteMark } from '../document/anchors.ts';
import type { SourceLine } from './types.ts';

/** `[A/CONF.241/RPM.2/1](#)` → `A/CONF.241/RPM.2/1`: a link left over from conversion, not text. */
export function stripLinkDebris(line: string): string {
  return line.replace(/\[([^\]\n]+)\]\((?:#[^)\s]*|https?:[^)\s]*)?\)/g, '$1');
}

/**
 * Text → numbered lines. `lineNumbers[i]`, when given, is the number line i carries (the line
 * of the file it came from, when layout recovery has joined or dropped lines); default i + 1.
 * `lineMarks[i]`: where footnotes' marks stood in line i (offsets into it), carried over to
 * the line's `text` through the link debris and the whitespace it loses.
 */
export function toLines(text: string, lineNumbers?: readonly number[], lineMarks?: readonly (readonly FootnoteMark[])[]): SourceLine[] {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return withoutBom.split(/\r\n|\r|\n/).map((raw, i) => {
    const number = lineNumbers?.[i] ?? i + 1;
    const marks = lineMarks?.[i] ?? [];
    if (marks.length === 0) return { number, text: stripLinkDebris(raw).trim(), raw, marks: [] };
    const read = takeAnchors(keepAnchors(putAnchors(raw, marks), (t) => stripLinkDebris(t).trim()));
    return { number, text: read.text, raw, marks: read.marks };
  });
}
