/** The results as a plain-text table, each figure beside its target. */
import type { BenchResults } from './run.ts';

/** The targets on a 2-core machine (docs/PERFORMANCE.md). */
export const TARGETS = {
  batched_rels_per_s: 20_000,
  batched_vs_naive: 10,
  api_p95_ms: 50,
  api_errors: 0,
  max_rss_mb: 500,
  viewer_first_render_ms_10k: 1500,
  viewer_max_long_task_ms: 100,
};

const verdict = (ok: boolean | undefined): string => (ok === undefined ? '' : ok ? 'met' : 'MISSED');

export function formatTable(r: BenchResults): string {
  const rows: string[][] = [['what', 'figure', 'target', '']];
  const m = r.machine;
  rows.push(['machine', `${m.cores} cores, ${m.memory_gb} GB, ${m.cpu_model}; Node ${m.node}, Neo4j ${m.neo4j}; load avg ${m.load_average_at_start} → ${r.load_average_at_end}`, '', '']);
  if (r.ingest) rows.push(['ingest', `${r.ingest.paragraphs_per_s} paragraphs/s (${r.ingest.paragraphs} paragraphs, ${r.ingest.reports} reports)`, '', '']);
  if (r.load) {
    const l = r.load;
    rows.push(['load, batched', `${l.batched_rels_per_s} rels/s (${l.rels} rels, ${l.nodes} nodes, ${(l.batched_ms / 1000).toFixed(1)} s)`, `≥ ${TARGETS.batched_rels_per_s}`, verdict(l.batched_rels_per_s >= TARGETS.batched_rels_per_s)]);
    rows.push(['load, naive', `${l.naive_rels_per_s} rels/s (${l.naive_rels} rels of ${l.naive_reports} reports)`, '', '']);
    rows.push(['load, speed-up', `${l.speedup}×`, `≥ ${TARGETS.batched_vs_naive}×`, verdict(l.speedup >= TARGETS.batched_vs_naive)]);
    rows.push(['load, counts', l.counts_match ? 'database = graphs' : 'DIFFER', '', verdict(l.counts_match)]);
  }
  if (r.api) {
    for (const name of ['search', 'node', 'neighbors', 'cypher', 'graph'] as const) {
      const e = r.api[name];
      if (!e) continue;
      const targeted = name === 'search' || name === 'node' || name === 'neighbors';
      rows.push([
        `api ${name}`,
        `p50 ${e.p50_ms} / p95 ${e.p95_ms} / p99 ${e.p99_ms} ms, ${e.rps} req/s, ${e.errors} errors (${e.connections} conn.)` +
          (r.api.single_connection?.[name] ? `; 1 conn.: p50 ${r.api.single_connection[name].p50_ms} / p95 ${r.api.single_connection[name].p95_ms} ms` : ''),
        targeted ? `p95 ≤ ${TARGETS.api_p95_ms}, 0 errors` : '',
        targeted ? verdict(e.p95_ms <= TARGETS.api_p95_ms && e.errors === 0) : '',
      ]);
    }
    rows.push(['server RSS', `${r.api.max_rss_mb} MB max`, `< ${TARGETS.max_rss_mb}`, verdict(r.api.max_rss_mb < TARGETS.max_rss_mb)]);
  }
  for (const [size, v] of Object.entries(r.viewer ?? {})) {
    rows.push([
      `viewer ${size}`,
      `${v.nodes} nodes, ${v.edges} edges: first render ${v.first_render_ms} ms, ` +
        (v.max_long_task_ms === null ? 'layout not measured' : `layout ${v.layout_fps} fps, longest task ${v.max_long_task_ms} ms`),
      size === '10k' ? `≤ ${TARGETS.viewer_first_render_ms_10k} ms, ≤ ${TARGETS.viewer_max_long_task_ms} ms` : `task ≤ ${TARGETS.viewer_max_long_task_ms} ms`,
      viewerVerdict(size, v),
    ]);
  }
  for (const [name, message] of Object.entries(r.failures)) rows.push([`${name}`, `FAILED: ${message}`, '', '']);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]): string => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** First render (10k only) and the longest task; a figure not measured gives no verdict unless another one already missed. */
function viewerVerdict(size: string, v: { first_render_ms: number; max_long_task_ms: number | null }): string {
  const renderOk = size === '10k' ? v.first_render_ms <= TARGETS.viewer_first_render_ms_10k : true;
  if (v.max_long_task_ms === null) return renderOk ? 'not measured' : 'MISSED';
  return verdict(renderOk && v.max_long_task_ms <= TARGETS.viewer_max_long_task_ms);
}
