export { FALLBACK_EDGE_COLOR, FALLBACK_NODE_COLOR, LABEL_COLORS, labelColor, TYPE_COLORS, typeColor } from '../../../server/contract/display.ts';

/** Dimmed items while a neighbourhood or a path is highlighted. */
export const DIM_NODE_COLOR = '#e3e6ea';
export const DIM_EDGE_COLOR = '#f0f1f3';
export const PATH_COLOR = '#d62728';
export const SELECTED_RING = '#1f2937';
/** The graph canvas's background (sigma's stage, and the dashes' gaps). */
export const CANVAS_BACKGROUND = '#fbfbfa';

/** A darker shade of an edge colour for highlighted neighbourhoods (hex in, hex out). */
export function darken(hex: string, amount = 0.35): string {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return hex;
  const n = parseInt(m[1]!, 16);
  const channel = (shift: number) => Math.max(0, Math.round(((n >> shift) & 255) * (1 - amount)));
  return `#${[16, 8, 0].map((s) => channel(s).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * A contested stated link's colour where edges are not dashed (the lean drawing of large
 * graphs, drawing.ts): the link's colour mixed halfway with the canvas background, about
 * what a line of equal dashes and gaps looks like from afar (hex in, hex out).
 */
export function contestedColor(hex: string): string {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  const bg = /^#([0-9a-f]{6})$/i.exec(CANVAS_BACKGROUND);
  if (!m || !bg) return hex;
  const n = parseInt(m[1]!, 16);
  const b = parseInt(bg[1]!, 16);
  const channel = (shift: number) => Math.round((((n >> shift) & 255) + ((b >> shift) & 255)) / 2);
  return `#${[16, 8, 0].map((s) => channel(s).toString(16).padStart(2, '0')).join('')}`;
}

/** Heat-map colour for a count in [0, max]: white to deep green. */
export function heatColor(value: number, max: number): string {
  if (value <= 0 || max <= 0) return '#ffffff';
  const t = Math.min(1, value / max);
  const from = [232, 245, 233];
  const to = [27, 94, 32];
  const mix = from.map((f, i) => Math.round(f + (to[i]! - f) * (0.25 + 0.75 * t)));
  return `rgb(${mix.join(', ')})`;
}
