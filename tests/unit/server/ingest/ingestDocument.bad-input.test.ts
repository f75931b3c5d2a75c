/**
 * Files that are not a readable report: one clear sentence, the reason, nothing else.
 * Damaged, scanned, encrypted PDFs and Word files are read in
 * tests/integration/server/ingest/document/bad-input.test.ts (pdf.js and mammoth are slow to load and run).
 */
import { describe, expect, it } from 'vitest';
import { ReportFormatError } from '../../../../server/ingest/errors.ts';
import { ingestDocument } from '../../../../server/ingest/ingestDocument.ts';
import { sniffDocument } from '../../../../server/ingest/document/sniff.ts';
import { realGazetteer } from '../../../setup/reports.ts';
import { documentRefusal, fixture } from '../../../setup/documents.ts';

const gazetteer = await realGazetteer();

describe('files that are no document we read', () => {
  it('an old Word .doc, an image, a spreadsheet, an RTF file, other binary: what it seems to be and what to do', () => {
    const cases: [number[] | string, RegExp][] = [
      [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0], /older Word \(\.doc\).*save it as \.docx or PDF/],
      [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a], /an image \(PNG\).*run OCR/],
      [[0xff, 0xd8, 0xff, 0xe0], /an image \(JPEG\)/],
      ['PK\u0003\u0004....xl/workbook.xml....', /Excel or PowerPoint/],
      ['PK\u0003\u0004....mimetypeapplication/vnd.oasis.opendocument.text', /OpenDocument/],
      ['PK\u0003\u0004....other.bin', /ZIP archive but not a Word/],
      ['{\\rtf1\\ansi hello}', /RTF/],
      [[0x00, 0x01, 0x02, 0x03, 0x00, 0x10, 0x20], /not a PDF, a Word \(\.docx\) document or a text file/],
    ];
    for (const [input, message] of cases) {
      const bytes = typeof input === 'string' ? new Uint8Array(Buffer.from(input, 'latin1')) : new Uint8Array(input);
      expect(() => sniffDocument(bytes, 'x')).toThrow(message);
    }
  });

  it('text in UTF-16 (with or without its byte order mark) is read; bytes that are not UTF-8 are refused naming the line', async () => {
    const text = Buffer.from(fixture('asia-pacific-rpm-fixture.en.txt')).toString('utf8');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(text, 'utf16le').swap16();
    const utf8 = await ingestDocument(new TextEncoder().encode(text), { source: 'ap.en.txt', gazetteer });
    for (const bytes of [le, Buffer.concat([Buffer.from([0xfe, 0xff]), be]), Buffer.from(text, 'utf16le')]) {
      const r = await ingestDocument(new Uint8Array(bytes), { source: 'ap.en.txt', gazetteer });
      expect(r.graph).toEqual(utf8.graph);
    }
    const bad = new Uint8Array([...new TextEncoder().encode('第一行\n第二行\n'), 0xff, 0xfe, 0x0a].slice(0));
    const e = await documentRefusal(gazetteer, new Uint8Array([0x41, 0x0a, ...bad.slice(0)]), 'latin.txt');
    expect(e).toBeInstanceOf(ReportFormatError);
    expect((e as ReportFormatError).line).toBe(4);
  });

  it('a report read from pages names the page where it went wrong', async () => {
    const lines = Buffer.from(fixture('asia-pacific-rpm-fixture.en.txt')).toString('utf8').split('\n');
    const cut = lines.findIndex((l) => /^\(b\)/.test(l));
    // Pages of 20 lines (form feeds, as pdftotext writes them), the text stopping inside a list.
    const paged = lines
      .slice(0, cut)
      .map((l, i) => (i > 0 && i % 20 === 0 ? `\f${l}` : l))
      .join('\n');
    const e = await documentRefusal(gazetteer, new TextEncoder().encode(paged), 'cut.txt');
    expect(e).toBeInstanceOf(ReportFormatError);
    const page = Math.floor((cut - 1) / 20) + 1;
    expect(e.message).toMatch(new RegExp(`^cut\\.txt, page ${page}, line \\d+: the text stops in the middle of a list`));
  });
});
