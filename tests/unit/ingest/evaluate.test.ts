import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GraphJson } from '../../../server/contract/model.ts';
import { annotationSchema, evaluateAgainstAnnotation } from '../../../server/ingest/evaluate.ts';
import { ingestReport } from '../../../server/ingest/ingestReport.ts';
import { realGazetteer, repoPath, seedText } from './helpers.ts';

const annotation = annotationSchema.parse(JSON.parse(readFileSync(repoPath('tests/fixtures/lac-rpm-2025.annotation.json'), 'utf8')));

describe('evaluation against the hand annotation', () => {
  it('annotates all 66 recommendations of the seed', () => {
    expect(annotation.recommendations).toHaveLength(66);
    expect(new Set(annotation.recommendations.map((r) => r.id)).size).toBe(66);
  });

  it('counts true and false positives and negatives', () => {
    const graph: GraphJson = {
      reports: [],
      nodes: [],
      relationships: [
        { type: 'CITES', start: 'rec:r:1(a)', end: 'instrument:x', properties: {} },
        { type: 'ADDRESSES', start: 'rec:r:1(a)', end: 'crime:wrong', properties: {} },
        { type: 'ADDRESSES', start: 'rec:r:9(z)', end: 'crime:ignored', properties: {} },
      ],
    };
    const e = evaluateAgainstAnnotation(graph, {
      report: 'report:r',
      recommendations: [{ id: 'rec:r:1(a)', cites: ['instrument:x'], addresses: ['crime:right'] }],
    });
    expect(e.cites).toMatchObject({ truePositives: 1, falsePositives: 0, falseNegatives: 0, precision: 1, recall: 1 });
    expect(e.addresses).toMatchObject({ truePositives: 0, falsePositives: 1, falseNegatives: 1, precision: 0, recall: 0 });
    expect(e.disagreements).toEqual(['false positive: rec:r:1(a) ADDRESSES crime:wrong', 'false negative: rec:r:1(a) ADDRESSES crime:right']);
  });

  it('the extractor reaches precision and recall of at least 0.95 on the seed', async () => {
    const { graph } = ingestReport(seedText(), { source: 'lac-rpm-2025.zh.txt', gazetteer: await realGazetteer() });
    const e = evaluateAgainstAnnotation(graph, annotation);
    expect(e.disagreements).toEqual([]);
    expect(e.overall.precision).toBeGreaterThanOrEqual(0.95);
    expect(e.overall.recall).toBeGreaterThanOrEqual(0.95);
    expect(e.cites.recall).toBeGreaterThanOrEqual(0.95);
    expect(e.addresses.recall).toBeGreaterThanOrEqual(0.95);
  });
});
