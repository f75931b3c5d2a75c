/** Bytes → text at the edge: a report must be UTF-8; the error names the first line that is not. */
import { ReportFormatError } from './errors.ts';

export function decodeReport(bytes: Uint8Array, source?: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
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
