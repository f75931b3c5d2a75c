/**
 * The graph as the API sends it: JSON values, nodes, relationships and paths as
 * read from Neo4j, and graphs in graphology's serialized form (the type of
 * `graph.export()` in graphology-types), which the viewer imports as they come.
 * Types only: server and viewer both import them. The zod schemas in api.ts
 * describe the same shapes for validation and the OpenAPI document, and are
 * checked against these types at compile time.
 */
import type {
  SerializedEdge as GraphologySerializedEdge,
  SerializedGraph as GraphologySerializedGraph,
  SerializedNode as GraphologySerializedNode,
} from 'graphology-types';

/** Any JSON value: what a property, a Cypher cell or a graph attribute holds on the wire. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A node's properties on the wire (integers as numbers, temporal values as ISO strings). */
export type JsonProperties = Record<string, Json>;

/** A node: `id` is its model id (`state:ARG`), or its elementId when it has none. */
export interface NodeJson {
  id: string;
  labels: string[];
  properties: JsonProperties;
}

/** A relationship: `id` is its elementId; `start` and `end` are the ids of its end nodes. */
export interface RelationshipJson {
  id: string;
  type: string;
  start: string;
  end: string;
  properties: JsonProperties;
}

/** A path: its nodes in order and the relationships between them. */
export interface PathJson {
  nodes: NodeJson[];
  relationships: RelationshipJson[];
}

/** A node's attributes in a serialized graph: its labels, the name to show and its properties. */
export type NodeAttributes = { labels: string[]; name: string; properties: JsonProperties };
/** An edge's attributes in a serialized graph: the relationship type and its properties. */
export type EdgeAttributes = { type: string; properties: JsonProperties };
/** A graph's attributes: the request's parameters, and `truncated` when a cap cut it. */
export type GraphAttributes = Record<string, Json>;

/** A node of a serialized graph, key and attributes always present (graphology's SerializedNode). */
export type SerializedNode = Required<GraphologySerializedNode<NodeAttributes>>;
/** An edge of a serialized graph: key (the relationship's elementId) and attributes always present. */
export type SerializedEdge = Required<Omit<GraphologySerializedEdge<EdgeAttributes>, 'undirected'>>;

/**
 * graphology's serialized graph as every endpoint sends it: a directed multigraph
 * with self-loops, every node and edge with its key and attributes. Assignable to
 * graphology-types' SerializedGraph, so `Graph.from(body)` takes it as it is.
 */
export interface SerializedGraph extends Omit<GraphologySerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>, 'options' | 'nodes' | 'edges'> {
  options: { type: 'directed'; multi: true; allowSelfLoops: true };
  nodes: SerializedNode[];
  edges: SerializedEdge[];
}
