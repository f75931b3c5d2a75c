/**
 * A PDF's text layer → lines, with what the page geometry tells (Mozilla's PDF.js,
 * pdfjs-dist, legacy build for Node; CJK fonts need its CMaps and standard fonts,
 * read from node_modules/pdfjs-dist).
 *
 * From the glyph runs PDF.js gives (position, size, width) this module builds
 * lines, and uses the geometry to tell what plain text cannot:
 * - page furniture: lines in the top or bottom eighth of the page whose text (digits
 *   masked) comes back on other pages (running header with the symbol, job-number
 *   footer, page n/m) are dropped;
 * - footnotes: lines in smaller type below the last line of body text (above the
 *   footer) are set apart; superscript reference marks inside a line are dropped;
 * - paragraph gaps: a blank line where the space between two lines is clearly wider
 *   than the page's usual line pitch;
 * - wrapped lines: `full` when a line reaches the right edge of the text column.
 * Columns on one line (a table's cells, the masthead's two sides) are joined by a tab.
 *
 * Errors (DocumentError): `encrypted` (a password is needed to open it), `corrupt`
 * (PDF.js cannot parse it), `no_text_layer` (no page has text: scanned images, or
 * fonts that carry no Unicode mapping).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { DocumentError } from '../errors.ts';
import { normalizeText } from './normalize.ts';
import { anchor, aroundAnchors, MAX_FOOTNOTES } from './anchors.ts';
import type { Footnote, RawDocument, RawLine } from './types.ts';

/** A raised mark's place in a line being built, until layoutPages ties it to a footnote of its page (anchors.ts) or drops it. */
const markToken = (marker: string) => `\uFFFA${marker}\uFFFB`;
const MARK_TOKEN = /\uFFFA[^\uFFFB]*\uFFFB/g;
const MARK_TOKEN_ONE = /\uFFFA([^\uFFFB]*)\uFFFB/g;

const PDFJS_DIR = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

interface Glyphs {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

interface PdfLine {
  text: string;
  left: number;
  right: number;
  /** Baseline, PDF user space (y grows upwards). */
  y: number;
  size: number;
  page: number;
}

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/;

/** Read a PDF's text layer. Async (PDF.js works in promises); throws DocumentError as above. */
export async function readPdf(bytes: Uint8Array, source?: string): Promise<RawDocument> {
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await getDocument({
      // PDF.js takes ownership of (detaches) the buffer it is given: give it a copy.
      data: new Uint8Array(bytes),
      cMapUrl: `${PDFJS_DIR}/cmaps/`,
      cMapPacked: true,
      standardFontDataUrl: `${PDFJS_DIR}/standard_fonts/`,
      isEvalSupported: false,
      useSystemFonts: false,
      verbosity: VerbosityLevel.ERRORS,
    }).promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException')
      throw new DocumentError('encrypted', 'this PDF is protected by a password; open it, save an unprotected copy and try again', source);
    throw new DocumentError('corrupt', `this PDF is damaged and cannot be read (${firstLine(error)})`, source);
  }
  try {
    const pages: { lines: PdfLine[]; height: number }[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const { height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const glyphs: Glyphs[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [a, b, c, d, x, y] = item.transform as number[];
        // Text set at an angle (a stamp, a vertical margin note) is not the report's text.
        if (Math.abs(b!) > Math.abs(a!) * 0.1 || Math.abs(c!) > Math.abs(d!) * 0.1) continue;
        glyphs.push({ str: item.str, x: x!, y: y!, width: item.width, size: Math.abs(d!) || item.height });
      }
      pages.push({ lines: buildLines(glyphs, n), height });
      page.cleanup();
    }
    return layoutPages(pages, source);
  } catch (error) {
    if (error instanceof DocumentError) throw error;
    throw new DocumentError('corrupt', `this PDF is damaged and cannot be read (${firstLine(error)})`, source);
  } finally {
    await doc.destroy();
  }
}

/** Glyph runs → lines: runs whose baselines lie within half a type size are one line, read left to right. */
function buildLines(glyphs: Glyphs[], page: number): PdfLine[] {
  const visible = glyphs.filter((g) => g.str.trim() !== '');
  const sorted = [...visible].sort((p, q) => q.y - p.y || p.x - q.x);
  const rows: Glyphs[][] = [];
  for (const g of sorted) {
    const row = rows[rows.length - 1];
    if (row) {
      const base = row.reduce((m, r) => (r.size > m.size ? r : m), row[0]!);
      if (Math.abs(base.y - g.y) <= Math.max(base.size, g.size) * 0.5) {
        row.push(g);
        continue;
      }
    }
    rows.push([g]);
  }
  const spaces = glyphs.filter((g) => g.str.trim() === '');
  return rows.map((row) => lineOf(row, spaces, page));
}

function lineOf(row: Glyphs[], spaces: Glyphs[], page: number): PdfLine {
  // The row's own type: the size that sets most characters. Smaller runs raised above its baseline are reference marks.
  const weight = new Map<number, number>();
  for (const g of row) weight.set(round(g.size), (weight.get(round(g.size)) ?? 0) + g.str.length);
  const size = [...weight.entries()].sort((p, q) => q[1] - p[1])[0]![0];
  const baseline = median(row.filter((g) => round(g.size) === size).map((g) => g.y));
  // Smaller type raised above the baseline is a reference mark (a footnote's): it leaves the text, not its place.
  const isMark = (g: Glyphs) => g.size < size * 0.8 && g.y - baseline > size * 0.2 && /^[\d*†‡a-z]{1,3}$/.test(g.str.trim());
  const runs = [...row].sort((p, q) => p.x - q.x);
  // A column gap (table cell, the masthead's two sides) is one gap far wider than the others;
  // a justified line stretches many gaps alike, and those are spacing, not columns.
  const gaps = runs.slice(1).map((g, i) => g.x - (runs[i]!.x + runs[i]!.width));
  const widest = [...gaps].sort((a, b) => b - a);
  const columnGap = (widest[0] ?? 0) > size * 2 && (widest[1] ?? 0) * 2.5 < widest[0]! ? widest[0]! : Infinity;
  let text = '';
  let right = -Infinity;
  let pendingColumn = false;
  for (const [i, g] of runs.entries()) {
    if (i > 0 && gaps[i - 1]! >= columnGap) pendingColumn = true;
    if (isMark(g)) {
      // The mark leaves the words but its place is kept, to be tied to its footnote (layoutPages).
      text += markToken(g.str.trim());
      right = Math.max(right, g.x + g.width);
      continue;
    }
    // Spacing is decided on the words alone, as if the mark were not there.
    const words = text.replace(MARK_TOKEN, '');
    if (words !== '') {
      const gap = g.x - right;
      const spaced = /\s$/.test(words) || /^\s/.test(g.str) || spaces.some((s) => Math.abs(s.y - g.y) < size * 0.5 && s.x >= right - 1 && s.x <= g.x + 1);
      const latin = !CJK.test(words.slice(-1)) && !CJK.test(g.str.trimStart()[0] ?? '');
      if (pendingColumn) text = text.trimEnd() + '\t';
      // Between Latin words a gap is a space even where the PDF wrote none; next to CJK only a written space counts.
      // Never inside brackets' edges: "( j)" is a glyph's side bearing, not a space.
      else if ((spaced || (latin && gap > size * 0.2)) && !/[([（]$/.test(words) && !/^[)\]）,.;:]/.test(g.str.trimStart())) text = text.trimEnd() + ' ';
    }
    pendingColumn = false;
    text += text === '' ? g.str : g.str.trimStart();
    right = Math.max(right, g.x + g.width);
  }
  const left = runs.find((g) => !isMark(g))?.x ?? 0;
  return { text: text.replace(/ {2,}/g, ' ').trim(), left, right, y: baseline, size, page };
}

/** Pages of lines → the document: furniture out, footnotes apart, paragraph gaps as blank lines, wrapped lines marked. */
function layoutPages(pages: { lines: PdfLine[]; height: number }[], source?: string): RawDocument {
  const all = pages.flatMap((p) => p.lines);
  if (all.every((l) => l.text === '')) {
    throw new DocumentError('no_text_layer', 'no text layer: this PDF is an image; run OCR first', source);
  }
  const letters = all.map((l) => l.text).join('');
  const unmapped = (letters.match(/[\uE000-\uF8FF\uFFFD]/g) ?? []).length;
  if (unmapped > letters.length * 0.2) {
    throw new DocumentError(
      'no_text_layer',
      'no readable text layer: the fonts of this PDF do not say which characters they draw; run OCR on it first',
      source,
    );
  }
  const warnings: string[] = [];
  const empty = pages.map((p, i) => (p.lines.length === 0 ? i + 1 : 0)).filter((n) => n > 0);
  if (empty.length > 0)
    warnings.push(
      `page${empty.length > 1 ? 's' : ''} ${empty.join(', ')} of the PDF ha${empty.length > 1 ? 've' : 's'} no text layer (images only): their text is missing`,
    );

  const bodySize = modeOf(all.map((l) => [l.size, l.text.length]));
  const furniture = repeatedMarginLines(pages);
  const lines: RawLine[] = [];
  const footnotes: Footnote[] = [];
  // The text column's right edge: where most full-size lines end.
  const rightEdge = percentile(
    all.filter((l) => Math.abs(l.size - bodySize) < 0.5 && !furniture.has(l)).map((l) => l.right),
    0.9,
  );

  for (const [index, page] of pages.entries()) {
    const body = page.lines.filter((l) => !furniture.has(l));
    const lastBody = body.reduce((k, l, i) => (l.size >= bodySize * 0.9 ? i : k), -1);
    const pitches: number[] = [];
    for (let i = 1; i < body.length; i++) {
      const d = body[i - 1]!.y - body[i]!.y;
      if (d > 0 && d < body[i]!.size * 2.2) pitches.push(d / body[i]!.size);
    }
    const pitch = pitches.length >= 3 ? median(pitches) : 1.4;
    const isFootnote = (l: PdfLine, i: number) => i > lastBody && l.size < bodySize * 0.9;
    // The page's footnotes first, so that the marks in its text can be tied to them.
    const firstOfPage = footnotes.length;
    for (const [i, l] of body.entries()) if (isFootnote(l, i)) addFootnoteLine(footnotes, l.text, index + 1);
    const unclaimed = new Set([...footnotes.keys()].filter((k) => k >= firstOfPage && footnotes[k]!.marker !== ''));
    const claim = (marker: string): string => {
      const k = [...unclaimed].find((n) => footnotes[n]!.marker === marker);
      if (k === undefined || k >= MAX_FOOTNOTES) return '';
      unclaimed.delete(k);
      return anchor(k);
    };
    for (const [i, l] of body.entries()) {
      if (isFootnote(l, i)) continue;
      const prev = body[i - 1];
      if (prev && lines.length > 0 && prev.y - l.y > Math.max(prev.size, l.size) * pitch * 1.25) lines.push({ text: '', page: index + 1 });
      // A raised mark becomes the anchor of the page's footnote it names; a mark naming none (an ordinal's "er", a stray letter) goes.
      const text = aroundAnchors(
        l.text.replace(MARK_TOKEN_ONE, (_, marker: string) => claim(marker)),
        normalizeText,
      );
      lines.push({ text, page: index + 1, full: l.right >= rightEdge - l.size * 1.5 });
    }
  }
  const removed = pages.flatMap((p) => p.lines.filter((l) => furniture.has(l)).map((l) => normalizeText(l.text.replace(MARK_TOKEN, ''))));
  return { format: 'pdf', lines, footnotes, pages: pages.length, warnings, removed };
}

/**
 * Lines in a page's top or bottom eighth whose text, digits masked, stands at about the same
 * height on at least two pages (and on a third of them): running headers and footers.
 */
function repeatedMarginLines(pages: { lines: PdfLine[]; height: number }[]): Set<PdfLine> {
  const key = (l: PdfLine) => l.text.replace(/\d+/g, '#').replace(/\s+/g, ' ');
  const inMargin = (l: PdfLine, height: number) => l.y > height * 0.875 || l.y < height * 0.125;
  const seen = new Map<string, Set<number>>();
  for (const [i, p] of pages.entries()) {
    for (const l of p.lines) {
      if (!inMargin(l, p.height)) continue;
      const k = `${l.y > p.height / 2 ? 'top' : 'bottom'}|${key(l)}`;
      if (!seen.has(k)) seen.set(k, new Set());
      seen.get(k)!.add(i);
    }
  }
  const out = new Set<PdfLine>();
  const needed = Math.max(2, Math.ceil(pages.length / 3));
  for (const p of pages) {
    for (const l of p.lines) {
      if (!inMargin(l, p.height)) continue;
      if ((seen.get(`${l.y > p.height / 2 ? 'top' : 'bottom'}|${key(l)}`)?.size ?? 0) >= needed) out.add(l);
    }
  }
  return out;
}

/**
 * A footnote's line: a new footnote when it starts with its marker (raised or on the baseline:
 * "1 See …", "* Reissued …"), else the footnote before it goes on (a long footnote wraps).
 */
function addFootnoteLine(footnotes: Footnote[], raw: string, page: number): void {
  // A raised marker at the line's start is the footnote's own number; a raised mark elsewhere means nothing here.
  const lead = /^\uFFFA([^\uFFFB]*)\uFFFB\s*/.exec(raw);
  const text = normalizeText(raw.slice(lead?.[0].length ?? 0).replace(MARK_TOKEN, ''));
  // On the baseline, the marker stands apart from the note (by a space; in Chinese a note may start right after it).
  const marked = lead
    ? { marker: normalizeText(lead[1]!).trim(), rest: text }
    : /^(?<marker>\d{1,3}|[*†‡]{1,3})(?:\s+|(?=\p{Script=Han}))(?<rest>\S.*)$/u.exec(text)?.groups;
  const last = footnotes[footnotes.length - 1];
  if (marked && marked.rest !== '' && (lead || !/^\d+[./]/.test(text))) footnotes.push({ marker: marked.marker!, text: marked.rest!, page });
  else if (last && last.page === page) last.text += (CJK.test(last.text.slice(-1)) ? '' : ' ') + text;
  else footnotes.push({ marker: '', text, page });
}

const round = (n: number) => Math.round(n * 10) / 10;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)]!;
}

function percentile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Infinity : s[Math.min(s.length - 1, Math.floor(s.length * q))]!;
}

function modeOf(pairs: [number, number][]): number {
  const w = new Map<number, number>();
  for (const [v, n] of pairs) w.set(v, (w.get(v) ?? 0) + n);
  return [...w.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
