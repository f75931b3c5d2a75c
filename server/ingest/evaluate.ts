/**
 * Precision and recall of CITES and ADDRESSES against a hand annotation of a
 * report's recommendations (tests/fixtures/*.annotation.json).
 */
import { z } from 'zod';
import type { GraphJson } from '../contract/model.ts';

export const annotationSchema = z.object({
  report: z.string(),
  recommendations: z.array(
    z.object({ id: z.string(), cites: z.array(z.string()), addresses: z.array(z.string()), note: z.string().optional() }),
  ),
});
export type Annotation = z.infer<typeof annotationSchema>;

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface Evaluation {
  cites: Score;
  addresses: Score;
  overall: Score;
  /** Each disagreement: "false positive: rec:…(c) CITES instrument:…". */
  disagreements: string[];
}

function score(tp: number, fp: number, fn: number): Score {
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

export function evaluateAgainstAnnotation(graph: GraphJson, annotation: Annotation): Evaluation {
  const annotated = new Set(annotation.recommendations.map((r) => r.id));
  const disagreements: string[] = [];
  const result: Record<'CITES' | 'ADDRESSES', [number, number, number]> = { CITES: [0, 0, 0], ADDRESSES: [0, 0, 0] };
  for (const type of ['CITES', 'ADDRESSES'] as const) {
    const field = type === 'CITES' ? 'cites' : 'addresses';
    const gold = new Set(annotation.recommendations.flatMap((r) => r[field].map((t) => `${r.id} ${t}`)));
    const found = new Set(graph.relationships.filter((r) => r.type === type && annotated.has(r.start)).map((r) => `${r.start} ${r.end}`));
    for (const f of found) {
      if (gold.has(f)) result[type][0]++;
      else {
        result[type][1]++;
        disagreements.push(`false positive: ${f.replace(' ', ` ${type} `)}`);
      }
    }
    for (const g of gold) {
      if (!found.has(g)) {
        result[type][2]++;
        disagreements.push(`false negative: ${g.replace(' ', ` ${type} `)}`);
      }
    }
  }
  const [c, a] = [result.CITES, result.ADDRESSES];
  return {
    cites: score(...c),
    addresses: score(...a),
    overall: score(c[0] + a[0], c[1] + a[1], c[2] + a[2]),
    disagreements,
  };
}
