/**
 * The results as a plain-text table: each product figure beside its reference from
 * the same run, the ratio, the target and whether it is met (issue 18's targets are
 * ratios; the server's memory keeps an absolute one).
 */
import { RATIO_TARGETS, ratioMet, type RatioKey } from './ratios.ts';
import type { ComparisonFigures } from './api.ts';
import type { BenchResults } from './run.ts';

/** The absolute target that stays: the server's memory through the API benchmark. */
export const TARGETS = {
  max_rss_mb: 500,
  ratios: RATIO_TARGETS,
};

const verdict = (ok: boolean | undefined): string => (ok === undefined ? 'not measured' : ok ? 'met' : 'MISSED');

function targetText(key: RatioKey): string {
  const t = RATIO_TARGETS[key];
  return `${t.better === 'lower' ? '≤' : '≥'} ${t.target}`;
}

export function formatTable(r: BenchResults): string {
  const rows: string[][] = [['what', 'product', 'reference (same run)', 'ratio', 'target', '']];
  const ratioRow = (what: string, key: RatioKey, product: string, reference: string): void => {
    const value = r.ratios[key];
    rows.push([what, product, reference, value === null ? '—' : `${value}`, targetText(key), verdict(ratioMet(key, value))]);
  };
  const info = (what: string, figure: string): void => void rows.push([what, figure, '', '', '', '']);
  /**
   * Under an API row: the HTTP floor's throughput, floor ÷ reference, and the product ÷ floor (no
   * target of its own); at one connection the time outside its handler and the ceiling that leaves.
   */
  const floorRow = (c: ComparisonFigures): void => {
    const f = c.floor;
    const hop = f?.hop_ms === undefined ? '' : `; ${f.hop_ms} ms a request outside its handler, so at best ${f.ceiling} of the reference`;
    if (f)
      rows.push([
        '  HTTP floor',
        `${f.rps} req/s (bare node:http, p50 ${f.p50_ms} / p95 ${f.p95_ms} ms, ${f.errors} errors${hop})`,
        `floor ÷ reference ${f.ratio}`,
        `${f.product_ratio}`,
        'product ÷ floor',
        '',
      ]);
  };
  const m = r.machine;
  info(
    'machine',
    `${m.cores} cores, ${m.memory_gb} GB, ${m.cpu_model}; Node ${m.node}, Neo4j ${m.neo4j}; load avg ${m.load_average_at_start} → ${r.load_average_at_end}`,
  );
  if (r.ingest) info('ingest', `${r.ingest.paragraphs_per_s} paragraphs/s (${r.ingest.paragraphs} paragraphs, ${r.ingest.reports} reports)`);
  if (r.load) {
    const l = r.load;
    ratioRow(
      'load',
      'load',
      `${l.batched_rels_per_s} rels/s (${l.rels} rels, ${l.nodes} nodes, ${(l.batched_ms / 1000).toFixed(1)} s)`,
      `${l.reference_rels_per_s} rels/s (UNWIND … CREATE, one tx; ${(l.reference_ms / 1000).toFixed(1)} s)`,
    );
    info('load, naive', `${l.naive_rels_per_s} rels/s (${l.naive_rels} rels of ${l.naive_reports} reports); the loader is ${l.speedup}× faster`);
    rows.push([
      'load, counts',
      l.counts_match ? 'database = graphs' : 'DIFFER',
      l.reference_counts_match ? 'same counts' : 'DIFFER',
      '',
      '',
      l.counts_match && l.reference_counts_match ? 'met' : 'MISSED',
    ]);
  }
  if (r.api) {
    const a = r.api;
    for (const name of ['search', 'node', 'neighbors'] as const) {
      const c = a.reference?.[name];
      const e = a[name];
      const s = a.single_connection?.[name];
      if (c && s) {
        ratioRow(
          `api ${name}, 1 conn.`,
          `api_${name}_1` as RatioKey,
          `${c.single.product_rps} req/s (p50 ${s.p50_ms} / p95 ${s.p95_ms} ms)`,
          `${c.single.reference_rps} req/s (p50 ${c.single.reference_p50_ms} / p95 ${c.single.reference_p95_ms} ms)`,
        );
        floorRow(c.single);
      }
      if (c && e) {
        ratioRow(
          `api ${name}, ${e.connections} conn.`,
          `api_${name}_50` as RatioKey,
          `${c.concurrent.product_rps} req/s (p50 ${e.p50_ms} / p95 ${e.p95_ms} / p99 ${e.p99_ms} ms, ${e.errors} errors)`,
          `${c.concurrent.reference_rps} req/s (p50 ${c.concurrent.reference_p50_ms} / p95 ${c.concurrent.reference_p95_ms} ms, ${c.concurrent.reference_errors} errors)`,
        );
        floorRow(c.concurrent);
      }
    }
    for (const name of ['cypher', 'graph'] as const) {
      const e = a[name];
      const s = a.single_connection?.[name];
      if (e)
        info(
          `api ${name}`,
          `${e.rps} req/s, p50 ${e.p50_ms} / p95 ${e.p95_ms} ms, ${e.errors} errors (${e.connections} conn.)${s ? `; 1 conn.: ${s.rps} req/s, p95 ${s.p95_ms} ms` : ''}`,
        );
    }
    if (a.node_details_time) {
      const t = a.node_details_time;
      info(
        'node details',
        `decoding and mapping (client CPU) ${t.client_cpu_ms_total} ms against Neo4j's ${t.neo4j_ms_total} ms (${t.client_cpu_over_neo4j}×, target < 2×); waiting ${t.waiting_ms_total} ms; over ${t.calls} calls one at a time`,
      );
    }
    rows.push(['server RSS', `${a.max_rss_mb} MB max`, '', '', `< ${TARGETS.max_rss_mb} MB`, verdict(a.max_rss_mb < TARGETS.max_rss_mb)]);
  }
  if (r.viewer_webgl) info('viewer WebGL', `${r.viewer_webgl.mode}: ${r.viewer_webgl.renderer}`);
  for (const [size, v] of Object.entries(r.viewer ?? {})) {
    const ms = (x: number | null | undefined): string => (x === null || x === undefined ? 'no answer' : `${x} ms`);
    if (v.reference) {
      const ref = v.reference.reference;
      const n = `${v.reference.runs} loads each, medians`;
      ratioRow(`viewer ${size}, first frame`, 'viewer_first_frame', `${v.first_render_ms} ms (${n})`, `${ref.first_render_ms} ms (bare sigma)`);
      ratioRow(`viewer ${size}, one frame`, 'viewer_frame', ms(v.frame_ms), ms(ref.frame_ms));
      ratioRow(`viewer ${size}, hover`, 'viewer_hover', ms(v.hover_ms), ms(ref.hover_ms));
    }
    info(
      `viewer ${size}`,
      `${v.nodes} nodes, ${v.edges} edges: first frame ${v.first_render_ms} ms, ` +
        (v.max_long_task_ms === null ? 'layout not measured' : `layout ${v.layout_fps} fps, longest task ${v.max_long_task_ms} ms`) +
        `; hover ${ms(v.hover_ms)}, click ${ms(v.click_ms)}, zoom ${ms(v.camera_ms)}`,
    );
  }
  for (const [name, message] of Object.entries(r.failures)) rows.push([`${name}`, `FAILED: ${message}`, '', '', '', '']);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]): string =>
    row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
