/**
 * The body of a report, read line by line as a reader would: chapters and
 * sections, the discussion blocks, numbered paragraphs (a number only starts a
 * paragraph when it continues the sequence; a list announced by a colon keeps
 * its own numbering), lettered recommendations under the paragraph that
 * announces them, and the annex's list of documents.
 */
import { ReportFormatError } from '../errors.ts';
import { parseAnnexRow } from './annex.ts';
import type { Lexicon } from './lexicon.ts';
import { toRoman } from './numerals.ts';
import type { AnnexDocument, Block, Chapter, EmbeddedListItem, FootnoteMark, Paragraph, Recommendation, Section, SourceLine } from './types.ts';

export interface Body {
  chapters: Chapter[];
  sections: Section[];
  blocks: Block[];
  paragraphs: Paragraph[];
  recommendations: Recommendation[];
  annex: AnnexDocument[];
  warnings: string[];
}

const NUMBERED = /^(?<n>\d{1,3})\s*[.．]\s*(?<body>\S.*)$/;
const LETTERED = /^(?:[-–•*]\s*)?[（(](?<letter>[a-z]{1,2})[)）]\s*(?<body>.*)$/;
const ENDS_WITH_COLON = /[：:]$/;

interface OpenParagraph {
  paragraph: Paragraph;
  lines: string[];
  lineNumbers: number[];
  announcesRecommendations: boolean;
  recommendationCount: number;
  nextLetter: number;
  /** Line of each recommendation letter seen: a letter twice would make two recommendations one id. */
  letters: Map<string, number>;
  /** Numbered list announced by the paragraph's colon (the adopted agenda). */
  list: { next: number } | null;
}

/** A line's footnote marks moved into a unit's text: the line's text from `cut` on stands at `base` of it (a mark in the cut-off number goes to its start). */
function shifted(marks: readonly FootnoteMark[], cut: number, base: number): FootnoteMark[] {
  return marks.map((m) => ({ footnote: m.footnote, at: base + Math.max(0, m.at - cut) }));
}

/** A line goes on an open paragraph's text (on a line of its own). */
function appendLine(o: OpenParagraph, line: SourceLine): void {
  const base = o.lines.join('\n').length + 1;
  o.paragraph.footnotes.push(...shifted(line.marks, 0, base));
  o.lines.push(line.text);
  o.lineNumbers.push(line.number);
}

function letterAt(index: number): string {
  return index < 26 ? String.fromCharCode(97 + index) : String.fromCharCode(97 + Math.floor(index / 26) - 1) + String.fromCharCode(97 + (index % 26));
}

function letterIndex(letter: string): number {
  return letter.length === 1 ? letter.charCodeAt(0) - 97 : (letter.charCodeAt(0) - 96) * 26 + letter.charCodeAt(1) - 97;
}

export function readBody(lines: readonly SourceLine[], start: number, lex: Lexicon, source?: string): Body {
  const body: Body = { chapters: [], sections: [], blocks: [], paragraphs: [], recommendations: [], annex: [], warnings: [] };
  let chapter = 0;
  let chapterHasRecommendations = false;
  let sectionLetter = '';
  let subheading: string | null = null;
  let block: number | null = null;
  let expected = 1;
  // Held in an object because the helpers below change them (TypeScript does not follow that for plain variables).
  const state: { open: OpenParagraph | null; lastRecommendation: Recommendation | null } = { open: null, lastRecommendation: null };
  let mode: 'body' | 'annex' | 'documents' = 'body';

  const sectionLabel = () => (sectionLetter ? `${toRoman(chapter)}.${sectionLetter}` : toRoman(chapter));

  const close = () => {
    if (!state.open) return;
    if (state.open.announcesRecommendations && state.open.recommendationCount === 0) {
      throw new ReportFormatError(
        `paragraph ${state.open.paragraph.number} announces recommendations but no lettered items follow`,
        state.open.paragraph.line,
        source,
      );
    }
    state.open.paragraph.text = state.open.lines.join('\n');
    state.open.paragraph.lineNumbers = state.open.lineNumbers;
    body.paragraphs.push(state.open.paragraph);
    state.open = null;
    state.lastRecommendation = null;
  };

  const openParagraph = (n: number, text: string, line: number, from: SourceLine) => {
    close();
    state.open = {
      paragraph: { number: n, text: '', line, lineNumbers: [], chapter, section: sectionLabel(), subheading, block, embeddedList: [], footnotes: shifted(from.marks, from.text.length - text.length, 0) },
      lines: [text],
      lineNumbers: [line],
      announcesRecommendations: lex.recommendationsIntro.test(text),
      recommendationCount: 0,
      nextLetter: 0,
      letters: new Map(),
      list: null,
    };
    expected = n + 1;
  };

  const lastLineOf = (o: OpenParagraph) => (state.lastRecommendation ? state.lastRecommendation.text : o.lines[o.lines.length - 1]!);

  for (let i = start; i < lines.length; i++) {
    const sourceLine = lines[i]!;
    const { text, raw, number: lineNo } = sourceLine;
    if (text === '') continue;

    if (mode === 'documents') {
      if (raw.includes('\t')) body.annex.push(parseAnnexRow(raw, lineNo));
      else if (body.annex.length > 0) body.annex[body.annex.length - 1]!.title += text;
      else body.warnings.push(`line ${lineNo}: text in the list of documents without a symbol column: "${text}"`);
      continue;
    }
    if (lex.annexHeading.test(text)) {
      close();
      mode = 'annex';
      continue;
    }
    if (mode === 'annex') {
      if (lex.documentListHeading.test(text)) mode = 'documents';
      continue;
    }

    const chapterMatch = lex.chapterHeading.exec(text);
    if (chapterMatch?.groups?.label && lex.chapterNumber(chapterMatch.groups.label) === chapter + 1) {
      close();
      chapter += 1;
      const title = chapterMatch.groups.title!.trim();
      body.chapters.push({ number: chapter, label: chapterMatch.groups.label, title, line: lineNo });
      chapterHasRecommendations = lex.recommendationsChapter.test(title);
      sectionLetter = '';
      subheading = null;
      block = null;
      continue;
    }

    const sectionMatch = lex.sectionHeading.exec(text);
    if (sectionMatch?.groups && chapter > 0) {
      close();
      sectionLetter = sectionMatch.groups.letter!;
      const title = sectionMatch.groups.title!.trim();
      body.sections.push({ chapter, letter: sectionLetter, title, line: lineNo });
      subheading = null;
      block = null;
      const theme = chapterHasRecommendations ? lex.themeSection.exec(title) : null;
      if (theme?.groups) {
        body.blocks.push({ kind: 'theme', title: stripQuotes(theme.groups.title!), agendaItem: null, workshop: null, line: lineNo });
        block = body.blocks.length - 1;
      }
      continue;
    }

    const lettered = LETTERED.exec(text);
    if (lettered?.groups) {
      const letter = lettered.groups.letter!;
      const itemText = lettered.groups.body!.trim();
      const current = state.open;
      if (current && current.announcesRecommendations) {
        const index = letterIndex(letter);
        const seen = current.letters.get(letter);
        if (seen !== undefined) {
          throw new ReportFormatError(
            `recommendation (${letter}) appears twice in paragraph ${current.paragraph.number} (first on line ${seen}): a heading or a paragraph number is missing between two lists`,
            lineNo,
            source,
          );
        }
        current.letters.set(letter, lineNo);
        if (index !== current.nextLetter) {
          body.warnings.push(
            `line ${lineNo}: recommendation letter (${letter}) out of order in paragraph ${current.paragraph.number}: expected (${letterAt(current.nextLetter)})`,
          );
        }
        current.nextLetter = index + 1;
        current.recommendationCount += 1;
        state.lastRecommendation = {
          paragraph: current.paragraph.number,
          letter,
          text: itemText,
          line: lineNo,
          block: current.paragraph.block,
          footnotes: shifted(sourceLine.marks, text.length - itemText.length, 0),
        };
        body.recommendations.push(state.lastRecommendation);
      } else if (current && current.list && current.paragraph.embeddedList.length > 0) {
        const item = current.paragraph.embeddedList[current.paragraph.embeddedList.length - 1]!;
        item.subItems.push({ letter, text: itemText, line: lineNo });
        appendLine(current, sourceLine);
      } else if (current) {
        appendLine(current, sourceLine);
      } else {
        body.warnings.push(`line ${lineNo}: lettered item outside any paragraph: "${text}"`);
      }
      continue;
    }

    const numbered = NUMBERED.exec(text);
    if (numbered?.groups) {
      const n = Number(numbered.groups.n);
      const rest = numbered.groups.body!;
      const current = state.open;
      if (current?.list && n === current.list.next) {
        current.paragraph.embeddedList.push({ number: n, text: rest, line: lineNo, subItems: [] });
        appendLine(current, sourceLine);
        current.list.next += 1;
        continue;
      }
      if (n === expected) {
        openParagraph(n, rest, lineNo, sourceLine);
        continue;
      }
      const heading = lex.blockHeading.exec(rest);
      if (heading?.groups) {
        close();
        const g = heading.groups;
        body.blocks.push({
          kind: 'agenda-item',
          title: g.agendaTitle!.trim(),
          agendaItem: { number: Number(g.agenda), title: g.agendaTitle!.trim() },
          workshop: { number: Number(g.workshop), title: g.workshopTitle!.trim() },
          line: lineNo,
        });
        block = body.blocks.length - 1;
        subheading = null;
        continue;
      }
      if (current && !current.list && n === 1 && ENDS_WITH_COLON.test(lastLineOf(current))) {
        current.list = { next: 2 };
        current.paragraph.embeddedList.push({ number: 1, text: rest, line: lineNo, subItems: [] });
        appendLine(current, sourceLine);
        continue;
      }
      if (n > expected && body.paragraphs.length + (state.open ? 1 : 0) > 0) {
        body.warnings.push(`line ${lineNo}: paragraph ${n} follows paragraph ${expected - 1}; paragraphs ${expected}–${n - 1} are missing`);
        openParagraph(n, rest, lineNo, sourceLine);
        continue;
      }
      body.warnings.push(`line ${lineNo}: numbered line ${n} fits neither the paragraph sequence nor a list: "${text}"`);
      if (current) {
        appendLine(current, sourceLine);
      }
      continue;
    }

    const current = state.open;
    const previousEndsSentence = !current || (lex.sentenceEnd.test(lastLineOf(current)) && !ENDS_WITH_COLON.test(lastLineOf(current)));
    if (previousEndsSentence && isSubheading(text, lex)) {
      close();
      subheading = text;
      continue;
    }
    if (current) {
      const recommendation = state.lastRecommendation;
      if (recommendation) {
        recommendation.footnotes.push(...shifted(sourceLine.marks, 0, recommendation.text.length + lex.titleJoiner.length));
        recommendation.text += lex.titleJoiner + text;
      } else appendLine(current, sourceLine);
      if (lex.recommendationsIntro.test(current.lines.join(lex.titleJoiner))) current.announcesRecommendations = true;
      continue;
    }
    body.warnings.push(`line ${lineNo}: text outside any paragraph: "${text}"`);
  }

  const last = state.open;
  if (last) {
    const tail = lastLineOf(last);
    if (/[；;，,、：:]$/.test(tail)) {
      const line = state.lastRecommendation ? state.lastRecommendation.line : last.paragraph.line;
      throw new ReportFormatError(`the text stops in the middle of a list (last item ends with "${tail.slice(-1)}")`, line, source);
    }
  }
  close();
  return body;
}

function isSubheading(text: string, lex: Lexicon): boolean {
  return text.length <= lex.maxSubheadingLength && !/[。．.；;：:，,、]$/.test(text) && !/[：:]/.test(text);
}

function stripQuotes(s: string): string {
  return s.replace(/^[“"「『]/, '').replace(/[”"」』]$/, '').trim();
}
