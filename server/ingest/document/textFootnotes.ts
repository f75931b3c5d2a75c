/**
 * Footnotes in plain text: text extracted from a PDF (pdftotext's output, pages split by
 * form feeds) or pasted from one, where nothing but the words says what is a footnote. Pure.
 *
 * How a UN document sets a footnote (Editorial Manual of the United Nations, "Footnotes";
 * the Department for General Assembly and Conference Management's document layouts): at
 * the foot of the page that refers to it, below the text (and above the job-number footer),
 * each note starting with its marker: numbers 1, 2, 3 … running through the document, or
 * *, **, *** (a note on the title or the symbol, such as "* Reissued for technical
 * reasons"), or † ‡; the marker is also set raised right after the word or punctuation the
 * note belongs to, in the text of the same page. Extracted as plain text, the raised marker
 * is glued to the word before it ("the Convention1 and", "公约1，") and the note is a line
 * "1 See A/CONF.234/16, para. 3." at the page's end. pdftotext (poppler) also writes a
 * raised mark set off by a space ("the Convention 1 and", "issued. 1"), and, where the
 * notes hang from their markers, the markers in a column of their own above the notes'
 * texts ("1", "2", blank, "See …", "General Assembly …"): both are read too.
 *
 * A footnote is recognised only when the two agree, so an ordinary paragraph, a list line
 * or a line that wrapped before a number is never taken for one:
 * - the block: lines at the foot of a page (nothing but blank lines and page furniture
 *   after them before the next page; in text without page breaks, a block set off by
 *   blank lines), each note starting with its marker and a space, the numbers following
 *   on from the document's last note, a note's wrapped lines going on until it ends a
 *   sentence; a separator rule above it ("__________") goes with it. In the column form,
 *   lines holding only markers (following on), then the notes' texts to the page's foot,
 *   each ending a sentence, exactly one per marker;
 * - the marks: every note's marker glued after a word or punctuation in the text of the
 *   same page above the block — not a number of the text (a decimal, a document symbol's
 *   "A/CONF.234/16", "para.3", "G20", a Chinese ordinal 第15 or a number with its
 *   measure word 15个, 2月). A mark set off by a space is weaker evidence and is taken only
 *   where no glued one stands: after punctuation or a word that is neither a function
 *   word ("from 10 to 12") nor a noun that takes a number ("article 5", "Goal 16"), and
 *   followed by punctuation, the line's end or (in Latin text) a space; in Chinese text
 *   only before punctuation or the line's end (Chinese sets spaces around its numbers:
 *   "第 56/119 号决议").
 * Where a note's marker could stand in more than one place of its page, the note is set
 * apart but no mark is taken out of the text, and a warning says so.
 */
import { anchor, MAX_FOOTNOTES } from './anchors.ts';
import type { Footnote, RawLine } from './types.ts';

export interface TextFootnotes {
  /** Every line's text, the marks of the footnotes found replaced by their anchors (anchors.ts). */
  texts: string[];
  /** The lines that hold footnotes (and a separator rule above them): not the report's text. */
  taken: Set<number>;
  /** The footnotes found, in order; the first is footnote number `first` of the document (its anchor's index). */
  footnotes: Footnote[];
  warnings: string[];
}

/** A note's first line: its marker, a space, the note. */
const NOTE_START = /^(?<marker>\d{1,3}|\*{1,3}|†{1,2}|‡{1,2})[ \t]+(?<rest>\S.*)$/;
/** A line holding only a note's marker (pdftotext's column of hanging markers). */
const MARKER_ONLY = /^(?<marker>\d{1,3}|\*{1,3}|†{1,2}|‡{1,2})$/;
const SEPARATOR = /^[_\-–—=]{5,}$/;
/** A note ends with a sentence (a closing quote or bracket may follow). */
const NOTE_END = /[.。!！?？][”’"」』）)]?$/;
/** Where a glued mark may stand after: a letter (Latin, Han, any script), or closing punctuation. */
const BEFORE_MARK = /[\p{L}\p{M}.,;:)\]”’"»」』》）。，；：、!?！？]/u;
/** What may follow a mark: the end, a space, punctuation; a Han character (a weaker sign). */
const AFTER_MARK = /^(?:$|[\s.,;:)\]。，；：、）”’"»」』》!?！？])/u;
const HAN = /^\p{Script=Han}/u;
/**
 * Chinese measure words and units that follow a number of the text (15个, 2月, 3日, 第5段):
 * a number so followed is a quantity or a date, never a footnote's mark.
 */
const MEASURE_WORDS = new Set([...'年月日时点分秒个名位项次届段条款章节号页%％岁人国家亿万千百十次件份起例倍天周批类种部所座期轮场届号册卷']);
/** Abbreviations written before a number (Editorial Manual of the United Nations): "para.3" is a reference, not a mark. */
const ABBREVIATIONS = new Set([
  'no',
  'nos',
  'para',
  'paras',
  'add',
  'rev',
  'corr',
  'suppl',
  'vol',
  'art',
  'arts',
  'p',
  'pp',
  'sect',
  'chap',
  'ch',
  'fig',
  'op',
  'cit',
  'ibid',
  'ed',
  'eds',
  'annex',
  'sess',
  'res',
]);
/**
 * Words after which a number set off by a space belongs to the text: function words ("from
 * 10 to 12 March", "of 2 years") and nouns that take a number ("article 5", "Goal 16",
 * "workshop 2", "resolution 79/243"), English; compared in lower case.
 */
const BEFORE_NUMBER = new Set([
  ...[
    'a',
    'an',
    'the',
    'of',
    'to',
    'from',
    'by',
    'in',
    'on',
    'at',
    'for',
    'with',
    'and',
    'or',
    'nor',
    'than',
    'about',
    'some',
    'over',
    'under',
    'between',
    'among',
    'nearly',
    'almost',
    'only',
    'per',
    'all',
    'including',
    'until',
    'since',
    'approximately',
    'around',
    'up',
    'least',
    'most',
    'more',
    'less',
    'fewer',
    'into',
    'each',
    'every',
    'no',
    'number',
    'numbers',
    'were',
    'was',
    'is',
    'are',
    'be',
    'been',
    'its',
    'their',
    'his',
    'her',
    'first',
    'last',
    'top',
    'phase',
    'level',
    'tier',
    'step',
    'option',
    'group',
    'session',
    'meeting',
    'meetings',
  ],
  ...[
    'paragraph',
    'paragraphs',
    'article',
    'articles',
    'chapter',
    'chapters',
    'section',
    'sections',
    'annex',
    'annexes',
    'item',
    'items',
    'workshop',
    'workshops',
    'resolution',
    'resolutions',
    'decision',
    'decisions',
    'rule',
    'rules',
    'principle',
    'principles',
    'goal',
    'goals',
    'target',
    'targets',
    'indicator',
    'page',
    'pages',
    'volume',
    'table',
    'figure',
    'part',
    'box',
    'appendix',
    'protocol',
    'recommendation',
    'recommendations',
    'congress',
    'conference',
    'committee',
    'commission',
    'report',
    'footnote',
    'note',
    'year',
    'years',
  ],
]);
/** Characters of a document symbol or code run: a number inside one with a slash ("E/CN.15/2025/L.3") is part of it. */
const SYMBOL_CHAR = /[A-Za-z0-9./()-]/;

interface Segment {
  /** Line indices of one page's text, in order (blank lines included, furniture not). */
  lines: number[];
  /** The page (as the reader counted pages: form feeds). */
  page: number;
}

/** Notes read at a page's foot: `end` is where the block stops (the segment's length: the page's end), `blankAfter` whether a blank line follows it. */
interface NoteBlock {
  notes: Note[];
  end: number;
  blankAfter: boolean;
}

interface Note {
  marker: string;
  /** Line indices of the note (its first and its wrapped lines). */
  lines: number[];
  texts: string[];
}

/**
 * Find the footnotes of a text document's lines.
 * `furniture[k]`: line k is page furniture (a running header, a job-number footer, a page
 * number): a page's edge. `first`: how many footnotes the document already has (their
 * anchors' indices come first). `join`: how the document joins a note's wrapped lines.
 */
export function findTextFootnotes(lines: readonly RawLine[], furniture: readonly boolean[], first: number, join: (texts: string[]) => string): TextFootnotes {
  const texts = lines.map((l) => l.text);
  const taken = new Set<number>();
  const footnotes: Footnote[] = [];
  const warnings: string[] = [];
  let lastNumber: number | null = null;

  for (const segment of segments(lines, furniture)) {
    const seg = segment.lines;
    let from = 0; // the page's text starts here (after a block already found in it)
    for (let s = 0; s < seg.length; s++) {
      const head = texts[seg[s]!]!.trim();
      const block: NoteBlock | null = NOTE_START.test(head)
        ? readBlock(seg, s, texts, lastNumber)
        : MARKER_ONLY.test(head)
          ? readColumnBlock(seg, s, texts, lastNumber)
          : null;
      if (!block) continue;
      // A block that does not reach the page's end must be set off by blank lines on both sides.
      const before = s > 0 ? texts[seg[s - 1]!]!.trim() : '';
      const setOff = s === 0 || before === '' || SEPARATOR.test(before);
      if (block.end < seg.length && !(setOff && block.blankAfter)) continue;
      const page = seg.slice(from, s).filter((k) => !taken.has(k));
      const found = block.notes.map((n) => findMark(n.marker, page, texts));
      if (found.some((f) => f.length === 0)) continue;
      if (footnotes.length + first + block.notes.length > MAX_FOOTNOTES) break;

      const replacements: { line: number; at: number; length: number; index: number }[] = [];
      for (const [i, note] of block.notes.entries()) {
        const index = first + footnotes.length;
        footnotes.push({ marker: note.marker, text: join(note.texts), page: lines[note.lines[0]!]!.page });
        for (const k of note.lines) taken.add(k);
        const mark = pick(found[i]!);
        if (mark) replacements.push({ line: mark.line, at: mark.at, length: mark.length, index });
        else {
          const where = lines[found[i]![0]!.line]!;
          warnings.push(
            `line ${where.line ?? found[i]![0]!.line + 1}: the mark of footnote ${note.marker} could stand in ${found[i]!.length} places on its page; the note is set apart, the text left as it is`,
          );
        }
        if (/^\d+$/.test(note.marker)) lastNumber = Number(note.marker);
      }
      // Right to left, so that a replacement does not move the places still to be replaced.
      for (const r of replacements.sort((a, b) => a.line - b.line || b.at - a.at)) {
        texts[r.line] = texts[r.line]!.slice(0, r.at) + anchor(r.index) + texts[r.line]!.slice(r.at + r.length);
      }
      if (s > 0 && SEPARATOR.test(texts[seg[s - 1]!]!.trim())) taken.add(seg[s - 1]!);
      from = block.end;
      s = block.end - 1;
    }
  }
  return { texts, taken, footnotes, warnings };
}

/** The document's pages as runs of text lines: split at page changes (form feeds) and at furniture. */
function segments(lines: readonly RawLine[], furniture: readonly boolean[]): Segment[] {
  const out: Segment[] = [];
  let current: Segment | null = null;
  for (const [k, l] of lines.entries()) {
    if (furniture[k]) {
      current = null;
      continue;
    }
    if (!current || current.page !== l.page) {
      current = { lines: [], page: l.page };
      out.push(current);
    }
    current.lines.push(k);
  }
  // Blank lines at a page's end are its margin: the page's text ends at its last written line.
  for (const s of out) while (s.lines.length > 0 && lines[s.lines[s.lines.length - 1]!]!.text.trim() === '') s.lines.pop();
  return out;
}

/**
 * The notes from `seg[s]` on: `end` is where the block stops (seg.length: the page's end),
 * `blankAfter` whether a blank line stands between the block and what follows. Null when
 * the markers do not follow on (numbers one by one from the document's last; symbols not twice).
 */
function readBlock(seg: readonly number[], s: number, texts: readonly string[], lastNumber: number | null): NoteBlock | null {
  const notes: Note[] = [];
  let number = lastNumber;
  let blank = false;
  let k = s;
  for (; k < seg.length; k++) {
    const t = texts[seg[k]!]!.trim();
    if (t === '') {
      blank = true;
      continue;
    }
    const start = NOTE_START.exec(t);
    const current = notes[notes.length - 1];
    if (start?.groups && followsOn(start.groups.marker!, number, notes)) {
      const marker = start.groups.marker!;
      if (/^\d+$/.test(marker)) number = Number(marker);
      notes.push({ marker, lines: [seg[k]!], texts: [start.groups.rest!] });
    } else if (current && !blank && !NOTE_END.test(current.texts[current.texts.length - 1]!)) {
      current.lines.push(seg[k]!);
      current.texts.push(t);
    } else break;
    blank = false;
  }
  if (notes.length === 0) return null;
  // Trailing blank lines were skipped over: the block ends before them.
  let end = k;
  while (end > s && texts[seg[end - 1]!]!.trim() === '') end--;
  return { notes, end, blankAfter: end < k || k === seg.length };
}

/**
 * The column form from `seg[s]`: lines holding only markers (following on), then, after any
 * blank lines, the notes' texts down to the page's foot, split where a line ends a sentence;
 * null unless they make exactly one note per marker and reach the page's foot.
 */
function readColumnBlock(seg: readonly number[], s: number, texts: readonly string[], lastNumber: number | null): NoteBlock | null {
  const notes: Note[] = [];
  let number = lastNumber;
  let k = s;
  for (; k < seg.length; k++) {
    const m = MARKER_ONLY.exec(texts[seg[k]!]!.trim());
    if (!m?.groups || !followsOn(m.groups.marker!, number, notes)) break;
    const marker = m.groups.marker!;
    if (/^\d+$/.test(marker)) number = Number(marker);
    notes.push({ marker, lines: [seg[k]!], texts: [] });
  }
  let note = 0;
  for (; k < seg.length; k++) {
    const t = texts[seg[k]!]!.trim();
    if (t === '') continue;
    if (note >= notes.length) return null;
    notes[note]!.lines.push(seg[k]!);
    notes[note]!.texts.push(t);
    if (NOTE_END.test(t)) note++;
  }
  if (note !== notes.length) return null;
  return { notes, end: seg.length, blankAfter: true };
}

function followsOn(marker: string, number: number | null, notes: readonly Note[]): boolean {
  if (/^\d+$/.test(marker)) return number === null ? Number(marker) >= 1 : Number(marker) === number + 1;
  return !notes.some((n) => n.marker === marker);
}

interface Candidate {
  line: number;
  /** Where the mark starts (a space before a set-off mark included). */
  at: number;
  /** How many characters the mark takes (the marker, and the space before a set-off one). */
  length: number;
  /** Followed by punctuation, a space or the line's end (not a Han character). */
  strong: boolean;
  /** Glued to what stands before it (not set off by a space). */
  glued: boolean;
}

/** Where `marker` stands glued after a word or punctuation in the given lines (their text as it is now). */
function findMark(marker: string, lineIndices: readonly number[], texts: readonly string[]): Candidate[] {
  const out: Candidate[] = [];
  const numeric = /^\d+$/.test(marker);
  for (const k of lineIndices) {
    const t = texts[k]!;
    for (let at = t.indexOf(marker, 1); at !== -1; at = t.indexOf(marker, at + 1)) {
      const before = t[at - 1]!;
      const after = t.slice(at + marker.length);
      if (before === ' ' && at >= 2) {
        if (setOffMark(t, at, marker)) out.push({ line: k, at: at - 1, length: marker.length + 1, strong: true, glued: false });
        continue;
      }
      if (/\s/.test(before) || (!AFTER_MARK.test(after) && !HAN.test(after))) continue;
      if (numeric ? !numberMark(t, at, marker.length) : before === marker[0] || after[0] === marker[0]) continue;
      out.push({ line: k, at, length: marker.length, strong: AFTER_MARK.test(after), glued: true });
    }
  }
  return out;
}

/** Is `marker` at t[at] (a space before it) a raised mark pdftotext set off by a space? See the module's note. */
function setOffMark(t: string, at: number, marker: string): boolean {
  const before = t[at - 2]!;
  const after = t.slice(at + marker.length);
  if (/\s/.test(before) || before === marker[0] || after[0] === marker[0]) return false;
  // A symbol's note ("*") may stand after anything written ("A/CONF.241/RPM.1/1 *"); a number only after a word or punctuation.
  if (/^\d+$/.test(marker) && !BEFORE_MARK.test(before)) return false;
  const chinese = /[\p{Script=Han}。，；：、）》」』]/u.test(before);
  if (!/^(?:$|[.,;:)\]。，；：、）”’"»」』》!?！？])/u.test(after) && (chinese || !/^ /.test(after))) return false;
  if (!/^\d+$/.test(marker)) return true;
  if (/\d/.test(before)) return false;
  const word = /(\p{L}+)$/u.exec(t.slice(0, at - 1))?.[1];
  if (word !== undefined && (BEFORE_NUMBER.has(word.toLowerCase()) || ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}{1,3}$/u.test(word))) return false;
  if (before === '.' && word !== undefined && (word.length < 2 || ABBREVIATIONS.has(word.toLowerCase()))) return false;
  return true;
}

/** Is the number at t[at, at+len) a footnote's mark rather than a number of the text? */
function numberMark(t: string, at: number, len: number): boolean {
  const before = t[at - 1]!;
  const after = t[at + len] ?? '';
  if (/\d/.test(before) || /\d/.test(after)) return false;
  if (!BEFORE_MARK.test(before)) return false;
  if (before === '第' || MEASURE_WORDS.has(after)) return false;
  // A decimal or a thousands separator ("3.5", "1,000"), a time ("10:30").
  if (/[.,:]/.test(before) && /\d/.test(t[at - 2] ?? '')) return false;
  // After a full stop only at a sentence's end, not after an abbreviation or an initial ("para.3", "L.3").
  if (before === '.') {
    const word = /(\p{L}+)\.$/u.exec(t.slice(0, at))?.[1] ?? '';
    if (word.length < 2 || ABBREVIATIONS.has(word.toLowerCase())) return false;
  }
  // Inside a document symbol or a code run with a slash ("A/CONF.234/16", "E/CN.15/2025/L.3").
  let a = at;
  while (a > 0 && SYMBOL_CHAR.test(t[a - 1]!)) a--;
  let b = at + len;
  while (b < t.length && SYMBOL_CHAR.test(t[b]!)) b++;
  if (t.slice(a, b).includes('/')) return false;
  // A code of one to three capitals and a number ("G20", "CO2", "SDG16").
  if (/(?:^|[^\p{L}])\p{Lu}{1,3}$/u.test(t.slice(0, at))) return false;
  return true;
}

/** The one place a mark stands: among the glued candidates (or, if none, the set-off ones), the only one, or the only one followed by punctuation or a space. */
function pick(all: readonly Candidate[]): Candidate | null {
  const glued = all.filter((c) => c.glued);
  const candidates = glued.length > 0 ? glued : all;
  if (candidates.length === 1) return candidates[0]!;
  const strong = candidates.filter((c) => c.strong);
  return strong.length === 1 ? strong[0]! : null;
}
