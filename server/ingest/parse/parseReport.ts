/** Text → ReportStructure: the whole parse, pure. */
import { ReportFormatError } from '../errors.ts';
import { readBody } from './body.ts';
import { findBureau, findPresiding } from './bureau.ts';
import { readFrontMatter } from './frontMatter.ts';
import { detectLanguage } from './language.ts';
import { lexiconFor } from './lexicon.ts';
import { toLines } from './lines.ts';
import { findAttendanceLists, findSpeakerLists } from './lists.ts';
import type { FootnoteMark, ReportStructure } from './types.ts';

/**
 * `lineNumbers`: the number each line of `text` carries (see toLines); default 1, 2, 3, …
 * `lineMarks`: where footnotes' marks stood in each line (see toLines); default none.
 */
export function parseReport(text: string, source?: string, lineNumbers?: readonly number[], lineMarks?: readonly (readonly FootnoteMark[])[]): ReportStructure {
  if (text.trim() === '') throw new ReportFormatError('the file is empty', 1, source);
  const lines = toLines(text, lineNumbers, lineMarks);
  const language = detectLanguage(text);
  if (!language) throw new ReportFormatError('no Chinese or English text found', 1, source);
  const lex = lexiconFor(language);

  const front = readFrontMatter(lines, lex, source);
  const body = readBody(lines, front.bodyStart, lex, source);
  const firstBodyLine = lines[front.bodyStart]?.number ?? 1;
  if (body.paragraphs.length === 0) throw new ReportFormatError('no numbered paragraphs found after the title', firstBodyLine, source);
  if (body.paragraphs[0]!.number !== 1) {
    throw new ReportFormatError(`the first paragraph is numbered ${body.paragraphs[0]!.number}, not 1`, body.paragraphs[0]!.line, source);
  }

  const agendaParagraph = body.paragraphs.find((p) => p.embeddedList.length > 0 && lex.agendaIntro.test(p.text.split('\n')[0]!));
  return {
    language,
    title: front.title,
    congress: front.congress,
    meeting: front.meeting,
    chapters: body.chapters,
    sections: body.sections,
    blocks: body.blocks,
    paragraphs: body.paragraphs,
    recommendations: body.recommendations,
    speakerLists: findSpeakerLists(body.paragraphs, lex, source),
    attendance: findAttendanceLists(body.paragraphs, lex, source),
    bureau: findBureau(body.paragraphs, lex),
    presiding: findPresiding(body.paragraphs, lex),
    agenda: agendaParagraph ? { paragraph: agendaParagraph.number, items: agendaParagraph.embeddedList } : null,
    annex: body.annex,
    warnings: body.warnings,
  };
}
