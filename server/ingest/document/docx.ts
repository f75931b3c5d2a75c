/**
 * A Word (.docx) document → lines (mammoth reads the package; we walk its document
 * model, taken through mammoth's public `transformDocument` hook).
 *
 * - every Word paragraph is a line of its own (`paragraph: true`), a table row is one
 *   line with its cells joined by tabs (an annex's list of documents, a masthead);
 * - a manual line break (w:br, w:cr) ends a line inside the paragraph;
 * - tabs stay tabs (a contents entry's page number); deleted text (tracked changes)
 *   is left out and inserted text kept, as mammoth does;
 * - a footnote or endnote reference leaves no mark in the text but its place (an
 *   anchor, anchors.ts, that ties the note to the paragraph holding it); the notes
 *   themselves are returned apart;
 * - Word's automatic numbering (w:numPr) prints numbers that are not in the text:
 *   mammoth does not give them, so a warning says how many paragraphs carry one.
 *
 * Errors: DocumentError `corrupt` when the package cannot be read, `not_a_report`
 * when it holds no text.
 */
import mammoth from 'mammoth';
import { DocumentError } from '../errors.ts';
import { normalizeText } from './normalize.ts';
import { toRoman } from '../parse/numerals.ts';
import { anchor, aroundAnchors, MAX_FOOTNOTES, stripAnchors } from './anchors.ts';
import type { Footnote, RawDocument, RawLine } from './types.ts';

interface Element {
  type: string;
  children?: Element[];
  value?: string;
  breakType?: string;
  numbering?: { isOrdered: boolean } | null;
  body?: Element[];
  noteType?: string;
  noteId?: string;
}

type DocumentElement = Element;

export async function readDocx(bytes: Uint8Array, source?: string): Promise<RawDocument> {
  let captured: DocumentElement | null = null;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        transformDocument: (document: DocumentElement) => {
          captured = document;
          return document;
        },
        // No image is read or embedded: only the text is wanted.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        externalFileAccess: false,
      },
    );
  } catch (error) {
    throw new DocumentError(
      'corrupt',
      `this Word file is damaged and cannot be read (${(error instanceof Error ? error.message : String(error)).split('\n')[0]})`,
      source,
    );
  }
  const document = captured as DocumentElement | null;
  if (!document) throw new DocumentError('corrupt', 'this Word file is damaged and cannot be read', source);

  const notes = noteReader((document as unknown as { notes?: { resolve?: (ref: Element) => Element | null } }).notes);
  const lines: RawLine[] = [];
  let numbered = 0;
  const paragraph = (p: Element) => {
    if (p.numbering?.isOrdered) numbered++;
    const texts = inlineText(p.children ?? [], notes).split('\n');
    for (const [i, t] of texts.entries()) lines.push({ text: aroundAnchors(t, normalizeText), page: 1, paragraph: i === 0 });
  };
  const walk = (elements: readonly Element[]) => {
    for (const e of elements) {
      if (e.type === 'paragraph') paragraph(e);
      else if (e.type === 'table') {
        for (const row of e.children ?? []) {
          if (row.type !== 'tableRow') continue;
          const cells = (row.children ?? []).map((cell) =>
            (cell.children ?? [])
              .filter((c) => c.type === 'paragraph')
              .map((c) =>
                inlineText(c.children ?? [], notes)
                  .replace(/\n/g, ' ')
                  .trim(),
              )
              .filter((t) => t !== '')
              .join(' '),
          );
          if (cells.some((c) => c !== '')) lines.push({ text: aroundAnchors(cells.join('\t'), normalizeText), page: 1, paragraph: true });
        }
      } else if (e.children) walk(e.children);
    }
  };
  walk(document.children ?? []);
  if (lines.every((l) => stripAnchors(l.text).trim() === '')) throw new DocumentError('not_a_report', 'this Word file holds no text', source);
  const footnotes = notes.footnotes;
  const warnings =
    numbered > 0
      ? [
          `${numbered} paragraph${numbered > 1 ? 's are' : ' is'} numbered by Word's automatic numbering, whose numbers are not part of the text and are not read; save the document as PDF to keep them`,
        ]
      : [];
  return { format: 'docx', lines, footnotes, pages: 1, warnings };
}

interface NoteReader {
  /** Notes in the order the text refers to them. */
  footnotes: Footnote[];
  /** A note reference → the anchor of its note (anchors.ts); '' for a note without text. `mark`: a custom mark typed after the reference ("*"). */
  reference(ref: Element, mark: string): string;
}

/**
 * Footnotes and endnotes as the text meets their references (mammoth's document resolves a
 * reference to its note). Word numbers footnotes 1, 2, 3 … and endnotes i, ii, iii … (its
 * defaults), each series on its own; a note with a custom mark ("*", typed after the
 * reference) takes that mark and no number.
 */
function noteReader(notes: { resolve?: (ref: Element) => Element | null } | undefined): NoteReader {
  const footnotes: Footnote[] = [];
  const count = { footnote: 0, endnote: 0 };
  return {
    footnotes,
    reference(ref, mark) {
      const note = notes?.resolve?.(ref);
      let text = note
        ? normalizeText(
            (note.body ?? [])
              .map((p) => inlineText(p.children ?? [], null))
              .join(' ')
              .replace(/\s+/g, ' ')
              .trim(),
          )
        : '';
      if (mark !== '' && text.startsWith(mark)) text = text.slice(mark.length).trim();
      if (text === '' || footnotes.length >= MAX_FOOTNOTES) return '';
      const kind = ref.noteType === 'endnote' ? 'endnote' : 'footnote';
      let marker = mark;
      if (marker === '') {
        count[kind]++;
        marker = kind === 'endnote' ? toRoman(count[kind]).toLowerCase() : String(count[kind]);
      }
      footnotes.push({ marker, text, page: 1 });
      return anchor(footnotes.length - 1);
    },
  };
}

const CUSTOM_MARK = /^[*†‡§]+/;

/**
 * A paragraph's runs → its text: tabs kept, manual line breaks as "\n", a note reference as
 * its note's anchor (`notes` null: inside a note, references are dropped).
 */
function inlineText(elements: readonly Element[], notes: NoteReader | null): string {
  let out = '';
  let pendingReference: Element | null = null;
  const settle = (next: string) => {
    if (!pendingReference) return next;
    const ref = pendingReference;
    pendingReference = null;
    const mark = CUSTOM_MARK.exec(next)?.[0] ?? '';
    out += notes?.reference(ref, mark) ?? '';
    return next.slice(mark.length);
  };
  for (const e of elements) {
    if (e.type === 'noteReference') {
      settle('');
      pendingReference = e;
    } else if (e.type === 'text') out += settle(e.value ?? '');
    else if (e.type === 'tab') out += settle('') + '\t';
    else if (e.type === 'break') out += settle('') + (e.breakType === 'line' || e.breakType === undefined ? '\n' : '');
    else if (e.children) {
      settle('');
      out += inlineText(e.children, notes);
    }
  }
  settle('');
  return out;
}
