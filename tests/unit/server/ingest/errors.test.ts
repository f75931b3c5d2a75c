import { describe, expect, it } from 'vitest';
import { decodeReport } from '../../../../server/ingest/decode.ts';
import { ReportFormatError } from '../../../../server/ingest/errors.ts';
import { parseReport } from '../../../../server/ingest/parse/parseReport.ts';
import { miniChineseReport } from '../../../setup/reports.ts';

function formatError(fn: () => unknown): ReportFormatError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ReportFormatError) return err;
    throw err;
  }
  throw new Error('expected a ReportFormatError');
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('bad input is refused with the line named', () => {
  it('refuses an empty file', () => {
    expect(formatError(() => parseReport('  \n\n', 'empty.txt')).message).toBe('empty.txt, line 1: the file is empty');
  });

  it('refuses bytes that are not UTF-8, naming the first bad line', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('第一行\n第二行\n'), 0xff, 0xfe, 0x0a]);
    const err = formatError(() => decodeReport(bytes, 'latin.txt'));
    expect(err.line).toBe(3);
    expect(err.message).toMatch(/not valid UTF-8/);
  });

  it('decodes valid UTF-8 unchanged', () => {
    expect(decodeReport(new TextEncoder().encode('报告\n'))).toBe('报告\n');
  });

  it('refuses text that is not a report', () => {
    expect(formatError(() => parseReport('Minutes of the book club\n\nWe read three chapters.\n')).message).toMatch(/line 1: no chapter heading/);
    expect(formatError(() => parseReport('一. 导言\n\n没有标题的文字。\n')).message).toMatch(/no report title/);
  });

  it('refuses a speaker list cut off before its end', () => {
    const text = miniChineseReport({ speakers: '下列国家代表作了发言：巴西、加拿大、' });
    const err = formatError(() => parseReport(text));
    expect(err.line).toBe(lineOf(text, '下列国家代表作了发言'));
    expect(err.message).toMatch(/cut off/);
  });

  it('refuses a recommendation list announced without items', () => {
    const text = miniChineseReport({ recommendations: [] });
    const err = formatError(() => parseReport(text));
    expect(err.line).toBe(lineOf(text, '5. 与会者未经谈判提出了下列建议'));
    expect(err.message).toMatch(/announces recommendations but no lettered items follow/);
  });

  it('refuses a report whose text stops in the middle of a list', () => {
    const text = miniChineseReport().split('\n').slice(0, lineOf(miniChineseReport(), '(a) 加强打击网络犯罪的能力')).join('\n');
    const err = formatError(() => parseReport(text));
    expect(err.line).toBe(lineOf(text, '(a) 加强打击网络犯罪的能力'));
    expect(err.message).toMatch(/stops in the middle of a list/);
  });
});
