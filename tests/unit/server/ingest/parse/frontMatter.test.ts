/**
 * The meeting's dates come from the report's title, never from the Congress's own dates
 * printed above it — also when nothing separates the two (layout recovery of a PDF or
 * Word file drops blank lines, so the Congress's name, dates and venue run straight into
 * the title). A report read from its PDF: tests/integration/server/ingest/parse/frontMatter.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../../../server/ingest/parse/parseReport.ts';
import { repoPath } from '../../../../setup/reports.ts';

/** The report with every blank line of its front matter (before the contents) taken out. */
function withoutBlankFrontLines(text: string, contents: RegExp): string {
  const lines = text.split('\n');
  const toc = lines.findIndex((l) => contents.test(l));
  return [...lines.slice(0, toc).filter((l) => l.trim() !== ''), ...lines.slice(toc)].join('\n');
}

describe('the front matter', () => {
  it('Chinese: the meeting is dated by its title, the Congress by its own line', () => {
    const text = withoutBlankFrontLines(readFileSync(repoPath('data/reports/lac-rpm-2025.zh.txt'), 'utf8'), /^目录$/);
    const s = parseReport(text);
    expect(s.meeting).toMatchObject({ venue: '圣何塞', startDate: '2025-02-04', endDate: '2025-02-06' });
    expect(s.congress).toMatchObject({ number: 15, venue: '阿布扎比', startDate: '2026-04-25', endDate: '2026-04-30' });
  });

  it('English: the same', () => {
    const text = withoutBlankFrontLines(readFileSync(repoPath('tests/fixtures/dev/eur-rpm-2025.en.txt'), 'utf8'), /^Contents$/);
    const s = parseReport(text);
    expect(s.meeting).toMatchObject({ venue: 'Vienna', startDate: '2025-04-14', endDate: '2025-04-16' });
    expect(s.congress).toMatchObject({ number: 15, startDate: '2026-04-25', endDate: '2026-04-30' });
  });
});
