/**
 * Values between Neo4j and plain JSON. Going in (`toDriverValue`): whole numbers as
 * Neo4j integers. Coming out: Neo4j values → plain JSON: integers as numbers (as strings beyond 2^53), temporal
 * values as ISO strings, nodes as {id, labels, properties}, relationships as
 * {id, type, start, end, properties}, paths as {nodes, relationships}.
 *
 * A node's `id` is its model id (the `id` property) when it has one, else its
 * elementId; a relationship's `start`/`end` are the ids of its end nodes, so a
 * converter must know every end node (see ValueConverter.missingEndpoints).
 * Properties whose names start with `_` are the loader's bookkeeping and are left out.
 */
import neo4j, { type Node, type Path, type Relationship } from 'neo4j-driver';
import type { Json, NodeJson, PathJson, RelationshipJson } from '../../contract/graph.ts';

/**
 * Plain JSON → what the driver sends, the one converter for query parameters and
 * the loader's properties: whole numbers as Neo4j integers (JavaScript numbers
 * travel as floats, and `LIMIT $n` or an integer property wants integers), except
 * in a list of numbers that holds a fraction, which goes as floats (Neo4j stores
 * a list with one element type); lists and maps converted inside; driver values
 * (Integers, nodes…) and everything else pass through unchanged.
 */
export function toDriverValue(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) {
    if (value.some((v) => typeof v === 'number' && !Number.isSafeInteger(v)) && value.every((v) => typeof v === 'number')) return value;
    return value.map(toDriverValue);
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toDriverValue(v);
    return out;
  }
  return value;
}

/** A scalar or list property value as JSON (no nodes here). */
export function scalarToJson(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  if (neo4j.isPoint(value)) {
    const point: Record<string, Json> = { srid: scalarToJson(value.srid), x: value.x, y: value.y };
    if (value.z !== undefined) point.z = value.z;
    return point;
  }
  if (value instanceof Uint8Array || value instanceof Int8Array) return Array.from(value);
  if (Array.isArray(value)) return value.map(scalarToJson);
  if (typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = scalarToJson(v);
    return out;
  }
  return String(value);
}

export function propertiesToJson(properties: Record<string, unknown>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(properties)) {
    if (k === 'id' || k.startsWith('_')) continue;
    out[k] = scalarToJson(v);
  }
  return out;
}

/**
 * Cypher for the properties of `variable` (a node or relationship) without the loader's
 * bookkeeping (names starting with `_`), as `[[key, value], …]`: a hub's `_reports`
 * (hundreds of report ids) and `_contrib` are never shipped from Neo4j only to be
 * dropped here. Read it back with `pairsToJson`.
 */
export function publicPropertiesCypher(variable: string): string {
  return `[k IN keys(${variable}) WHERE NOT k STARTS WITH '_' | [k, ${variable}[k]]]`;
}

/** `[[key, value], …]` (publicPropertiesCypher) as JSON properties, `id` left out as propertiesToJson does. */
export function pairsToJson(pairs: readonly (readonly [string, unknown])[] | null | undefined): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [k, v] of pairs ?? []) {
    if (k === 'id' || k.startsWith('_')) continue;
    out[k] = scalarToJson(v);
  }
  return out;
}

/** The same pairs as a plain map of the values as the driver gave them (Neo4j integers kept). */
export function pairsToRaw(pairs: readonly (readonly [string, unknown])[] | null | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of pairs ?? []) out[k] = v;
  return out;
}

/** The fields a node is shown by (names, titles, place in the text) and its text. */
export const DISPLAY_FIELDS = ['name', 'name_zh', 'name_en', 'title_zh', 'title_en', 'symbol', 'number', 'paragraph', 'letter', 'report', 'text'] as const;

/** A node as a projection reads it: its key (model id, else elementId), labels, the fields asked for. */
export interface ProjectedNode {
  key: string;
  eid: string;
  labels: string[];
  fields: Record<string, unknown>;
  /** With `textPrefix`: whether `fields.text` is only the text's beginning. */
  textCut?: boolean | null;
}

/**
 * Cypher reading only `fields` of the node `variable` (a map projection): what an
 * answer shows, without the rest of a hub's properties or the loader's bookkeeping.
 * With `textPrefix`, `text` is cut to that many characters and `textCut` says whether it was.
 */
export function projectionCypher(variable: string, fields: readonly string[], opts: { textPrefix?: number } = {}): string {
  const v = variable;
  const read = fields.map((f) => (f === 'text' && opts.textPrefix ? `text: left(${v}.text, ${opts.textPrefix})` : `${f}: ${v}.${f}`));
  const cut = opts.textPrefix ? `, textCut: size(${v}.text) > ${opts.textPrefix}` : '';
  return `{key: coalesce(${v}.id, elementId(${v})), eid: elementId(${v}), labels: labels(${v}), fields: {${read.join(', ')}}${cut}}`;
}

/** A projected node as NodeJson (nulls, which Neo4j gives for missing fields, left out). */
export function projectedToJson(p: ProjectedNode): NodeJson {
  const properties: NodeJson['properties'] = {};
  for (const [k, v] of Object.entries(p.fields)) if (v !== null && v !== undefined) properties[k] = scalarToJson(v);
  return { id: p.key, labels: p.labels, properties };
}

export function nodeKey(node: Node): string {
  const id = node.properties.id;
  return typeof id === 'string' && id !== '' ? id : node.elementId;
}

export function nodeToJson(node: Node): NodeJson {
  return { id: nodeKey(node), labels: [...node.labels], properties: propertiesToJson(node.properties) };
}

/**
 * Converts a query's values, collecting every node and relationship met on the way
 * (for the result graph). Call `collect` on all values first, then supply the end
 * nodes `missingEndpoints` names, then convert.
 */
export class ValueConverter {
  readonly nodes = new Map<string, Node>(); // by elementId
  readonly relationships = new Map<string, Relationship>(); // by elementId

  collect(value: unknown): void {
    if (value === null || typeof value !== 'object') return;
    if (neo4j.isNode(value)) {
      this.nodes.set(value.elementId, value);
    } else if (neo4j.isRelationship(value)) {
      this.relationships.set(value.elementId, value);
    } else if (neo4j.isPath(value)) {
      const path = value as Path;
      this.nodes.set(path.start.elementId, path.start);
      for (const segment of path.segments) {
        this.nodes.set(segment.end.elementId, segment.end);
        this.relationships.set(segment.relationship.elementId, segment.relationship);
      }
    } else if (Array.isArray(value)) {
      for (const v of value) this.collect(v);
    } else if (!neo4j.isInt(value) && Object.getPrototypeOf(value) === Object.prototype) {
      for (const v of Object.values(value)) this.collect(v);
    }
  }

  /** ElementIds of relationship end nodes that the collected values do not hold. */
  missingEndpoints(): string[] {
    const missing = new Set<string>();
    for (const r of this.relationships.values()) {
      if (!this.nodes.has(r.startNodeElementId)) missing.add(r.startNodeElementId);
      if (!this.nodes.has(r.endNodeElementId)) missing.add(r.endNodeElementId);
    }
    return [...missing];
  }

  addNodes(nodes: Iterable<Node>): void {
    for (const n of nodes) this.nodes.set(n.elementId, n);
  }

  /** The id under which a node (by elementId) appears; its elementId if unknown. */
  keyOf(elementId: string): string {
    const node = this.nodes.get(elementId);
    return node ? nodeKey(node) : elementId;
  }

  relationshipToJson(r: Relationship): RelationshipJson {
    return {
      id: r.elementId,
      type: r.type,
      start: this.keyOf(r.startNodeElementId),
      end: this.keyOf(r.endNodeElementId),
      properties: propertiesToJson(r.properties),
    };
  }

  toJson(value: unknown): Json {
    if (value === null || value === undefined) return null;
    if (typeof value !== 'object') return scalarToJson(value);
    if (neo4j.isNode(value)) return nodeToJson(value) as unknown as Json;
    if (neo4j.isRelationship(value)) return this.relationshipToJson(value) as unknown as Json;
    if (neo4j.isPath(value)) {
      const path = value as Path;
      const nodes = [nodeToJson(path.start), ...path.segments.map((s) => nodeToJson(s.end))];
      const relationships = path.segments.map((s) => this.relationshipToJson(s.relationship));
      return { nodes, relationships } as unknown as Json;
    }
    if (Array.isArray(value)) return value.map((v) => this.toJson(v));
    if (neo4j.isInt(value) || Object.getPrototypeOf(value) !== Object.prototype) return scalarToJson(value);
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = this.toJson(v);
    return out;
  }
}
