/**
 * The meeting's symbol read from the masthead of a PDF, which layout recovery takes out of
 * the text; the other sources of the symbol are tested in tests/unit/server/ingest/extract/meetingSymbol.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GraphJson, NodeLabel } from '../../../../../server/contract/model.ts';
import { PROJECT_ROOT } from '../../../../../server/config.ts';
import { ingestDocument } from '../../../../../server/ingest/ingestDocument.ts';
import { realGazetteer } from '../../../../setup/reports.ts';

const gazetteer = await realGazetteer();
const byLabel = (g: GraphJson, label: NodeLabel) => g.nodes.filter((n) => n.labels.includes(label));

describe('the meeting’s symbol', () => {
  it('comes from the masthead of a PDF, which layout recovery takes out of the text', async () => {
    const pdf = await ingestDocument(new Uint8Array(readFileSync(path.join(PROJECT_ROOT, 'tests', 'fixtures', 'dev', 'eur-rpm-2025.en.pdf'))), {
      source: 'eur-rpm-2025.en.pdf',
      gazetteer,
    });
    expect(pdf.text).not.toContain('A/CONF.241/RPM.5/1\n');
    const report = byLabel(pdf.graph, 'Report')[0]!;
    expect([report.properties.series, report.properties.symbol]).toEqual(['A/CONF.241/RPM.5', 'A/CONF.241/RPM.5/1']);
    expect(byLabel(pdf.graph, 'Meeting')[0]!.id).toBe('meeting:A/CONF.241/RPM.5');
  }, 120_000);
});
