/**
 * A GraphML writer (graphology-graphml only parses): one <key> per attribute name
 * and element kind, typed from the values (boolean, long, double, else string).
 */
import { flatValue } from './flatten.ts';
import type { Json } from '../../contract/graph.ts';

export interface GraphmlNode {
  id: string;
  attributes: Record<string, Json>;
}
export interface GraphmlEdge {
  id: string;
  source: string;
  target: string;
  attributes: Record<string, Json>;
}

type KeyType = 'boolean' | 'long' | 'double' | 'string';

// XML 1.0 allows tab, LF, CR and characters from U+0020 on; anything else cannot be written at all.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlEscape(text: string): string {
  return text.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function typeOf(value: string | number | boolean): KeyType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'long' : 'double';
  return 'string';
}

function merge(a: KeyType | undefined, b: KeyType): KeyType {
  if (a === undefined || a === b) return b;
  if ((a === 'long' && b === 'double') || (a === 'double' && b === 'long')) return 'double';
  return 'string';
}

export function writeGraphml(nodes: readonly GraphmlNode[], edges: readonly GraphmlEdge[]): string {
  const keys = { node: new Map<string, KeyType>(), edge: new Map<string, KeyType>() };
  const flatNodes = nodes.map((n) => ({ ...n, flat: flatten(n.attributes, keys.node) }));
  const flatEdges = edges.map((e) => ({ ...e, flat: flatten(e.attributes, keys.edge) }));
  const ids = { node: new Map<string, string>(), edge: new Map<string, string>() };
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const kind of ['node', 'edge'] as const) {
    for (const [name, type] of keys[kind]) {
      const id = `${kind[0]}${ids[kind].size}`;
      ids[kind].set(name, id);
      out.push(`  <key id="${id}" for="${kind}" attr.name="${xmlEscape(name)}" attr.type="${type}"/>`);
    }
  }
  out.push('  <graph id="G" edgedefault="directed">');
  const data = (kind: 'node' | 'edge', flat: Record<string, string | number | boolean>): string =>
    Object.entries(flat)
      .map(([name, value]) => `<data key="${ids[kind].get(name)}">${xmlEscape(String(value))}</data>`)
      .join('');
  for (const n of flatNodes) out.push(`    <node id="${xmlEscape(n.id)}">${data('node', n.flat)}</node>`);
  for (const e of flatEdges) out.push(`    <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">${data('edge', e.flat)}</edge>`);
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

function flatten(attributes: Record<string, Json>, keys: Map<string, KeyType>): Record<string, string | number | boolean> {
  const flat: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(attributes)) {
    const v = flatValue(value);
    if (v === null) continue;
    flat[name] = v;
    keys.set(name, merge(keys.get(name), typeOf(v)));
  }
  return flat;
}
