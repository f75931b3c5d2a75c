/**
 * PDF and Word files that are not a readable report (scanned, encrypted, damaged, not a
 * report): one clear sentence, the reason, nothing else. The rest of the kind (other
 * formats, text encodings) is in tests/unit/server/ingest/ingestDocument.bad-input.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { DocumentError, ReportFormatError } from '../../../../../server/ingest/errors.ts';
import { realGazetteer } from '../../../../setup/reports.ts';
import { documentRefusal, fixture } from '../../../../setup/documents.ts';

const gazetteer = await realGazetteer();
const refusal = (bytes: Uint8Array, source: string) => documentRefusal(gazetteer, bytes, source);

describe('PDF and Word files that are no report we read', () => {
  it('a scanned PDF (images, no text layer)', async () => {
    const e = await refusal(fixture('documents/scanned.pdf'), 'scan.pdf');
    expect(e).toBeInstanceOf(DocumentError);
    expect((e as DocumentError).reason).toBe('no_text_layer');
    expect(e.message).toBe('scan.pdf: no text layer: this PDF is an image; run OCR first');
  });

  it('an encrypted PDF', async () => {
    const e = await refusal(fixture('documents/encrypted.pdf'), 'locked.pdf');
    expect((e as DocumentError).reason).toBe('encrypted');
    expect(e.message).toMatch(/^locked\.pdf: this PDF is protected by a password/);
  });

  it('a damaged PDF (cut short) and a damaged Word file', async () => {
    const pdf = fixture('lac-rpm-2025.zh.pdf').slice(0, 3000);
    const e = await refusal(pdf, 'cut.pdf');
    expect((e as DocumentError).reason).toBe('corrupt');
    expect(e.message).toMatch(/^cut\.pdf: this PDF is damaged and cannot be read/);
    const docx = fixture('lac-rpm-2025.zh.docx').slice(0, 4000);
    const w = await refusal(docx, 'cut.docx');
    expect((w as DocumentError).reason).toBe('corrupt');
    expect(w.message).toMatch(/^cut\.docx: this Word file is damaged/);
  });

  it('a Word file that is not a report: the parser says why, naming the line', async () => {
    const e = await refusal(fixture('documents/minutes.docx'), 'minutes.docx');
    expect(e).toBeInstanceOf(ReportFormatError);
    expect(e.message).toBe('minutes.docx, line 1: no chapter heading found: this does not look like a meeting report');
  });
});
