/** The CLI's summary of a graph: counts per label and per relationship type, and the entities left for review. */
import type { GraphJson } from '../contract/model.ts';
import type { UnreviewedEntity } from './extract/unreviewed.ts';

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

/**
 * The entities a run created that the gazetteer lacks (`reviewed: false`), one line each:
 * id, label and kind, the name and its other forms, and where the text names it first.
 */
export function formatUnreviewed(entities: readonly (UnreviewedEntity & { source: string })[]): string {
  if (entities.length === 0) return 'unreviewed entities: none';
  const lines = [`unreviewed entities (${entities.length}; see docs/GAZETTEER.md to review and add them):`];
  for (const e of entities) {
    const others = e.forms.filter((f) => f !== e.name);
    lines.push(
      `  ${e.id}  ${e.label} (${e.kind})  "${e.name}"${others.length ? ` also ${others.map((f) => `"${f}"`).join(', ')}` : ''}  ${e.source}, paragraph ${e.paragraph}, line ${e.line}`,
    );
  }
  return lines.join('\n');
}
