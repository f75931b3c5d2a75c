/**
 * What a file is, from its first bytes, never from its name: a PDF, a Word (.docx)
 * document, or text (UTF-8, or UTF-16 with its byte order mark). Everything else is
 * refused with a sentence naming what it seems to be. Pure.
 *
 * Signatures: PDF "%PDF-" (ISO 32000-2, 7.5.2; readers accept it within the first
 * 1024 bytes); .docx is an Office Open XML package (ECMA-376 Part 2), a ZIP ("PK\x03\x04")
 * holding word/document.xml; legacy Word .doc is an OLE compound file
 * (D0 CF 11 E0 A1 B1 1A E1); byte order marks per the Unicode Standard, 23.8.
 */
import { DocumentError } from '../errors.ts';

export type DocumentFormat = 'pdf' | 'docx' | 'text';
export type { TextEncoding } from '../decode.ts';
import type { TextEncoding } from '../decode.ts';

export type Sniffed = { format: 'pdf' } | { format: 'docx' } | { format: 'text'; encoding: TextEncoding };

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, Math.min(end, bytes.length)));
const startsWith = (bytes: Uint8Array, sig: readonly number[]) => sig.every((b, i) => bytes[i] === b);

/** The format of `bytes`; throws DocumentError('unsupported') for anything that is not a PDF, a .docx or text. */
export function sniffDocument(bytes: Uint8Array, source?: string): Sniffed {
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return { format: 'pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return sniffZip(bytes, source);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw new DocumentError('unsupported', 'this is an older Word (.doc) or Office file; save it as .docx or PDF and try again', source);
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { format: 'text', encoding: 'utf-8' };
  if (startsWith(bytes, [0xff, 0xfe])) return { format: 'text', encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { format: 'text', encoding: 'utf-16be' };
  const image = imageKind(bytes);
  if (image) throw new DocumentError('no_text_layer', `this is an image (${image}), not a document with text; run OCR on it first`, source);
  if (ascii(bytes, 0, 5) === '{\\rtf') throw new DocumentError('unsupported', 'this is an RTF file; save it as .docx, PDF or text and try again', source);
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) {
    // UTF-16 without a byte order mark: text in it reads as text in one of the two byte orders.
    for (const encoding of ['utf-16le', 'utf-16be'] as const) if (readsAsText(head, encoding)) return { format: 'text', encoding };
    throw new DocumentError('unsupported', 'this is not a PDF, a Word (.docx) document or a text file', source);
  }
  return { format: 'text', encoding: 'utf-8' };
}

function sniffZip(bytes: Uint8Array, source?: string): Sniffed {
  // File names stand uncompressed in the local headers and the central directory.
  const names = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (names.includes('word/document.xml')) return { format: 'docx' };
  if (names.includes('application/vnd.oasis.opendocument.text')) {
    throw new DocumentError('unsupported', 'this is an OpenDocument text (.odt); save it as .docx or PDF and try again', source);
  }
  if (names.includes('xl/workbook.xml') || names.includes('ppt/presentation.xml')) {
    throw new DocumentError('unsupported', 'this is an Excel or PowerPoint file, not a report; send the report as PDF, Word (.docx) or text', source);
  }
  throw new DocumentError('unsupported', 'this is a ZIP archive but not a Word (.docx) document', source);
}

function readsAsText(head: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): boolean {
  if (head.length < 8) return false;
  const text = new TextDecoder(encoding).decode(head.subarray(0, head.length - (head.length % 2)));
  const readable = text.match(/[\p{L}\p{N}\p{P}\p{S}\p{Zs}\t\r\n]/gu)?.length ?? 0;
  return readable >= Array.from(text).length * 0.95;
}

function imageKind(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'PNG';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'JPEG';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'TIFF';
  if (ascii(bytes, 0, 4) === 'GIF8') return 'GIF';
  return null;
}
