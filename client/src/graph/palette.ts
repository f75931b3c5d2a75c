import type { NodeLabel, RelationshipType } from '../../../server/contract/model.ts';

/**
 * Colours by node label: a qualitative palette (Tableau 10 family) with the
 * entities an analyst looks for first in the strongest hues, the text's own
 * structure (paragraphs, reports) in greys.
 */
export const LABEL_COLORS: Record<NodeLabel, string> = {
  State: '#4e79a7',
  Organization: '#f28e2b',
  Person: '#b07aa1',
  CrimeType: '#e15759',
  Instrument: '#59a14f',
  Document: '#9c755f',
  Recommendation: '#76b7b2',
  AgendaItem: '#edc948',
  Theme: '#d3a02c',
  Workshop: '#ff9da7',
  Meeting: '#5b5f97',
  Report: '#79706e',
  Paragraph: '#bab0ac',
};

/** Edge colours by relationship type: muted, so nodes stay the figure and edges the ground. */
export const TYPE_COLORS: Record<RelationshipType, string> = {
  CITES: '#8cc084',
  ADDRESSES: '#eb9a9b',
  MENTIONS: '#d5d8dc',
  SPOKE_ON: '#a9bfd6',
  ATTENDED: '#c6d4e3',
  HELD_ROLE: '#cdb6c8',
  REPRESENTS: '#cdb6c8',
  SUPPLEMENTS: '#6fae63',
  CO_OCCURS: '#e8a2a3',
  LINKED_TO: '#c0392b',
  UNDER: '#e6d9a8',
  PART_OF: '#e2dccf',
  IN_REPORT: '#dddddd',
  REPORT_OF: '#dddddd',
};

export const FALLBACK_NODE_COLOR = '#8d99a6';
export const FALLBACK_EDGE_COLOR = '#cfd4da';
/** Dimmed items while a neighbourhood or a path is highlighted. */
export const DIM_NODE_COLOR = '#e3e6ea';
export const DIM_EDGE_COLOR = '#f0f1f3';
export const PATH_COLOR = '#d62728';
export const SELECTED_RING = '#1f2937';

export function labelColor(label: string): string {
  return LABEL_COLORS[label as NodeLabel] ?? FALLBACK_NODE_COLOR;
}

export function typeColor(type: string): string {
  return TYPE_COLORS[type as RelationshipType] ?? FALLBACK_EDGE_COLOR;
}

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
