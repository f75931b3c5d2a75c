/**
 * How the graph is drawn, where server and viewer must agree: the colour of each
 * label and relationship type and the size of a node by its degree. The viewer
 * draws with them; the server's GEXF export writes them as viz:color and viz:size,
 * so Gephi opens the whole graph coloured and sized as the viewer shows it.
 */
import type { NodeLabel, RelationshipType } from './model.ts';

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

/** A label's colour (an unknown label: a neutral grey). */
export function labelColor(label: string): string {
  return LABEL_COLORS[label as NodeLabel] ?? FALLBACK_NODE_COLOR;
}

/** A relationship type's colour (an unknown type: a light grey). */
export function typeColor(type: string): string {
  return TYPE_COLORS[type as RelationshipType] ?? FALLBACK_EDGE_COLOR;
}

/**
 * A `#rrggbb` colour as CSS `rgb(r, g, b)`: GEXF writers then emit viz:color's r, g
 * and b attributes, which every GEXF reader knows (the `hex` form is new in 1.3).
 */
export function rgb(hex: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m ? `rgb(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)})` : hex;
}

/** Node radii in pixels: the smallest and largest degree of a graph map to these. */
export const MIN_NODE_SIZE = 4;
export const MAX_NODE_SIZE = 20;

/** Smallest radius in a small graph (a trace, a query result), where there is room for bigger discs. */
export const MIN_NODE_SIZE_SMALL_GRAPH = 7;

/** Node radius in pixels for a degree: square-root scale between the graph's smallest and largest degree. */
export function nodeSize(degree: number, minDegree: number, maxDegree: number, minSize = MIN_NODE_SIZE): number {
  if (maxDegree <= minDegree) return Math.max(minSize, (MIN_NODE_SIZE + MAX_NODE_SIZE) / 3);
  const t = Math.sqrt((degree - minDegree) / (maxDegree - minDegree));
  return minSize + (MAX_NODE_SIZE - minSize) * Math.max(0, Math.min(1, t));
}
