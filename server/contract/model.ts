/**
 * The graph model shared by ingest, the loader, the API and the viewer.
 * docs/MODEL.md is the prose version of this file; keep the two in step.
 */

/** What Neo4j can store as a property value (and so what graph.json may hold). */
export type Scalar = string | number | boolean | null;
export type PropertyValue = Scalar | Scalar[];
export type Properties = Record<string, PropertyValue>;

export const NODE_LABELS = [
  'Report',
  'Meeting',
  'Paragraph',
  'Recommendation',
  'Theme',
  'AgendaItem',
  'Workshop',
  'State',
  'Organization',
  'Person',
  'CrimeType',
  'Instrument',
  'Document',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** The label a node id names by its prefix (`state:ARG` → State), as ingest builds ids. */
export const ID_PREFIX_LABELS: Readonly<Record<string, NodeLabel>> = {
  report: 'Report',
  meeting: 'Meeting',
  para: 'Paragraph',
  rec: 'Recommendation',
  theme: 'Theme',
  agenda: 'AgendaItem',
  workshop: 'Workshop',
  state: 'State',
  org: 'Organization',
  person: 'Person',
  crime: 'CrimeType',
  instrument: 'Instrument',
  doc: 'Document',
};

/** Labels of the things a report talks about (as opposed to the text's own structure). */
export const ENTITY_LABELS = ['State', 'Organization', 'Person', 'CrimeType', 'Instrument', 'Document'] as const;

export const RELATIONSHIP_TYPES = [
  'IN_REPORT',
  'REPORT_OF',
  'UNDER',
  'PART_OF',
  'MENTIONS',
  'CITES',
  'ADDRESSES',
  'SPOKE_ON',
  'ATTENDED',
  'HELD_ROLE',
  'REPRESENTS',
  'SUPPLEMENTS',
  'CO_OCCURS',
  'LINKED_TO',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export interface GraphNode {
  id: string;
  labels: NodeLabel[];
  properties: Properties;
}

export interface GraphRelationship {
  type: RelationshipType;
  start: string;
  end: string;
  properties: Properties;
}

/** The graph.json exchange format (MODEL.md § graph.json). */
export interface GraphJson {
  reports: string[];
  nodes: GraphNode[];
  relationships: GraphRelationship[];
}

/** Required properties per label (MODEL.md § Node labels); `id` is always required. */
export const REQUIRED_NODE_PROPERTIES: Record<NodeLabel, readonly string[]> = {
  Report: ['title_zh', 'title_en', 'language', 'region', 'venue', 'startDate', 'endDate'],
  Meeting: ['name_zh', 'name_en', 'venue', 'startDate', 'endDate'],
  Paragraph: ['report', 'number', 'text', 'section'],
  Recommendation: ['report', 'paragraph', 'letter', 'text'],
  Theme: ['title_zh', 'title_en'],
  AgendaItem: ['number', 'title_zh', 'title_en'],
  Workshop: ['number', 'title_zh', 'title_en'],
  State: ['iso3', 'name_zh', 'name_en', 'aliases', 'unMember', 'name'],
  Organization: ['name_zh', 'name_en', 'aliases', 'kind', 'name'],
  Person: ['name', 'aliases'],
  CrimeType: ['name_zh', 'name_en', 'aliases', 'iccs', 'parent', 'name'],
  Instrument: ['name_zh', 'name_en', 'short_en', 'aliases', 'kind', 'year', 'name'],
  Document: ['symbol', 'title_zh'],
};

/** Relationship types drawn from the text: each must say where it came from. */
export const PROVENANCE_PROPERTIES: Partial<Record<RelationshipType, readonly string[]>> = {
  MENTIONS: ['spans', 'count'],
  CITES: ['report', 'paragraph', 'evidence', 'spans'],
  ADDRESSES: ['report', 'paragraph', 'evidence', 'spans'],
  SPOKE_ON: ['report', 'paragraph', 'role'],
  ATTENDED: ['role', 'paragraph'],
  HELD_ROLE: ['role'],
  CO_OCCURS: ['count', 'paragraphs'],
  LINKED_TO: ['kind', 'report', 'paragraph', 'evidence'],
};
