/** The structure of a meeting report, as read from its text (no gazetteer involved yet). */
import type { FootnoteMark } from '../document/anchors.ts';

export type { FootnoteMark };

export type Language = 'zh' | 'en';

/** A 1-based line number in the source text, for provenance and error messages. */
export type LineNumber = number;

export interface SourceLine {
  number: LineNumber;
  /** The line with Markdown link debris removed and surrounding whitespace trimmed. */
  text: string;
  /** The line as written (tabs matter: they separate table columns). */
  raw: string;
  /** Where footnotes' marks stood in `text` (layout recovery took them out; `footnote` indexes the document's footnotes). */
  marks: FootnoteMark[];
}

export interface DateRange {
  startDate: string;
  endDate: string;
}

export interface CongressInfo extends Partial<DateRange> {
  number: number;
  /** The Congress's name as the report writes it. */
  name: string;
  venue: string | null;
}

export interface MeetingInfo extends DateRange {
  /** The meeting's name as the report writes it. */
  name: string;
  /** The region as the report writes it ("拉丁美洲和加勒比", "Latin American and Caribbean"). */
  region: string;
  venue: string;
}

export interface Chapter {
  /** 1-based ordinal (一 = 1, II = 2). */
  number: number;
  label: string;
  title: string;
  line: LineNumber;
}

export interface Section {
  chapter: number;
  letter: string;
  title: string;
  line: LineNumber;
}

/** A discussion block: the Congress theme, or a substantive agenda item paired with a workshop. */
export interface Block {
  kind: 'theme' | 'agenda-item';
  title: string;
  agendaItem: { number: number; title: string } | null;
  workshop: { number: number; title: string } | null;
  line: LineNumber;
}

/** An item of a numbered list embedded in a paragraph (the adopted agenda), with its lettered sub-items. */
export interface EmbeddedListItem {
  number: number;
  text: string;
  line: LineNumber;
  subItems: { letter: string; text: string; line: LineNumber }[];
}

export interface Paragraph {
  number: number;
  /** Lines of the paragraph joined by "\n" (recommendation items excluded: they are nodes of their own). */
  text: string;
  line: LineNumber;
  /** Source line of each "\n"-separated line of `text`. */
  lineNumbers: LineNumber[];
  chapter: number;
  /** "II.A": chapter ordinal in Roman numerals and section letter. */
  section: string;
  /** The unnumbered heading the paragraph sits under ("审议情况概要", "Summary of deliberations"), if any. */
  subheading: string | null;
  /** Index into ReportStructure.blocks, or null outside the discussion. */
  block: number | null;
  embeddedList: EmbeddedListItem[];
  /** The footnotes whose marks stand in `text`, with the offset each stood at. */
  footnotes: FootnoteMark[];
}

export interface Recommendation {
  paragraph: number;
  letter: string;
  text: string;
  line: LineNumber;
  block: number | null;
  /** The footnotes whose marks stand in `text`, with the offset each stood at. */
  footnotes: FootnoteMark[];
}

/** A stretch of a paragraph's text that lists names; the extractor resolves them against the gazetteer. */
export interface NameList {
  paragraph: number;
  /** Offsets of the list inside the paragraph's text. */
  start: number;
  end: number;
  text: string;
  line: LineNumber;
}

/** `president`: the president or chair of an organisation spoke; `head`: its director, executive director or secretary-general. */
export type SpeakerRole = 'representative' | 'observer' | 'president' | 'head';
export type SpeakerKind = 'state' | 'organization' | 'any';

export interface SpeakerList extends NameList {
  role: SpeakerRole;
  kind: SpeakerKind;
  block: number | null;
}

export type AttendanceRole = 'member' | 'observer' | 'un-entity' | 'institute' | 'ngo' | 'igo' | 'specialized-agency';

export interface AttendanceList extends NameList {
  role: AttendanceRole;
}

export type BureauRole = 'chair' | 'vice-chair' | 'rapporteur';

export interface PersonReference {
  name: string;
  /** The parenthesised affiliation as written ("哥斯达黎加", "拉丁美洲预防犯罪和罪犯待遇研究所所长"). */
  affiliation: string;
  paragraph: number;
  /** Offsets of the name inside the paragraph's text. */
  start: number;
  end: number;
  line: LineNumber;
}

export interface BureauMember extends PersonReference {
  role: BureauRole;
}

export interface PresidingStatement extends PersonReference {
  act: 'presided' | 'opened' | 'closed';
  onBehalfOf: PersonReference | null;
}

export interface AnnexDocument {
  symbols: string[];
  title: string;
  line: LineNumber;
}

/** The source line holding a given offset of a paragraph's text. */
export function lineAt(paragraph: Paragraph, offset: number): LineNumber {
  const before = paragraph.text.slice(0, offset).split('\n').length - 1;
  return paragraph.lineNumbers[before] ?? paragraph.line;
}

export interface ReportStructure {
  language: Language;
  title: string;
  congress: CongressInfo;
  meeting: MeetingInfo;
  chapters: Chapter[];
  sections: Section[];
  blocks: Block[];
  paragraphs: Paragraph[];
  recommendations: Recommendation[];
  speakerLists: SpeakerList[];
  attendance: AttendanceList[];
  bureau: BureauMember[];
  presiding: PresidingStatement[];
  /** The agenda the meeting adopted (the numbered list inside its paragraph). */
  agenda: { paragraph: number; items: EmbeddedListItem[] } | null;
  annex: AnnexDocument[];
  /** Things the parser could read but not place (letters out of order, stray lines). */
  warnings: string[];
}
