/**
 * Bytes → text at the edge: UTF-8 (with or without its byte order mark) or UTF-16 with
 * its byte order mark. Bytes that are not valid UTF-8 are refused, naming the first line
 * that is not (ReportFormatError), never decoded into replacement characters.
 */
import { ReportFormatError } from './errors.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export function decodeReport(bytes: Uint8Array, source?: string, encoding?: TextEncoding): string {
  const enc = encoding ?? (bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8');
  try {
    // TextDecoder drops the byte order mark itself (ignoreBOM false).
    return new TextDecoder(enc, { fatal: true }).decode(bytes);
  } catch {
    if (enc !== 'utf-8') throw new ReportFormatError(`the file is not valid ${enc.toUpperCase()} text`, 1, source);
    throw new ReportFormatError('the file is not valid UTF-8 text', firstBadLine(bytes), source);
  }
}

function firstBadLine(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line;
}
