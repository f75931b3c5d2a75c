/**
 * The text of a report, the first mode of the body reader: chapters and sections, the
 * discussion blocks, numbered paragraphs (a number only starts a paragraph when it
 * continues the sequence; a list announced by a colon keeps its own numbering), lettered
 * recommendations under the paragraph that announces them, with their sub-items ((i),
 * (ii) or ㈠, ㈡ after an item that ends with a colon) kept inside them.
 */
import { ReportFormatError } from '../errors.ts';
import { readBlockHeading, type BlockHeading } from './blockHeadings.ts';
import type { Body } from './body.ts';
import type { Lexicon } from './lexicon.ts';
import { toRoman } from './numerals.ts';
import type { FootnoteMark, Paragraph, Recommendation, SourceLine } from './types.ts';

const NUMBERED = /^(?<n>\d{1,3})\s*[.．]\s*(?<body>\S.*)$/;
const LETTERED = /^(?:[-–•*]\s*)?[（(](?<letter>[a-z]{1,2})[)）]\s*(?<body>.*)$/;
/** A sub-item of a recommendation: "(i)", "(iv)" in English, "㈠", "（一）" in Chinese (the UN's style for each). */
const SUB_ITEM = /^(?:[-–•*]\s*)?(?:[（(](?<roman>[ivx]{1,5}|[一二三四五六七八九十]{1,3})[)）]|(?<circled>[\u3220-\u3229]))\s*(?<body>.*)$/;
const ENDS_WITH_COLON = /[：:]$/;
const ROMAN_LOWER = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv'];
const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

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

export interface TextReader {
  /** Reads one non-empty line of the text. */
  line(line: SourceLine): void;
  /** Closes the open paragraph (at the annex heading). */
  close(): void;
  /** Closes the open paragraph at the end of the file; throws when the text stops inside a list. */
  finish(): void;
}

/** A line's footnote marks moved into a unit's text: the line's text from `cut` on stands at `base` of it (a mark in the cut-off number goes to its start). */
function shifted(marks: readonly FootnoteMark[], cut: number, base: number): FootnoteMark[] {
  return marks.map((m) => ({ footnote: m.footnote, at: base + Math.max(0, m.at - cut) }));
}

function letterAt(index: number): string {
  return index < 26 ? String.fromCharCode(97 + index) : String.fromCharCode(97 + Math.floor(index / 26) - 1) + String.fromCharCode(97 + (index % 26));
}

function letterIndex(letter: string): number {
  return letter.length === 1 ? letter.charCodeAt(0) - 97 : (letter.charCodeAt(0) - 96) * 26 + letter.charCodeAt(1) - 97;
}

/** 1-based ordinal of a sub-item mark ("iv" → 4, "三" → 3, "㈡" → 2), or null. */
function subItemOrdinal(m: RegExpExecArray): number | null {
  const g = m.groups!;
  if (g.circled) return g.circled.charCodeAt(0) - 0x3220 + 1;
  const roman = ROMAN_LOWER.indexOf(g.roman!);
  if (roman >= 0) return roman + 1;
  const chinese = CHINESE_ORDINALS.indexOf(g.roman!);
  return chinese >= 0 ? chinese + 1 : null;
}

export function createTextReader(body: Body, lex: Lexicon, source?: string): TextReader {
  let chapter = 0;
  let chapterHasRecommendations = false;
  let sectionLetter = '';
  let subheading: string | null = null;
  let block: number | null = null;
  let expected = 1;
  let open: OpenParagraph | null = null;
  let lastRecommendation: Recommendation | null = null;
  /** Ordinal of the last sub-item read inside `lastRecommendation` (0: none yet). */
  let subItems = 0;

  const sectionLabel = () => (sectionLetter ? `${toRoman(chapter)}.${sectionLetter}` : toRoman(chapter));

  const close = () => {
    if (!open) return;
    if (open.announcesRecommendations && open.recommendationCount === 0) {
      throw new ReportFormatError(`paragraph ${open.paragraph.number} announces recommendations but no lettered items follow`, open.paragraph.line, source);
    }
    open.paragraph.text = open.lines.join('\n');
    open.paragraph.lineNumbers = open.lineNumbers;
    body.paragraphs.push(open.paragraph);
    open = null;
    lastRecommendation = null;
    subItems = 0;
  };

  const openParagraph = (n: number, text: string, line: number, from: SourceLine) => {
    close();
    open = {
      paragraph: {
        number: n,
        text: '',
        line,
        lineNumbers: [],
        chapter,
        section: sectionLabel(),
        subheading,
        block,
        embeddedList: [],
        footnotes: shifted(from.marks, from.text.length - text.length, 0),
      },
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

  const lastLineOf = (o: OpenParagraph) => (lastRecommendation ? lastRecommendation.text : o.lines[o.lines.length - 1]!);

  /** A line goes on an open paragraph's text (on a line of its own), its footnote marks with it. */
  const appendLine = (o: OpenParagraph, line: SourceLine) => {
    o.paragraph.footnotes.push(...shifted(line.marks, 0, o.lines.join('\n').length + 1));
    o.lines.push(line.text);
    o.lineNumbers.push(line.number);
  };

  /** A line goes on the last recommendation's text (after the language's joiner), its footnote marks with it. */
  const appendToRecommendation = (r: Recommendation, line: SourceLine) => {
    r.footnotes.push(...shifted(line.marks, 0, r.text.length + lex.titleJoiner.length));
    r.text += lex.titleJoiner + line.text;
  };

  /** A sub-item continues the recommendation it belongs to: after a colon, or after the previous sub-item. */
  const readSubItem = (line: SourceLine): boolean => {
    const text = line.text;
    if (!lastRecommendation) return false;
    const m = SUB_ITEM.exec(text);
    if (!m) return false;
    const ordinal = subItemOrdinal(m);
    if (ordinal === null) return false;
    const starts = subItems === 0 && ordinal === 1 && ENDS_WITH_COLON.test(lastRecommendation.text);
    if (!starts && !(subItems > 0 && ordinal === subItems + 1)) return false;
    subItems = ordinal;
    appendToRecommendation(lastRecommendation, line);
    return true;
  };

  const readLettered = (m: RegExpExecArray, from: SourceLine) => {
    const { text, number: lineNo } = from;
    const letter = m.groups!.letter!;
    const itemText = m.groups!.body!.trim();
    const current = open;
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
      lastRecommendation = {
        paragraph: current.paragraph.number,
        letter,
        text: itemText,
        line: lineNo,
        block: current.paragraph.block,
        footnotes: shifted(from.marks, text.length - itemText.length, 0),
      };
      subItems = 0;
      body.recommendations.push(lastRecommendation);
    } else if (current && current.list && current.paragraph.embeddedList.length > 0) {
      const item = current.paragraph.embeddedList[current.paragraph.embeddedList.length - 1]!;
      item.subItems.push({ letter, text: itemText, line: lineNo });
      appendLine(current, from);
    } else if (current) {
      appendLine(current, from);
    } else {
      body.warnings.push(`line ${lineNo}: lettered item outside any paragraph: "${text}"`);
    }
  };

  /** A discussion block starts at its heading: an agenda item, with its workshop if the heading names one. */
  const openBlock = (heading: BlockHeading, lineNo: number) => {
    close();
    body.blocks.push({ kind: 'agenda-item', title: heading.agendaItem.title, agendaItem: heading.agendaItem, workshop: heading.workshop, line: lineNo });
    block = body.blocks.length - 1;
    subheading = null;
  };

  /** A numbered line: the next paragraph, the next item of an embedded list, or a block heading. */
  const readNumbered = (m: RegExpExecArray, from: SourceLine) => {
    const { text, number: lineNo } = from;
    const n = Number(m.groups!.n);
    const rest = m.groups!.body!;
    const current = open;
    if (current?.list && n === current.list.next) {
      current.paragraph.embeddedList.push({ number: n, text: rest, line: lineNo, subItems: [] });
      appendLine(current, from);
      current.list.next += 1;
      return;
    }
    if (n === expected) {
      openParagraph(n, rest, lineNo, from);
      return;
    }
    const heading = readBlockHeading(rest, lex.language);
    if (heading) {
      openBlock(heading, lineNo);
      return;
    }
    if (current && !current.list && n === 1 && ENDS_WITH_COLON.test(lastLineOf(current))) {
      current.list = { next: 2 };
      current.paragraph.embeddedList.push({ number: 1, text: rest, line: lineNo, subItems: [] });
      appendLine(current, from);
      return;
    }
    if (n > expected && body.paragraphs.length + (open ? 1 : 0) > 0) {
      body.warnings.push(`line ${lineNo}: paragraph ${n} follows paragraph ${expected - 1}; paragraphs ${expected}–${n - 1} are missing`);
      openParagraph(n, rest, lineNo, from);
      return;
    }
    body.warnings.push(`line ${lineNo}: numbered line ${n} fits neither the paragraph sequence nor a list: "${text}"`);
    if (current) appendLine(current, from);
  };

  const line = (from: SourceLine) => {
    const { text, number: lineNo } = from;
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
      return;
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
      return;
    }

    if (readSubItem(from)) return;
    const lettered = LETTERED.exec(text);
    if (lettered?.groups) return readLettered(lettered, from);
    const numbered = NUMBERED.exec(text);
    if (numbered?.groups) return readNumbered(numbered, from);

    const current = open;
    // A further name under a bureau role ("Vice-Chairs: A (X)" then, indented, "B (Y)") continues the list, not a heading.
    if (current && !lastRecommendation && lex.bureauLine.test(lastBureauLine(current, lex)) && isPersonLine(text, lex)) {
      appendLine(current, from);
      return;
    }
    const previousEndsSentence = !current || (lex.sentenceEnd.test(lastLineOf(current)) && !ENDS_WITH_COLON.test(lastLineOf(current)));
    // An unnumbered heading in the label-first form ("Agenda item 3, “…”, and workshop 1, “…”").
    const unnumbered = previousEndsSentence && chapterHasRecommendations ? readBlockHeading(text, lex.language) : null;
    if (unnumbered?.labelFirst) {
      openBlock(unnumbered, lineNo);
      return;
    }
    if (previousEndsSentence && isSubheading(text, lex)) {
      close();
      subheading = text;
      return;
    }
    if (current) {
      if (lastRecommendation) appendToRecommendation(lastRecommendation, from);
      else appendLine(current, from);
      if (lex.recommendationsIntro.test(current.lines.join(lex.titleJoiner))) current.announcesRecommendations = true;
      return;
    }
    body.warnings.push(`line ${lineNo}: text outside any paragraph: "${text}"`);
  };

  const finish = () => {
    const last = open;
    if (last) {
      const tail = lastLineOf(last);
      if (/[；;，,、：:]$/.test(tail)) {
        const at = lastRecommendation ? lastRecommendation.line : last.paragraph.line;
        throw new ReportFormatError(`the text stops in the middle of a list (last item ends with "${tail.slice(-1)}")`, at, source);
      }
    }
    close();
  };

  return { line, close, finish };
}

/** The last line of the paragraph that is not a bare name under a bureau role. */
function lastBureauLine(o: OpenParagraph, lex: Lexicon): string {
  for (let k = o.lines.length - 1; k >= 0; k--) if (!isPersonLine(o.lines[k]!, lex)) return o.lines[k]!;
  return '';
}

/** A line that holds only "Name (affiliation)". */
function isPersonLine(text: string, lex: Lexicon): boolean {
  const m = new RegExp(`^${lex.personWithAffiliation.source}$`, 'u').exec(text.trim());
  return m !== null;
}

function isSubheading(text: string, lex: Lexicon): boolean {
  return text.length <= lex.maxSubheadingLength && !/[。．.；;：:，,、]$/.test(text) && !/[：:]/.test(text);
}

function stripQuotes(s: string): string {
  return s
    .replace(/^[“"「『]/, '')
    .replace(/[”"」』]$/, '')
    .trim();
}
