/**
 * A GraphML writer (graphology-graphml only parses): one <key> per attribute name
 * and element kind, typed from the values (boolean, long, double, else string).
 * Text is written through xml.ts, so the file is well-formed XML 1.0 whatever the
 * values hold (ids through `xmlSafeGraph`, so they stay unique).
 */
import { flatValue } from '../../contract/flatten.ts';
import { xmlAttribute, xmlSafeGraph, xmlText } from '../../contract/xml.ts';
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

export function writeGraphml(unsafeNodes: readonly GraphmlNode[], unsafeEdges: readonly GraphmlEdge[]): string {
  const { nodes, edges } = xmlSafeGraph(unsafeNodes, unsafeEdges);
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
      out.push(`  <key id="${id}" for="${kind}" attr.name="${xmlAttribute(name)}" attr.type="${type}"/>`);
    }
  }
  out.push('  <graph id="G" edgedefault="directed">');
  const data = (kind: 'node' | 'edge', flat: Record<string, string | number | boolean>): string =>
    Object.entries(flat)
      .map(([name, value]) => `<data key="${ids[kind].get(name)}">${xmlText(String(value))}</data>`)
      .join('');
  for (const n of flatNodes) out.push(`    <node id="${xmlAttribute(n.id)}">${data('node', n.flat)}</node>`);
  for (const e of flatEdges)
    out.push(`    <edge id="${xmlAttribute(e.id)}" source="${xmlAttribute(e.source)}" target="${xmlAttribute(e.target)}">${data('edge', e.flat)}</edge>`);
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
