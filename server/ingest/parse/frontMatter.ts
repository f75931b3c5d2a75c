/**
 * The part before the body: the Congress's name, venue and dates, the report's
 * title (which names the meeting, its venue and dates), and the table of
 * contents, whose tab-separated page numbers are not paragraphs.
 */
import { ReportFormatError } from '../errors.ts';
import type { Lexicon } from './lexicon.ts';
import type { CongressInfo, MeetingInfo, SourceLine } from './types.ts';

export interface FrontMatter {
  title: string;
  titleLine: number;
  congress: CongressInfo;
  meeting: MeetingInfo;
  /** Index into the lines where the body (first chapter) starts. */
  bodyStart: number;
}

/** Index of the first line after the table of contents, or null when there is none. */
export function skipTableOfContents(lines: readonly SourceLine[], lex: Lexicon): { tocStart: number; bodyStart: number } | null {
  const tocStart = lines.findIndex((l) => lex.tocHeading.test(l.text));
  if (tocStart === -1) return null;
  let i = tocStart + 1;
  while (i < lines.length && (lines[i]!.text === '' || lex.pageHeader.test(lines[i]!.text) || lines[i]!.raw.includes('\t'))) i++;
  return { tocStart, bodyStart: i };
}

export function readFrontMatter(lines: readonly SourceLine[], lex: Lexicon, source?: string): FrontMatter {
  const toc = skipTableOfContents(lines, lex);
  let frontEnd: number;
  let bodyStart: number;
  if (toc) {
    frontEnd = toc.tocStart;
    bodyStart = toc.bodyStart;
  } else {
    bodyStart = lines.findIndex((l) => lex.chapterHeading.test(l.text) && l.text.length > 2);
    if (bodyStart === -1) throw new ReportFormatError('no chapter heading found: this does not look like a meeting report', 1, source);
    frontEnd = bodyStart;
  }
  const front = lines.slice(0, frontEnd);
  const firstLine = front.find((l) => l.text !== '')?.number ?? 1;

  const title = findTitle(front, lex);
  if (!title) {
    throw new ReportFormatError('no report title ("…的报告" / "Report of the … Regional Preparatory Meeting …") before the body', firstLine, source);
  }
  const parts = lex.parseTitle(title.text)!;
  const meetingDates = lex.findDateRange(parts.dates);
  if (!meetingDates) throw new ReportFormatError(`cannot read the meeting dates "${parts.dates}" in the title`, title.line, source);
  const congressNumber = lex.congressNumber(parts.congressName);
  if (congressNumber === null) throw new ReportFormatError(`cannot read the Congress number in "${parts.congressName}"`, title.line, source);

  const congress: CongressInfo = { number: congressNumber, name: parts.congressName, venue: null };
  const venueLine = front.map((l) => lex.congressVenueLine.exec(l.text)).find((m) => m?.groups);
  if (venueLine?.groups) {
    const dates = lex.findDateRange(venueLine.groups.dates!);
    congress.venue = venueLine.groups.venue!.trim();
    if (dates) Object.assign(congress, dates);
  }
  const meeting: MeetingInfo = { name: parts.meetingName, region: parts.region, venue: parts.venue, ...meetingDates };
  return { title: title.text, titleLine: title.line, congress, meeting, bodyStart };
}

/** The title may wrap over several lines; it is the run of lines that reads as a whole title. */
function findTitle(front: readonly SourceLine[], lex: Lexicon): { text: string; line: number } | null {
  const runs: SourceLine[][] = [];
  let run: SourceLine[] = [];
  for (const l of front) {
    if (l.text === '') {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(l);
  }
  if (run.length) runs.push(run);
  for (const r of runs) {
    // Try every contiguous stretch of the run, shortest first: the Congress's name and its
    // own dates and venue may sit right above the title with no blank line between (layout
    // recovery of a PDF or Word file drops blank lines), and a longer stretch holding them
    // would still read as a title, with the Congress's dates taken for the meeting's.
    for (let length = 1; length <= r.length; length++) {
      for (let a = 0; a + length <= r.length; a++) {
        const text = r
          .slice(a, a + length)
          .map((l) => l.text)
          .join(lex.titleJoiner);
        if (lex.parseTitle(text)) return { text, line: r[a]!.number };
      }
    }
  }
  return null;
}
