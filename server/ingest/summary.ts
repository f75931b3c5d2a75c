/** The CLI's summary of a graph: counts per label and per relationship type. */
import type { GraphJson } from '../contract/model.ts';

function countBy(items: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export function summarizeGraph(graph: GraphJson): { labels: [string, number][]; types: [string, number][] } {
  return { labels: countBy(graph.nodes.flatMap((n) => n.labels)), types: countBy(graph.relationships.map((r) => r.type)) };
}

export function formatSummary(graph: GraphJson, warnings: readonly string[]): string {
  const { labels, types } = summarizeGraph(graph);
  const lines = [
    `reports: ${graph.reports.join(', ')}`,
    `nodes: ${graph.nodes.length}`,
    ...labels.map(([l, n]) => `  ${l.padEnd(16)} ${n}`),
    `relationships: ${graph.relationships.length}`,
    ...types.map(([t, n]) => `  ${t.padEnd(16)} ${n}`),
  ];
  lines.push(warnings.length === 0 ? 'text not placed: none' : `text not placed (${warnings.length}):`);
  for (const w of warnings) lines.push(`  ${w}`);
  return lines.join('\n');
}
