export { FALLBACK_EDGE_COLOR, FALLBACK_NODE_COLOR, LABEL_COLORS, labelColor, TYPE_COLORS, typeColor } from '../../../server/contract/display.ts';

/** Dimmed items while a neighbourhood or a path is highlighted. */
export const DIM_NODE_COLOR = '#e3e6ea';
export const DIM_EDGE_COLOR = '#f0f1f3';
export const PATH_COLOR = '#d62728';
export const SELECTED_RING = '#1f2937';

/** A darker shade of an edge colour for highlighted neighbourhoods (hex in, hex out). */
export function darken(hex: string, amount = 0.35): string {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return hex;
  const n = parseInt(m[1]!, 16);
  const channel = (shift: number) => Math.max(0, Math.round(((n >> shift) & 255) * (1 - amount)));
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
