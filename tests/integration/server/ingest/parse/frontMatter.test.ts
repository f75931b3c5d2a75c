/**
 * The meeting's dates from a report read from its PDF (layout recovery drops the blank lines
 * that separate the Congress's own dates from the report's title): the front matter's text
 * cases are in tests/unit/server/ingest/parse/frontMatter.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../../../../server/ingest/ingestDocument.ts';
import { realGazetteer, repoPath } from '../../../../setup/reports.ts';

describe('the front matter of a PDF', () => {
  it('a report read from its PDF: Meeting and Report carry the meeting’s dates', async () => {
    const gazetteer = await realGazetteer();
    const { graph } = await ingestDocument(new Uint8Array(readFileSync(repoPath('tests/fixtures/lac-rpm-2025.zh.pdf'))), {
      source: 'lac-rpm-2025.zh.pdf',
      gazetteer,
    });
    for (const label of ['Meeting', 'Report'] as const) {
      const node = graph.nodes.find((n) => n.labels.includes(label))!;
      expect(node.properties, label).toMatchObject({ startDate: '2025-02-04', endDate: '2025-02-06' });
    }
  }, 120_000);
});
