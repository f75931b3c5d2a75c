/**
 * Layout recovery: a UN document's lines as a reader laid them out (pages, wrapped
 * lines, running headers and footers, a masthead, a contents page with leaders, an
 * annex table) → the layout the report parser reads: one line per heading, paragraph,
 * list item, contents entry ("title<TAB>page") and annex row ("symbol<TAB>title"). Pure.
 *
 * What it knows comes from what a UN parliamentary document is (the Editorial Manual
 * of the United Nations and the document layouts of the Department for General
 * Assembly and Conference Management), never from one report's text:
 * - the masthead on the first page: "United Nations" / "联合国", the organ, the
 *   document symbol, "Distr.: General", the date, the language lines ("Original: …");
 * - page furniture: the symbol as running header, the job number footer
 *   (`V.25-02177 (C)`, `25-02177 (E) 070325 100325`, the `*2502177*` barcode line),
 *   page numbers (`3/16`, `- 3 -`, a bare number beside other furniture), and, when
 *   the pages are known, any short line that comes back at a page's edge on a third
 *   of the pages;
 * - a contents page: entries closed by a dot leader, a tab or a page number, an entry
 *   wrapped over lines, the page column's heading;
 * - the body: a paragraph, list item or heading starts at its marker ("12.", "(a)",
 *   "- (b)", "II.", "三.", "B."); a line that wrapped goes on on the next line: joined
 *   without a space in Chinese, with one in Latin script (a word broken at a hyphen is
 *   rejoined: without the hyphen where the document writes the word whole elsewhere);
 *   page breaks fall anywhere, between a paragraph and its list or inside a sentence;
 * - the annex's list of documents: symbol, separator (tab, leader or spaces), title,
 *   the title wrapped over lines.
 *
 * Where a line ends a paragraph and where it wrapped is told by, in this order: a
 * marker on the next line; the reader's own knowledge (a Word paragraph; a blank line
 * the PDF reader put where the space between lines is wider); the words (a line that
 * stops at a comma, or one whose next line starts in lower case, goes on); and the
 * line's width (a line that reaches the text column's right edge wrapped). Text whose
 * lines are mostly of one width (pdftotext's output, a file wrapped at 80 columns) is
 * read as wrapped; text with one paragraph per line is left as it is.
 *
 * Footnotes: those the reader told apart (a PDF's small type at a page's foot, a Word
 * file's notes) come with anchors where their marks stood (anchors.ts); in a text
 * document they are found here (textFootnotes.ts: the foot-of-page block and the marks
 * glued in that page's text must agree). Either way the anchors travel with the words
 * through joining and come out of each recovered line as `marks`, offsets into its text.
 */
import { CHINESE, ENGLISH } from '../parse/lexicon.ts';
import { keepAnchors, stripAnchors, takeAnchors, type FootnoteMark } from './anchors.ts';
import { findTextFootnotes } from './textFootnotes.ts';
import type { Footnote, RawDocument, RawLine } from './types.ts';

export interface RecoveredLine {
  /** The unit's text, without footnote marks. */
  text: string;
  /** 1-based line of the document's extracted text (RawDocument.lines) the unit starts on. */
  line: number;
  page: number;
  /** Where the marks of footnotes stood in `text` (indices into RecoveredDocument.footnotes). */
  marks: FootnoteMark[];
}

export interface RecoveredDocument {
  lines: RecoveredLine[];
  /** The reader's footnotes, then those found in a text document's pages. */
  footnotes: Footnote[];
  /** The page furniture and masthead lines taken out, as found (for the summary and the tests). */
  removed: string[];
  /** What recovery could not settle (a footnote's mark that could stand in several places). */
  warnings: string[];
}

interface Line extends RawLine {
  /** The line's text without footnote anchors: what every judgement of the layout reads. */
  text: string;
  /** The same with the anchors (anchors.ts): what is joined into units. */
  marked: string;
  n: number;
  /** A page break (and any furniture) stands between this line and the one before. */
  afterPageBreak: boolean;
  /** A blank line (or the end of a Word paragraph) stands between this line and the one before. */
  afterBlank: boolean;
  /** Display width of the line as laid out (before spread spacing was squeezed). */
  width: number;
}

const HAN = /[\u2E80-\u9FFF\uF900-\uFAFF\u3400-\u4DBF]/;
const CJK_ANY = /[\u2E80-\u9FFF\uF900-\uFAFF\u3400-\u4DBF\u3000-\u303F\uFF00-\uFFEF“”‘’《》]/;
const LEXICONS = [CHINESE, ENGLISH];

// ── Markers that start a unit ──
const PARAGRAPH_MARK = /^\d{1,3}\s*[.．](?!\d)\s*\S/;
const LETTER_MARK = /^(?:[-–—•*]\s*)?[（(](?:[a-z]{1,2}|[ivx]{1,5})[)）]/;
const CHAPTER_MARK = /^(?:[IVXL]{1,6}\.\s+\S|[一二三四五六七八九十]{1,3}\s*[.．、]\s*\S)/;
const SECTION_MARK = /^[A-Z]\s*[.．]\s+\S/;
const BULLET_MARK = /^[-–•]\s+\S/;
/** A sentence's end (not a clause's: a list item ends with a semicolon, a lead-in with a colon). */
const SENTENCE_END = /[.。!！?？][”’"）)]?$/;
const headingMark = (t: string) => CHAPTER_MARK.test(t) || SECTION_MARK.test(t);
// A bureau line ("主席：…", "Rapporteur: …") starts an item of the list of officers.
const marked = (t: string) =>
  PARAGRAPH_MARK.test(t) || LETTER_MARK.test(t) || headingMark(t) || BULLET_MARK.test(t) || LEXICONS.some((lex) => lex.bureauLine.test(t));

const known = (t: string, key: 'annexHeading' | 'documentListHeading' | 'tocHeading' | 'pageHeader') => LEXICONS.some((lex) => lex[key].test(t));
const standalone = (t: string) => known(t, 'annexHeading') || known(t, 'documentListHeading') || known(t, 'tocHeading');

// ── Furniture and masthead ──
/** A UN document symbol: series symbols separated by slashes (A/CONF.241/RPM.2/1, E/CN.15/2025/L.3/Add.1, CTOC/COP/2024/15). */
const SYMBOL = String.raw`[A-Z][A-Z0-9]*(?:\.[A-Z0-9]+)*(?:\/[A-Za-z0-9][A-Za-z0-9.()-]*)+`;
const SYMBOL_LINE = new RegExp(`^${SYMBOL}$`);
const JOB_NUMBER = /^(?:[A-Z]{1,3}\.)?\d{2}-\d{5}\s*(?:\([A-Z]\))?(?:\s+\d{6}){0,2}$/;
const BARCODE = /^\*\d{6,8}\*$/;
const PAGE_OF = /^(?:\d{1,3}\s*\/\s*\d{1,3}|[-–—]\s*\d{1,3}\s*[-–—]|(?:Page|第)\s*\d{1,3}(?:\s*页)?(?:\s*(?:of|\/)\s*\d{1,3})?)$/i;
const BARE_NUMBER = /^\d{1,3}$/;
const RECYCLE = /^(?:Please recycle|请回收|♲)\s*♲?$/i;
const DATE_STAMPS = /^\d{6}(?:\s+\d{6})*$/;

const MASTHEAD = [
  /^(?:United Nations|Nations Unies|联\s*合\s*国|Naciones Unidas|Организация Объединенных Наций|الأمم المتحدة)$/,
  /^(?:General Assembly|Economic and Social Council|Security Council|Secretariat|大\s*会|经济及社会理事会|安全理事会|秘书处)$/,
  /^Distr\.\s*:?\s*(?:General|Limited|Restricted|Générale|Limitée)$/i,
  /^(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\s+\d{1,2},\s+\d{4}|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)$/,
  /^(?:Arabic|Chinese|English|French|Russian|Spanish|中\s*文|英\s*文|法\s*文|俄\s*文|西班牙文|阿拉伯文)$/,
  /^(?:Original\s*:\s*\S.*|原\s*文\s*[：:]\s*\S.*)$/i,
  /^(?:Advance unedited version|预发未编辑稿)$/i,
];

/** Recover the parser's layout from a document's lines. */
export function recoverLayout(doc: RawDocument): RecoveredDocument {
  const removed: string[] = [...(doc.removed ?? [])];
  const footnotes: Footnote[] = [...doc.footnotes];
  const warnings: string[] = [];
  const plain: RawDocument = { ...doc, lines: doc.lines.map((l) => ({ ...l, text: stripAnchors(l.text) })) };
  const habits = documentHabits(plain.lines.map((l) => l.text));
  const lines = withBreaks(doc.lines, plain, habits, removed, footnotes, warnings);
  const out: RecoveredLine[] = [];

  let i = skipMasthead(lines, removed, habits.symbols);
  const tocAt = findContents(lines, i);
  const firstHeading = lines.findIndex((l, k) => k >= i && CHAPTER_MARK.test(l.text.trim()));
  const frontEnd = tocAt ?? (firstHeading === -1 ? i : firstHeading);

  // The title page: its spacing is layout (blank lines go); lines join only where the words or the width say they wrapped.
  const front = units(lines.slice(i, frontEnd), { habits, mode: 'front', wrapped: false });
  out.push(...front);
  i = frontEnd;

  if (tocAt !== null) {
    const toc = readContents(lines, tocAt, habits);
    out.push(...toc.lines);
    i = toc.end;
  }

  const annexAt = lines.findIndex(
    (l, k) => k >= i && known(l.text.trim(), 'annexHeading') && lines.slice(k + 1, k + 4).some((m) => known(m.text.trim(), 'documentListHeading')),
  );
  const bodyEnd = annexAt === -1 ? lines.length : annexAt;
  const wrapped = looksWrapped(plain);
  out.push(...units(lines.slice(i, bodyEnd), { habits, mode: 'body', wrapped }));
  if (annexAt !== -1) out.push(...readAnnex(lines.slice(annexAt), habits));
  const recovered = (wrapped ? restoreHyphens(out) : out).map((l) => ({ ...l, ...takeAnchors(l.text) }));
  return { lines: recovered, footnotes, removed, warnings };
}

/**
 * The extracted text's lines with page furniture out and what stood between two lines recorded
 * on the second; in a text document, its footnotes found and taken out (added to `footnotes`).
 */
function withBreaks(marked: readonly RawLine[], doc: RawDocument, habits: Habits, removed: string[], footnotes: Footnote[], warnings: string[]): Line[] {
  const raw = doc.lines;
  const pages = doc.pages;
  const symbols = ownSymbols(raw.map((l) => l.text));
  const repeated = repeatedAtPageEdges(raw, pages, doc.format);
  const isFurniture = (k: number): boolean => {
    const text = raw[k]!.text.trim();
    if (text === '') return false;
    if (repeated.has(k)) return true;
    const pieces = text
      .split(/\t|\s{3,}/)
      .map((p) => p.trim())
      .filter((p) => p !== '');
    const furniturePiece = (p: string) =>
      (SYMBOL_LINE.test(p) && symbols.has(p)) || JOB_NUMBER.test(p) || BARCODE.test(p) || PAGE_OF.test(p) || RECYCLE.test(p) || DATE_STAMPS.test(p);
    if (pieces.every(furniturePiece)) return true;
    if (pieces.length > 1 && pieces.every((p) => furniturePiece(p) || BARE_NUMBER.test(p))) return true;
    return false;
  };
  const furniture = raw.map((_, k) => isFurniture(k));
  // A bare page number beside other furniture (or alone at a page's edge) is furniture too.
  for (let k = 0; k < raw.length; k++) {
    if (furniture[k] || !BARE_NUMBER.test(raw[k]!.text.trim())) continue;
    const near = [k - 2, k - 1, k + 1, k + 2].some((j) => j >= 0 && j < raw.length && furniture[j] && raw[j]!.page === raw[k]!.page);
    const edge = pages > 1 && (raw[k - 1]?.page !== raw[k]!.page || raw[k + 1]?.page !== raw[k]!.page);
    if (near || edge) furniture[k] = true;
  }

  let texts = marked.map((l) => l.text);
  let notes = new Set<number>();
  if (doc.format === 'text') {
    const found = findTextFootnotes(raw, furniture, footnotes.length, (t) => joinTexts(t, habits));
    ({ texts, taken: notes } = found);
    footnotes.push(...found.footnotes);
    warnings.push(...found.warnings);
  }

  const out: Line[] = [];
  let blank = false;
  let pageBreak = false;
  for (let k = 0; k < raw.length; k++) {
    const l = raw[k]!;
    if (out.length > 0 && l.page !== out[out.length - 1]!.page) pageBreak = true;
    if (furniture[k]) {
      removed.push(l.text.trim());
      pageBreak = true;
      continue;
    }
    // A footnote stands at a page's foot: the text after it is the next page's.
    if (notes.has(k)) {
      pageBreak = true;
      continue;
    }
    const withMarks = keepAnchors(texts[k]!, (t) => tidyMarker(squeezeLetterSpacing(t.replace(/\s+$/, ''))).trim());
    const text = stripAnchors(withMarks);
    if (text === '') {
      blank = true;
      continue;
    }
    // Blank lines beside a page break are the page's margins, not a paragraph's end.
    out.push({
      ...l,
      text,
      marked: withMarks,
      n: l.line ?? k + 1,
      afterPageBreak: pageBreak,
      afterBlank: (blank && !pageBreak) || l.paragraph === true,
      width: displayWidth(l.text.trim()),
    });
    blank = false;
    pageBreak = false;
  }
  return out;
}

/** Symbols that stand alone on a line more than once, or in the first lines: the document's own, its running header. */
function ownSymbols(texts: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const [k, t] of texts.entries()) {
    for (const piece of t.split(/\t|\s{3,}/).map((p) => p.trim())) {
      if (!SYMBOL_LINE.test(piece)) continue;
      counts.set(piece, (counts.get(piece) ?? 0) + (k < 12 ? 2 : 1));
    }
  }
  return new Set([...counts].filter(([, n]) => n >= 2).map(([s]) => s));
}

/**
 * When the pages are known but not their geometry (text with form feeds, as pdftotext writes
 * it): a short line that comes back, digits aside, as the first (or the last) line of most
 * pages is a running header (or footer). The PDF reader finds these by position itself.
 */
function repeatedAtPageEdges(raw: readonly RawLine[], pages: number, format: RawDocument['format']): Set<number> {
  const out = new Set<number>();
  if (pages < 3 || format !== 'text') return out;
  const byPage = new Map<number, number[]>();
  for (const [k, l] of raw.entries()) {
    if (l.text.trim() === '') continue;
    if (!byPage.has(l.page)) byPage.set(l.page, []);
    byPage.get(l.page)!.push(k);
  }
  const key = (k: number) => raw[k]!.text.trim().replace(/\d+/g, '#').replace(/\s+/g, ' ');
  for (const edge of ['first', 'last'] as const) {
    const seen = new Map<string, number[]>();
    for (const ks of byPage.values()) {
      const k = edge === 'first' ? ks[0]! : ks[ks.length - 1]!;
      if (raw[k]!.text.trim().length > 60 || marked(raw[k]!.text.trim())) continue;
      if (!seen.has(key(k))) seen.set(key(k), []);
      seen.get(key(k))!.push(k);
    }
    for (const ks of seen.values()) if (ks.length >= Math.max(3, pages * 0.6)) for (const k of ks) out.add(k);
  }
  return out;
}

const CJK_MARK = String.raw`\u3000-\u303F\uFF00-\uFFEF“”‘’`;
const SPREAD_EVIDENCE = new RegExp(String.raw`[\u4E00-\u9FFF] (?=[\u4E00-\u9FFF])| [、，。；：！？）》」』”]|[（《「『“] `, 'g');
const SQUEEZE = new RegExp(String.raw`(?<=[\u4E00-\u9FFF${CJK_MARK}]) +| +(?=[\u4E00-\u9FFF${CJK_MARK}])(?<=[\p{L}\p{N})\]] +)`, 'gu');

/**
 * A line whose characters a PDF extractor reports spread with spaces (a justified line's
 * stretched spacing: "会 议 上 ，") gets the spaces next to Han characters and Chinese
 * punctuation back out. Chinese text never writes a space between two Han characters,
 * before a Chinese pause or closing mark, or after an opening one, so two such spaces
 * (or one of the last two kinds) mark a spread line.
 */
function squeezeLetterSpacing(text: string): string {
  const evidence = text.match(SPREAD_EVIDENCE) ?? [];
  const strong = evidence.some((e) => !/^[\u4E00-\u9FFF] $/.test(e));
  if (evidence.length < 2 && !strong) return text;
  return text.replace(SQUEEZE, '');
}

/** "( j)", "- ( b )": a list letter with the stray spaces a PDF's glyph spacing leaves → "(j)", "- (b)". */
function tidyMarker(text: string): string {
  return text.replace(
    /^(\s*(?:[-–—•]\s*)?)([（(])\s+([a-z]{1,2}|[ivx]{1,5})\s*([)）])|^(\s*(?:[-–—•]\s*)?)([（(])([a-z]{1,2}|[ivx]{1,5})\s+([)）])/,
    (...m: string[]) => (m[1] !== undefined ? `${m[1]}${m[2]}${m[3]}${m[4]}` : `${m[5]}${m[6]}${m[7]}${m[8]}`),
  );
}

interface Habits {
  symbols: Set<string>;
  /** Whether the document writes a space between a Han character and a Latin letter or digit (and back). */
  spaceHanLatin: boolean;
  spaceLatinHan: boolean;
  /** Words the document writes whole (for a word broken at a hyphen). */
  words: Set<string>;
  hyphenated: Set<string>;
}

function documentHabits(texts: readonly string[]): Habits {
  const all = texts.join('\n');
  const count = (re: RegExp) => all.match(re)?.length ?? 0;
  return {
    symbols: ownSymbols(texts),
    spaceHanLatin: count(/[\u4E00-\u9FFF] [A-Za-z0-9]/g) >= count(/[\u4E00-\u9FFF][A-Za-z0-9]/g),
    spaceLatinHan: count(/[A-Za-z0-9] [\u4E00-\u9FFF]/g) >= count(/[A-Za-z0-9][\u4E00-\u9FFF]/g),
    words: new Set(all.toLowerCase().match(/\p{L}+/gu) ?? []),
    hyphenated: new Set(all.toLowerCase().match(/\p{L}+-\p{L}+/gu) ?? []),
  };
}

/** Text (not a PDF or Word file) whose lines mostly share one width was wrapped by whoever made it. */
function looksWrapped(doc: RawDocument): boolean {
  if (doc.format !== 'text') return false;
  const widths = doc.lines
    .map((l) => displayWidth(l.text.trim()))
    .filter((w) => w > 0)
    .sort((a, b) => a - b);
  if (widths.length < 20) return false;
  const w = widths[Math.floor(widths.length * 0.9)]!;
  return widths.filter((x) => x >= w * 0.8).length >= widths.length * 0.35;
}

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += CJK_ANY.test(ch) ? 2 : 1;
  return w;
}

function skipMasthead(lines: Line[], removed: string[], symbols: Set<string>): number {
  let i = 0;
  while (i < lines.length && i < 20) {
    const pieces = lines[i]!.text.split(/\t|\s{3,}/)
      .map((p) => p.trim())
      .filter((p) => p !== '');
    if (!pieces.every((p) => MASTHEAD.some((re) => re.test(p)) || symbols.has(p) || SYMBOL_LINE.test(p))) break;
    removed.push(lines[i]!.text);
    i++;
  }
  if (i < lines.length && i > 0) lines[i]!.afterBlank = true;
  return i;
}

/** Index of the contents heading, when it comes before the first numbered paragraph. */
function findContents(lines: Line[], from: number): number | null {
  for (let k = from; k < lines.length; k++) {
    const t = lines[k]!.text;
    if (PARAGRAPH_MARK.test(t)) return null;
    if (known(t, 'tocHeading')) return k;
  }
  return null;
}

const LEADER = /\s*(?:[.．…·•‧⋯_]\s*){2,}/;
const ENTRY = new RegExp(String.raw`^(?<title>.*?)(?:${LEADER.source}|\t+|(?<=\S)\s+(?=\d{1,3}$))(?<page>\d{1,3})?$`);

/** The contents: "title<TAB>page" per entry, the page column's heading as "<TAB>Page"; where the body starts. */
function readContents(lines: Line[], at: number, habits: Habits): { lines: RecoveredLine[]; end: number } {
  const out: RecoveredLine[] = [{ text: lines[at]!.text, line: lines[at]!.n, page: lines[at]!.page, marks: [] }];
  const titles: string[] = [];
  let pending: Line[] = [];
  const flush = (page: string) => {
    if (pending.length === 0) return;
    const title = joinTexts(
      pending.map((l) => l.text),
      habits,
    );
    titles.push(title.replace(/\s+/g, ''));
    out.push({ text: `${title}\t${page}`, line: pending[0]!.n, page: pending[0]!.page, marks: [] });
    pending = [];
  };
  let k = at + 1;
  for (; k < lines.length; k++) {
    const l = lines[k]!;
    const text = l.text;
    const header = text.replace(LEADER, '').replace(/^\t+/, '').trim();
    if (pending.length === 0 && known(header, 'pageHeader')) {
      out.push({ text: `\t${header}`, line: l.n, page: l.page, marks: [] });
      continue;
    }
    if (PARAGRAPH_MARK.test(text) || pending.length >= 6) break;
    const entry = ENTRY.exec(text);
    const bare = (entry?.groups?.title ?? text).trim();
    // The body's first heading repeats the contents' first entry.
    if (titles.length > 0 && titles.includes(bare.replace(/\s+/g, '')) && !entry?.groups?.page && !LEADER.test(text)) break;
    if (pending.length > 0 && (headingMark(text) || standalone(bare))) flush('');
    if (entry && (entry.groups!.page !== undefined || LEADER.test(text) || text.includes('\t'))) {
      pending.push({ ...l, text: entry.groups!.title!.trim() });
      flush(entry.groups!.page ?? '');
      continue;
    }
    if (standalone(text) || known(text, 'annexHeading')) {
      pending.push(l);
      flush('');
      continue;
    }
    pending.push(l);
  }
  // Lines that never closed as an entry belong to the body.
  k -= pending.length;
  return { lines: out, end: k };
}

const ROW = new RegExp(
  String.raw`^(?<symbol>${SYMBOL}(?:\s*(?:和|及|与|、|,|，|and|&)\s*(?:(?:Add|Corr|Rev)\.[\d\s\-–—]+|${SYMBOL}))*)(?:${LEADER.source}|\t+|\s+)(?<title>\S.*)$`,
);

/** The annex: its headings as they are, each document as "symbol<TAB>title" with its title's wrapped lines joined. */
function readAnnex(lines: Line[], habits: Habits): RecoveredLine[] {
  const out: RecoveredLine[] = [];
  let row: { symbol: string; title: string[]; line: Line } | null = null;
  const flush = () => {
    if (row) out.push({ text: `${row.symbol}\t${joinTexts(row.title, habits)}`, line: row.line.n, page: row.line.page, marks: [] });
    row = null;
  };
  for (const l of lines) {
    const m = ROW.exec(l.text);
    if (m?.groups) {
      flush();
      row = { symbol: m.groups.symbol!.trim(), title: [m.groups.title!.trim()], line: l };
    } else if (row) row.title.push(l.text);
    else out.push({ text: l.text, line: l.n, page: l.page, marks: [] });
  }
  flush();
  return out;
}

interface UnitOptions {
  habits: Habits;
  /** front: the title page (join only what surely wrapped); body: the text. */
  mode: 'front' | 'body';
  /** Text whose lines were wrapped at one width (judge "full" by the width). */
  wrapped: boolean;
}

/** Lines → units (heading, paragraph, list item), each on one line. */
function units(lines: Line[], opts: UnitOptions): RecoveredLine[] {
  const column = opts.wrapped ? columnWidth(lines) : Infinity;
  const out: { parts: Line[] }[] = [];
  for (const [k, l] of lines.entries()) {
    const current = out[out.length - 1];
    if (current && continues(current.parts, l, lines[k + 1], opts, column)) current.parts.push(l);
    else out.push({ parts: [l] });
  }
  return out.map(({ parts }) => ({
    text: joinTexts(
      parts.map((p) => p.marked),
      opts.habits,
    ).replace(/\t+/g, ' '),
    line: parts[0]!.n,
    page: parts[0]!.page,
    marks: [],
  }));
}

function columnWidth(lines: Line[]): number {
  const widths = lines.map((l) => l.width).sort((a, b) => a - b);
  return widths[Math.floor(widths.length * 0.9)] ?? Infinity;
}

/** Does `next` go on the unit made of `parts`, or start a unit of its own? */
function continues(parts: Line[], next: Line, after: Line | undefined, opts: UnitOptions, column: number): boolean {
  const prev = parts[parts.length - 1]!;
  const p = prev.text;
  const n = next.text;
  if (marked(n) || standalone(n) || standalone(p) || known(n, 'pageHeader')) return false;
  if (p.endsWith('\u00AD')) return true;
  // A line that starts in lower case goes on the sentence before it (unless that one ended).
  const latinOn = (/^\p{Ll}/u.test(n) && !/[.!?]$/.test(p)) || (/[\p{Script=Latin}\d,;]$/u.test(p) && /^[([]/u.test(n) && !LETTER_MARK.test(n));
  // Words that go on across a blank line or a page: a sentence cut before a lower-case word, or after a comma.
  // Nor does a line end after an opening bracket or quote (line breaking never leaves one at a line's end).
  if (latinOn || /[,，、]$/.test(p) || /[（([「『“《〈‘]$/.test(p) || (/[-–]$/.test(p) && /^\p{Ll}/u.test(n))) return true;
  // A paragraph or list item never ends on a bare word: a line that does was cut, even before a gap or a page break.
  if (opts.mode === 'body' && (PARAGRAPH_MARK.test(parts[0]!.text) || LETTER_MARK.test(parts[0]!.text)) && /[\p{L}\p{N}]$/u.test(p)) return true;
  if (next.afterBlank) return false;
  if (opts.mode === 'front') return prev.full === true && !next.afterPageBreak;
  // After a sentence's end, a short line without an end of its own, standing before a marked line, is a heading.
  if (SENTENCE_END.test(p) && after && marked(after.text) && !/[.。;；:：,，]$/.test(n) && displayWidth(n) < Math.min(column * 0.6, 80)) return false;
  // Within a block the PDF reader delimited (it marks paragraph gaps), every line goes on.
  if (prev.full !== undefined && next.full !== undefined && !next.afterPageBreak) return true;
  const heading = headingMark(parts[0]!.text) && !/[.。;；]$/.test(p);
  if (heading && opts.wrapped) return true;
  // In wrapped text a line that stops on a word, without any punctuation, was cut by the width (a justified line of few long words).
  if (opts.wrapped && /[\p{Script=Latin}\d]$/u.test(p) && /^[\p{Script=Latin}\d]/u.test(n)) return true;
  if (prev.full !== undefined) return prev.full;
  if (!opts.wrapped) return false;
  const han = HAN.test(p.slice(-1));
  return prev.width >= column * (han ? 0.9 : 0.8);
}

/**
 * Text extracted from a PDF by a tool that joined a word broken at a line's hyphen and dropped
 * the hyphen (poppler's pdftotext does): a word found once, whose hyphenated form the document
 * writes elsewhere ("evidencebased" beside "evidence-based"), gets its hyphen back.
 */
function restoreHyphens(lines: RecoveredLine[]): RecoveredLine[] {
  const all = lines.map((l) => l.text).join('\n');
  const count = new Map<string, number>();
  for (const w of all.match(/\p{L}+/gu) ?? []) count.set(w.toLowerCase(), (count.get(w.toLowerCase()) ?? 0) + 1);
  const hyphenated = new Map<string, string>();
  for (const h of all.match(/\p{L}+-\p{L}+/gu) ?? []) hyphenated.set(h.replace('-', '').toLowerCase(), h);
  return lines.map((l) => ({
    ...l,
    text: l.text.replace(/(?<![\p{L}-])\p{L}{6,}(?![\p{L}-])/gu, (w) => {
      const h = hyphenated.get(w.toLowerCase());
      if (!h || count.get(w.toLowerCase()) !== 1) return w;
      const cut = h.indexOf('-');
      return `${w.slice(0, cut)}-${w.slice(cut)}`;
    }),
  }));
}

/** Join a unit's lines: Han with Han without a space, Latin with Latin with one, a broken word whole. Footnote anchors stay where they stand; the join is judged by the words beside them. */
export function joinTexts(texts: readonly string[], habits: Pick<Habits, 'spaceHanLatin' | 'spaceLatinHan' | 'words' | 'hyphenated'>): string {
  let out = '';
  for (const raw of texts) {
    const t = raw.trim();
    if (out === '') {
      out = t;
      continue;
    }
    const a = stripAnchors(out).slice(-1);
    const b = stripAnchors(t)[0] ?? '';
    if (out.endsWith('\u00AD')) out = out.slice(0, -1) + t;
    else if (/\p{L}-$/u.test(out) && /^\p{Ll}/u.test(t)) {
      const head = /(\p{L}+)-$/u.exec(out)![1]!.toLowerCase();
      const tail = /^\p{L}+/u.exec(t)![0].toLowerCase();
      const whole = habits.words.has(head + tail) && !habits.hyphenated.has(`${head}-${tail}`);
      out = (whole ? out.slice(0, -1) : out) + t;
    } else if (CJK_ANY.test(a) && CJK_ANY.test(b)) out += t;
    else if (HAN.test(a) && /[A-Za-z0-9]/.test(b)) out += (habits.spaceHanLatin ? ' ' : '') + t;
    else if (/[A-Za-z0-9]/.test(a) && HAN.test(b)) out += (habits.spaceLatinHan ? ' ' : '') + t;
    else if (CJK_ANY.test(a) || CJK_ANY.test(b)) out += t;
    else out += ` ${t}`;
  }
  return out.replace(/\u00AD/g, '');
}
