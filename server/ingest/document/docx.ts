/**
 * A Word (.docx) document → lines (mammoth reads the package; we walk its document
 * model, taken through mammoth's public `transformDocument` hook).
 *
 * - every Word paragraph is a line of its own (`paragraph: true`), a table row is one
 *   line with its cells joined by tabs (an annex's list of documents, a masthead);
 * - a manual line break (w:br, w:cr) ends a line inside the paragraph;
 * - tabs stay tabs (a contents entry's page number); deleted text (tracked changes)
 *   is left out and inserted text kept, as mammoth does;
 * - footnote and endnote references leave no mark in the text; the notes themselves
 *   are returned apart;
 * - Word's automatic numbering (w:numPr) prints numbers that are not in the text:
 *   mammoth does not give them, so a warning says how many paragraphs carry one.
 *
 * Errors: DocumentError `corrupt` when the package cannot be read, `not_a_report`
 * when it holds no text.
 */
import mammoth from 'mammoth';
import { DocumentError } from '../errors.ts';
import { normalizeText } from './normalize.ts';
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
    throw new DocumentError('corrupt', `this Word file is damaged and cannot be read (${(error instanceof Error ? error.message : String(error)).split('\n')[0]})`, source);
  }
  const document = captured as DocumentElement | null;
  if (!document) throw new DocumentError('corrupt', 'this Word file is damaged and cannot be read', source);

  const lines: RawLine[] = [];
  let numbered = 0;
  const paragraph = (p: Element) => {
    if (p.numbering?.isOrdered) numbered++;
    const texts = inlineText(p.children ?? []).split('\n');
    for (const [i, t] of texts.entries()) lines.push({ text: normalizeText(t), page: 1, paragraph: i === 0 });
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
              .map((c) => inlineText(c.children ?? []).replace(/\n/g, ' ').trim())
              .filter((t) => t !== '')
              .join(' '),
          );
          if (cells.some((c) => c !== '')) lines.push({ text: normalizeText(cells.join('\t')), page: 1, paragraph: true });
        }
      } else if (e.children) walk(e.children);
    }
  };
  walk(document.children ?? []);
  if (lines.every((l) => l.text.trim() === '')) throw new DocumentError('not_a_report', 'this Word file holds no text', source);

  // Notes in the order the text refers to them (mammoth's document resolves a reference to its note).
  const footnotes: Footnote[] = [];
  const notes = (document as unknown as { notes?: { resolve?: (ref: Element) => Element | null } }).notes;
  const collect = (elements: readonly Element[]) => {
    for (const e of elements) {
      if (e.type === 'noteReference') {
        const note = notes?.resolve?.(e);
        const text = note ? normalizeText((note.body ?? []).map((p) => inlineText(p.children ?? [])).join(' ').replace(/\s+/g, ' ').trim()) : '';
        if (text !== '') footnotes.push({ marker: String(footnotes.length + 1), text, page: 1 });
      } else if (e.children) collect(e.children);
    }
  };
  collect(document.children ?? []);
  const warnings =
    numbered > 0
      ? [`${numbered} paragraph${numbered > 1 ? 's are' : ' is'} numbered by Word's automatic numbering, whose numbers are not part of the text and are not read; save the document as PDF to keep them`]
      : [];
  return { format: 'docx', lines, footnotes, pages: 1, warnings };
}

/** A paragraph's runs → its text: tabs kept, manual line breaks as "\n", note references dropped. */
function inlineText(elements: readonly Element[]): string {
  let out = '';
  for (const e of elements) {
    if (e.type === 'text') out += e.value ?? '';
    else if (e.type === 'tab') out += '\t';
    else if (e.type === 'break') out += e.breakType === 'line' || e.breakType === undefined ? '\n' : '';
    else if (e.children) out += inlineText(e.children);
  }
  return out;
}
