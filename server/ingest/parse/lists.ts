/**
 * Lists of names inside paragraphs: who spoke in each discussion block, and
 * who attended. The parser only finds where a list is and what role its
 * introduction gives; the extractor resolves the names against the gazetteer.
 */
import { ReportFormatError } from '../errors.ts';
import type { Lexicon } from './lexicon.ts';
import { lineAt, type AttendanceList, type AttendanceRole, type NameList, type Paragraph, type SpeakerList } from './types.ts';

interface ListHit {
  start: number;
  end: number;
  text: string;
  groups: Record<string, string | undefined>;
}

/** Every match of a cue in a paragraph; a cue whose list runs off the end of the paragraph is a truncated list. */
function listHits(paragraph: Paragraph, pattern: RegExp, source?: string): ListHit[] {
  const hits: ListHit[] = [];
  for (const m of paragraph.text.matchAll(new RegExp(pattern.source, pattern.flags))) {
    const span = m.indices?.groups?.list;
    if (!span || !m.groups) continue;
    if (m.groups.end === undefined) {
      throw new ReportFormatError(`the list in paragraph ${paragraph.number} is cut off (no sentence end after it)`, lineAt(paragraph, span[0]), source);
    }
    const text = paragraph.text.slice(span[0], span[1]);
    if (text.trim() === '') {
      throw new ReportFormatError(`the list in paragraph ${paragraph.number} is empty`, lineAt(paragraph, span[0]), source);
    }
    hits.push({ start: span[0], end: span[1], text, groups: m.groups });
  }
  return hits;
}

function nameList(paragraph: Paragraph, hit: ListHit): NameList {
  return { paragraph: paragraph.number, start: hit.start, end: hit.end, text: hit.text, line: lineAt(paragraph, hit.start) };
}

export function findSpeakerLists(paragraphs: readonly Paragraph[], lex: Lexicon, source?: string): SpeakerList[] {
  const lists: SpeakerList[] = [];
  for (const p of paragraphs) {
    if (p.block === null) continue;
    const taken: [number, number][] = [];
    for (const cue of lex.speakerCues) {
      for (const hit of listHits(p, cue.pattern, source)) {
        // The first (most specific) cue to claim a stretch of text wins.
        if (taken.some(([a, b]) => hit.start < b && a < hit.end)) continue;
        taken.push([hit.start, hit.end]);
        lists.push({ ...nameList(p, hit), role: cue.role, kind: cue.kind, block: p.block });
      }
    }
  }
  return lists.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
}

export function findAttendanceLists(paragraphs: readonly Paragraph[], lex: Lexicon, source?: string): AttendanceList[] {
  const lists: AttendanceList[] = [];
  for (const p of paragraphs) {
    const taken: [number, number][] = [];
    for (const cue of lex.attendanceCues) {
      for (const hit of listHits(p, cue.pattern, source)) {
        if (taken.some(([a, b]) => hit.start < b && a < hit.end)) continue;
        taken.push([hit.start, hit.end]);
        const role = cue.role === 'by-intro' ? roleFromIntro(hit.groups.intro ?? '', lex) : cue.role;
        if (role === null) continue;
        lists.push({ ...nameList(p, hit), role });
      }
    }
  }
  return lists.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
}

function roleFromIntro(intro: string, lex: Lexicon): AttendanceRole | null {
  for (const [words, role] of lex.attendanceRoleWords) if (words.test(intro)) return role;
  return null;
}
