/**
 * The API's shapes, as zod schemas: request schemas validate (and coerce) what comes
 * in; response schemas document what goes out (and the tests hold responses to
 * them). server/api/openapi.ts turns both into the OpenAPI document. The type beside
 * each schema is the same shape for TypeScript: the server's queries return it and the
 * viewer reads it (`import type`, so zod stays out of the viewer's bundle).
 */
import { z } from 'zod';
import type { Json, SerializedGraph as SerializedGraphType } from './graph.ts';
import { COMPACT_GRAPH_FORMAT, type CompactGraph as CompactGraphType } from './compactGraph.ts';
import { NODE_LABELS, RELATIONSHIP_TYPES } from './model.ts';

// ── Shared values ──

export const JsonValue: z.ZodType<Json> = z
  .lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValue), z.record(z.string(), JsonValue)]))
  .meta({ id: 'JsonValue', description: 'Any JSON value.' });
export const Properties = z.record(z.string(), JsonValue).meta({
  id: 'Properties',
  description: 'Property values as stored: strings, numbers, booleans, null and lists of them (integers as numbers).',
});

export const ErrorResponse = z
  .strictObject({
    error: z.strictObject({
      code: z
        .string()
        .meta({ description: 'A stable, machine-readable code (invalid_request, not_found, cypher_refused, query_timeout, database_unavailable, …).' }),
      message: z.string().meta({ description: 'What went wrong, for a person.' }),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error', description: 'Every error: a code, a message and sometimes details. Never a stack trace.' });
/** The body of every error answer. */
export type ErrorResponse = z.output<typeof ErrorResponse>;

export const NodeJson = z
  .strictObject({
    id: z.string().meta({ description: 'The model id (state:ARG); the elementId for a node without one.' }),
    labels: z.array(z.string()),
    properties: Properties,
  })
  .meta({ id: 'Node' });

export const RelationshipJson = z
  .strictObject({
    id: z.string().meta({ description: 'The relationship’s elementId.' }),
    type: z.string(),
    start: z.string().meta({ description: 'Id of the start node.' }),
    end: z.string().meta({ description: 'Id of the end node.' }),
    properties: Properties,
  })
  .meta({ id: 'Relationship' });

export const SerializedGraph = z
  .strictObject({
    options: z.strictObject({ type: z.literal('directed'), multi: z.literal(true), allowSelfLoops: z.literal(true) }),
    attributes: z.record(z.string(), JsonValue).meta({ description: 'About the graph: the request’s parameters, and `truncated` when a cap cut it.' }),
    nodes: z.array(
      z.strictObject({
        key: z.string(),
        attributes: z.strictObject({ labels: z.array(z.string()), name: z.string(), properties: Properties }),
      }),
    ),
    edges: z.array(
      z.strictObject({
        key: z.string(),
        source: z.string(),
        target: z.string(),
        attributes: z.strictObject({ type: z.string(), properties: Properties }),
      }),
    ),
  })
  .meta({ id: 'SerializedGraph', description: 'A graph in graphology’s serialized form: `Graph.from(body)` imports it.' });

const indexes = z.array(z.number().int().min(0));
export const CompactGraph = z
  .strictObject({
    format: z.literal(COMPACT_GRAPH_FORMAT),
    attributes: z.record(z.string(), JsonValue),
    labelSets: z.array(z.array(z.string())).meta({ description: 'Each distinct list of labels once.' }),
    types: z.array(z.string()).meta({ description: 'Each relationship type once.' }),
    nodes: z.strictObject({ keys: z.array(z.string()), labelSet: indexes, names: z.array(z.string()), properties: z.array(Properties) }),
    edges: z.strictObject({
      keyPrefix: z.string().meta({ description: 'What every edge key starts with; `keys` hold the rest.' }),
      keys: z.array(z.string()),
      source: indexes.meta({ description: 'Index into nodes.keys.' }),
      target: indexes.meta({ description: 'Index into nodes.keys.' }),
      type: indexes.meta({ description: 'Index into types.' }),
      properties: z.array(Properties),
    }),
  })
  .meta({
    id: 'CompactGraph',
    description:
      'The same graph in columns, each repeated string once (server/contract/compactGraph.ts decodes it into the serialized form); index i of every nodes column is node i, of every edges column edge i.',
  });

// ── Request pieces ──

function csvList<T extends readonly [string, ...string[]]>(values: T, description: string) {
  return z
    .string()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : undefined,
    )
    .pipe(z.array(z.enum(values, { error: (issue) => `"${String(issue.input)}" is not one of ${values.join(', ')}` })).optional())
    .meta({ description: `${description} Comma-separated; one of ${values.join(', ')}.` });
}

export const labelsParam = (what: string) => csvList(NODE_LABELS, what);
export const typesParam = (what: string) => csvList(RELATIONSHIP_TYPES, what);
/** A comma-separated list of values each matching `pattern`, as an array (undefined when absent or empty). */
function csvOf(pattern: RegExp, what: string, description: string, example: string) {
  return z
    .string()
    .max(4000)
    .optional()
    .transform((v) =>
      v
        ? [
            ...new Set(
              v
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean),
            ),
          ]
        : undefined,
    )
    .pipe(
      z
        .array(z.string().regex(pattern, { error: (issue) => `"${String(issue.input)}" is not ${what}` }))
        .max(200)
        .optional(),
    )
    .meta({ description: `${description} Comma-separated.`, example });
}

/**
 * The corpus filter every view and endpoint honours: which reports count. A report is in
 * scope when it is one of `report` (if given), of a region in `region` (if given) and of a
 * Congress in `congress` (if given); with none of them, the whole corpus. Applied by one query
 * helper (server/db/queries/scope.ts).
 */
export const CorpusFilter = z.object({
  report: csvOf(/^report:[\w.-]{1,190}$/, 'a report id (report:lac-rpm-2025)', 'Only these reports (ids).', 'report:lac-rpm-2025'),
  region: csvOf(
    /^[A-Z][A-Z0-9]{0,15}$/,
    'a region code (LAC, AFR, ENA, …)',
    'Only reports of these regions (the codes of the report tags: LAC, APAC, WA, AFR, ENA).',
    'LAC,AFR',
  ),
  congress: csvOf(/^[1-9]\d?$/, 'a Congress number (15)', 'Only reports for these Congresses (numbers).', '15').transform((v) => v?.map(Number)),
});
/** The corpus filter as a request gives it (lists; undefined: no restriction). */
export type CorpusFilter = z.output<typeof CorpusFilter>;
/** The filter as the viewer sends it: comma-separated strings. */
export type CorpusFilterInput = z.input<typeof CorpusFilter>;
export const nodeIdParam = z.string().min(1).max(500).meta({ description: 'A node id, URL-encoded (state%3AARG).', example: 'instrument:untoc' });
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const NodeIdPath = z.object({ id: nodeIdParam });

export const GraphQuery = z.object({
  labels: labelsParam('Node labels to include (default: every label but Paragraph).'),
  types: typesParam('Relationship types to include (default: all).'),
  ...CorpusFilter.shape,
  limit: int(1, 1_000_000).optional().meta({ description: 'Most nodes to return (default and ceiling: the server’s GRAPH_MAX_NODES).' }),
  format: z
    .enum(['graphology', 'compact'])
    .default('graphology')
    .meta({ description: 'graphology: the serialized form (`Graph.from(body)`); compact: the same graph in columns, about half the size (CompactGraph).' }),
});

export const NeighborsQuery = z.object({
  ...CorpusFilter.shape,
  depth: int(1, 3).default(1).meta({ description: 'Steps from the node, 1 to 3.' }),
  limit: int(1, 5000).default(200).meta({ description: 'Most nodes besides the centre; nearest first.' }),
  labels: labelsParam('Only neighbours with these labels.'),
  types: typesParam('Only through these relationship types.'),
});

export const NodeDetailsQuery = z.object({
  ...CorpusFilter.shape,
  limit: int(1, 5000).default(100).meta({ description: 'Most relationships listed per group (each group says its full count).' }),
});

/** Longest search query, in UTF-16 code units (JavaScript's string length, as the viewer's input counts). */
export const SEARCH_QUERY_MAX = 200;

export const SearchQuery = z.object({
  ...CorpusFilter.shape,
  q: z
    .string()
    .trim()
    .min(1, 'empty: type a name, words, or a reference such as 24(c)')
    .max(SEARCH_QUERY_MAX, `longer than ${SEARCH_QUERY_MAX} characters: search for a shorter passage`)
    .meta({
      description:
        'What to find, Chinese or English, up to 200 characters: a name, words, a passage, or a reference (24(c), ¶24, 第24段, A/CONF.241/RPM.2/1). Searched as text: no character has a query-syntax meaning.',
      example: '贩运',
    }),
  labels: labelsParam('Only nodes with these labels.'),
  limit: int(1, 100).default(10),
});

export const PathQuery = z.object({
  ...CorpusFilter.shape,
  from: nodeIdParam,
  to: nodeIdParam,
  maxLength: int(1, 15).default(6).meta({ description: 'Longest path considered (relationships).' }),
  types: typesParam('Only through these relationship types.'),
});

export const CypherRequest = z
  .strictObject({
    query: z
      .string()
      .min(1)
      .max(20_000)
      .meta({ description: 'One read-only Cypher statement.', example: 'MATCH (r:Recommendation)-[c:CITES]->(i:Instrument) RETURN r, c, i LIMIT 25' }),
    params: z.record(z.string(), JsonValue).default({}).meta({ description: 'Query parameters ($name); whole numbers are sent as integers.' }),
  })
  .meta({ id: 'CypherRequest' });
/** What a client sends to POST /api/cypher (`params` may be left out). */
export type CypherRequest = z.input<typeof CypherRequest>;

/** The corpus filter of a saved query's run (in the URL, beside the body's parameters): the query sees the reports in scope as `$reports` (null: all). */
export const SavedQueryRunQuery = z.object({ ...CorpusFilter.shape });

export const SavedQueryPath = z.object({
  name: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_-]*$/)
    .max(100)
    .meta({ description: 'The saved query’s name (its file name).', example: 'citation-matrix' }),
});
export const SavedQueryRequest = z
  .strictObject({
    params: z.record(z.string(), JsonValue).default({}).meta({ description: 'Values for the query’s declared parameters; the rest take their defaults.' }),
  })
  .default({ params: {} })
  .meta({ id: 'SavedQueryRequest' });
/** What a client sends to POST /api/queries/:name. */
export type SavedQueryRequest = z.input<typeof SavedQueryRequest>;

export const CitationsQuery = z.object({
  instrument: nodeIdParam.optional().meta({ description: 'Only citations of this instrument.', example: 'instrument:untoc' }),
  ...CorpusFilter.shape,
  format: z.enum(['json', 'csv']).default('json'),
});

export const ExportQuery = z.object({
  format: z.enum(['json', 'gexf', 'graphml', 'csv']).default('json'),
  ...CorpusFilter.shape,
  table: z.enum(['nodes', 'relationships']).default('relationships').meta({ description: 'For format=csv: which table.' }),
});

export const CompareQuery = z.object({
  columns: z
    .enum(['instrument', 'crime'])
    .default('instrument')
    .meta({ description: 'What the columns are: instruments (recommendations citing them) or crime types (paragraphs and recommendations naming them).' }),
  ...CorpusFilter.shape,
});

export const ProfileQuery = z.object({ ...CorpusFilter.shape });

export const ReportUploadQuery = z.object({
  name: z
    .string()
    .regex(/^[\w.\- ]+$/)
    .max(200)
    .optional()
    .meta({ description: 'The report’s file name (lac-rpm-2025.zh.txt); names errors and gives the report id.', example: 'lac-rpm-2025.zh.txt' }),
  reportId: z
    .string()
    .regex(/^report:[\w.-]+$/)
    .max(200)
    .optional()
    .meta({ description: 'The report id to load it under (default: from the name).' }),
});

export const ReportUploadJson = z
  .strictObject({
    text: z.string().min(1).meta({ description: 'The report’s text (UTF-8).' }),
    name: ReportUploadQuery.shape.name,
    reportId: ReportUploadQuery.shape.reportId,
  })
  .meta({ id: 'ReportUpload' });

export const ReportIdPath = z.object({
  id: z
    .string()
    .regex(/^report:[\w.-]{1,190}$/)
    .meta({ description: 'The report’s id, URL-encoded (report%3Alac-rpm-2025).', example: 'report:lac-rpm-2025' }),
});

// ── Responses ──

export const HealthResponse = z
  .strictObject({
    status: z.enum(['ok', 'unavailable']),
    neo4j: z.strictObject({ ok: z.boolean(), version: z.string().optional(), edition: z.string().optional(), reason: z.string().optional() }),
  })
  .meta({ id: 'Health' });
export type HealthResponse = z.output<typeof HealthResponse>;

export const StatsResponse = z
  .strictObject({
    nodes: z.number().int(),
    relationships: z.number().int(),
    labels: z.record(z.string(), z.number().int()),
    relationshipTypes: z.record(z.string(), z.number().int()),
    reports: z.array(z.strictObject({ id: z.string(), properties: Properties })),
  })
  .meta({ id: 'Stats' });
export type StatsResponse = z.output<typeof StatsResponse>;

export const RelatedNode = z.strictObject({
  id: z.string(),
  labels: z.array(z.string()),
  name: z.string(),
  name_zh: z.string().nullable(),
  name_en: z.string().nullable(),
  text: z.string().nullable().meta({ description: 'A recommendation’s text; the first 200 characters of a paragraph’s (its provenance holds it whole).' }),
});
/** A node at the other end of a relationship in a node's details. */
export type RelatedNode = z.output<typeof RelatedNode>;

export const ProvenanceJson = z
  .strictObject({
    report: z.string().nullable(),
    paragraph: z.number().int().nullable().meta({ description: 'The paragraph number.' }),
    paragraphId: z.string().nullable().meta({ description: 'Id of the paragraph or recommendation whose text the spans point into.' }),
    label: z.string().nullable().meta({ description: '24(c) for a recommendation, ¶24 for a paragraph.' }),
    text: z.string(),
    spans: z.array(z.tuple([z.number().int(), z.number().int()])).meta({ description: 'Character ranges [start, end) of `text` to highlight.' }),
    evidence: z.string().nullable(),
  })
  .meta({ id: 'Provenance' });
/** Where a fact comes from: the text of a paragraph or recommendation and the spans `[start, end)` to highlight in it. */
export type ProvenanceJson = z.output<typeof ProvenanceJson>;

export const NodeDetailsResponse = z
  .strictObject({
    id: z.string(),
    labels: z.array(z.string()),
    name: z.string(),
    properties: Properties,
    relationships: z.array(
      z.strictObject({
        type: z.string(),
        direction: z.enum(['out', 'in']),
        count: z.number().int(),
        items: z.array(z.strictObject({ id: z.string(), other: RelatedNode, properties: Properties, provenance: z.array(ProvenanceJson) })),
      }),
    ),
    versions: z.array(z.strictObject({ id: z.string(), report: z.string().nullable(), language: z.string().nullable(), text: z.string() })).meta({
      description:
        'For a paragraph or recommendation: the same one in the other reports of its meeting (its other language versions, aligned by `ref`); empty otherwise.',
    }),
  })
  .meta({ id: 'NodeDetails' });
export type NodeDetailsResponse = z.output<typeof NodeDetailsResponse>;
/** The relationships of one type and direction in a node's details; `count` is their full number, `items` may list fewer. */
export type RelationshipGroup = NodeDetailsResponse['relationships'][number];
export type RelationshipItem = RelationshipGroup['items'][number];

export const SearchResponse = z
  .strictObject({
    results: z.array(
      z.strictObject({
        id: z.string(),
        labels: z.array(z.string()),
        name: z.string(),
        name_en: z.string().nullable(),
        name_zh: z.string().nullable(),
        score: z.number().meta({
          description: 'The tier’s base (id 7, reference 6, exact 5, prefix 4, name 3, text 2, partial 1) plus the place within the tier, in [0, 1).',
        }),
        match: z
          .enum(['id', 'reference', 'exact', 'prefix', 'name', 'text', 'partial'])
          .meta({ description: 'Why it was found (docs/API.md, How search ranks).' }),
        snippet: z.string().optional().meta({
          description: 'The words matched: the name or alias, or a window of the text around the match (… where cut); the start of the text for a reference.',
        }),
        highlights: z
          .array(z.tuple([z.number().int(), z.number().int()]))
          .optional()
          .meta({ description: '[start, end) offsets of the match in `snippet`, in UTF-16 code units (JavaScript string indexes), end exclusive.' }),
        report: z.string().optional().meta({ description: 'The report a paragraph or recommendation belongs to (or the report itself).' }),
        tag: z.string().optional().meta({ description: 'That report’s tag (LAC-15).' }),
        via: z
          .strictObject({ kind: z.enum(['topic', 'alias']), from: z.string(), form: z.string() })
          .optional()
          .meta({ description: 'Found through a translation: the topic (data/topics.json) or entity whose other-language form matched, and that form.' }),
      }),
    ),
  })
  .meta({ id: 'SearchResults' });
export type SearchResponse = z.output<typeof SearchResponse>;
export type SearchResult = SearchResponse['results'][number];

export const PathResponse = z
  .strictObject({
    from: z.string(),
    to: z.string(),
    found: z.boolean(),
    length: z.number().int().nullable(),
    path: z
      .array(z.strictObject({ id: z.string(), labels: z.array(z.string()), name: z.string() }))
      .meta({ description: 'The nodes in order, from `from` to `to`; empty when there is no path.' }),
    relationships: z
      .array(RelationshipJson)
      .meta({ description: 'The relationship of each step of `path`, with its stored `start` and `end` (a step may go against it).' }),
    alternatives: z
      .array(
        z.strictObject({
          path: z.array(z.strictObject({ id: z.string(), labels: z.array(z.string()), name: z.string() })),
          relationships: z.array(RelationshipJson),
        }),
      )
      .meta({ description: 'Every shortest path (at most 10), in the order of their nodes’ ids; the first is `path`. Empty when there is none.' }),
    graph: SerializedGraph.meta({ description: 'Every node and relationship of the shortest paths returned.' }),
  })
  .meta({ id: 'PathResult' });
export type PathResponse = z.output<typeof PathResponse>;

export const SavedQueryJson = z
  .strictObject({
    name: z.string(),
    title_en: z.string(),
    title_zh: z.string(),
    description: z.string(),
    params: z.array(z.strictObject({ name: z.string(), type: z.string(), default: JsonValue, description: z.string() })),
    cypher: z.string(),
  })
  .meta({ id: 'SavedQuery' });
export type SavedQueryJson = z.output<typeof SavedQueryJson>;

export const SavedQueriesResponse = z.strictObject({ queries: z.array(SavedQueryJson) }).meta({ id: 'SavedQueries' });
export type SavedQueriesResponse = z.output<typeof SavedQueriesResponse>;

export const CypherResponse = z
  .strictObject({
    columns: z.array(z.string()),
    rows: z
      .array(z.record(z.string(), JsonValue))
      .meta({ description: 'One object per row, by column; nodes as Node, relationships as Relationship, paths as {nodes, relationships}.' }),
    graph: SerializedGraph,
    summary: z.strictObject({
      queryType: z.string(),
      rowCount: z.number().int(),
      rowLimit: z.number().int(),
      rowsTruncated: z.boolean().meta({ description: 'The query had more rows than rowLimit; the rest were not read.' }),
      graphNodes: z.number().int(),
      graphRelationships: z.number().int(),
      graphNodeLimit: z.number().int(),
      graphRelationshipLimit: z.number().int(),
      graphTruncated: z.boolean().meta({ description: 'The rows held more nodes or relationships than the graph caps.' }),
      timeoutMs: z.number().int(),
      elapsedMs: z.number().int(),
      notifications: z.array(z.strictObject({ code: z.string(), title: z.string(), description: z.string(), severity: z.string() })),
    }),
  })
  .meta({ id: 'CypherResult' });
export type CypherResponse = z.output<typeof CypherResponse>;
export type CypherSummary = CypherResponse['summary'];

export const CitationRowJson = z
  .strictObject({
    recommendation: z.string(),
    label: z.string(),
    tag: z
      .string()
      .nullable()
      .meta({ description: 'The tag of the recommendation’s meeting (LAC-15): with `label`, how a reader tells 24(c) of one report from 24(c) of another.' }),
    report: z.string().nullable(),
    language: z.string().nullable().meta({ description: 'The language of the recommendation’s report (zh, en).' }),
    paragraph: z.number().int().nullable(),
    letter: z.string().nullable(),
    instrument: z.string(),
    instrument_name: z.string().nullable(),
    instrument_name_zh: z.string().nullable(),
    instrument_name_en: z.string().nullable(),
    instrument_short_en: z.string().nullable(),
    evidence: z.string().nullable(),
    text: z.string(),
  })
  .meta({ id: 'Citation' });
export type CitationRowJson = z.output<typeof CitationRowJson>;

export const CitationsResponse = z
  .strictObject({
    instrument: z.string().nullable(),
    reports: z.array(z.string()).nullable().meta({ description: 'The reports in scope (the corpus filter); null: the whole corpus.' }),
    count: z.number().int(),
    rows: z.array(CitationRowJson),
  })
  .meta({ id: 'Citations' });
export type CitationsResponse = z.output<typeof CitationsResponse>;

export const GraphJsonResponse = z
  .strictObject({
    reports: z.array(z.string()),
    nodes: z.array(z.strictObject({ id: z.string(), labels: z.array(z.string()), properties: Properties })),
    relationships: z.array(z.strictObject({ type: z.string(), start: z.string(), end: z.string(), properties: Properties })),
  })
  .meta({ id: 'GraphJson', description: 'graph.json (docs/MODEL.md § graph.json).' });
export type GraphJsonResponse = z.output<typeof GraphJsonResponse>;

export const NewEntityJson = z
  .strictObject({
    id: z.string(),
    label: z.string(),
    name: z.string(),
    name_zh: z.string().nullable(),
    name_en: z.string().nullable(),
    unconfirmed: z.boolean().meta({ description: 'The gazetteer could not confirm an official name: to be reviewed.' }),
  })
  .meta({ id: 'NewEntity' });
/** An entity a report brought that no other loaded report has. */
export type NewEntityJson = z.output<typeof NewEntityJson>;

export const ReportUploadResponse = z
  .strictObject({
    report: z.string(),
    tag: z.string().nullable().meta({ description: 'The tag of the report’s meeting (LAC-15).' }),
    replaced: z.boolean().meta({ description: 'The report was loaded before and has been replaced.' }),
    nodes: z.number().int(),
    relationships: z.number().int(),
    warnings: z.array(z.string()),
    newEntities: z
      .array(NewEntityJson)
      .meta({ description: 'The entities new to the corpus with this report (no other loaded report names them), those to review flagged `unconfirmed`.' }),
    ms: z.number().int(),
  })
  .meta({ id: 'ReportLoaded' });
export type ReportUploadResponse = z.output<typeof ReportUploadResponse>;

export const CorpusReportJson = z
  .strictObject({
    id: z.string(),
    tag: z.string().nullable().meta({ description: 'The meeting’s short tag, region code and Congress (LAC-15), shown beside every item of the report.' }),
    title_zh: z.string().nullable(),
    title_en: z.string().nullable(),
    language: z.string().nullable(),
    region: z.string().nullable(),
    region_zh: z.string().nullable(),
    region_code: z.string().nullable(),
    congress: z.number().int().nullable(),
    venue: z.string().nullable(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    source: z.string().nullable().meta({ description: 'The file the report was loaded from.' }),
    series: z
      .string()
      .nullable()
      .meta({ description: 'The meeting’s document symbol series (A/CONF.241/RPM.2); the reports of one meeting in several languages share it.' }),
    symbol: z.string().nullable(),
    meeting: z.strictObject({ id: z.string().nullable(), name_zh: z.string().nullable(), name_en: z.string().nullable() }),
    counts: z.strictObject({ paragraphs: z.number().int(), recommendations: z.number().int(), citations: z.number().int(), entities: z.number().int() }),
  })
  .meta({ id: 'CorpusReport' });

export const CorpusResponse = z
  .strictObject({
    reports: z.array(CorpusReportJson).meta({ description: 'By Congress, region code and language.' }),
    regions: z.array(z.strictObject({ code: z.string(), name_en: z.string().nullable(), name_zh: z.string().nullable(), reports: z.array(z.string()) })),
    congresses: z.array(z.strictObject({ number: z.number().int(), reports: z.array(z.string()) })),
  })
  .meta({ id: 'Corpus' });
/** The loaded reports, and the regions and Congresses they span (GET /api/reports). */
export type CorpusResponse = z.output<typeof CorpusResponse>;
export type CorpusReportJson = CorpusResponse['reports'][number];

export const ReportRemovedResponse = z
  .strictObject({
    report: z.string(),
    nodesDeleted: z.number().int(),
    relationshipsDeleted: z.number().int(),
    sharedUpdated: z.number().int().meta({ description: 'Properties set on shared nodes and relationships, recomputed from the other reports.' }),
    ms: z.number().int(),
  })
  .meta({ id: 'ReportRemoved' });
export type ReportRemovedResponse = z.output<typeof ReportRemovedResponse>;

const UnitVersions = z
  .array(z.strictObject({ id: z.string(), report: z.string(), language: z.string().nullable() }))
  .meta({ description: 'The paragraph or recommendation in each of its meeting’s reports in scope (its language versions).' });

/** A paragraph or recommendation of a meeting, once however many language versions the corpus holds. */
export const MeetingUnitJson = z
  .strictObject({
    ref: z.string().meta({ description: 'The same in every language version (A/CONF.241/RPM.2 24(c)).' }),
    label: z.string().meta({ description: '24(c) for a recommendation, ¶24 for a paragraph.' }),
    kind: z.string().meta({ description: 'Paragraph or Recommendation.' }),
    versions: UnitVersions,
  })
  .meta({ id: 'MeetingUnit' });
export type MeetingUnitJson = z.output<typeof MeetingUnitJson>;

const MeetingRow = z.strictObject({
  meeting: z.string(),
  tag: z.string().nullable(),
  name_zh: z.string().nullable(),
  name_en: z.string().nullable(),
  region_code: z.string().nullable(),
  congress: z.number().int().nullable(),
  reports: z.array(z.string()).meta({ description: 'The meeting’s reports in scope.' }),
});

export const CompareResponse = z
  .strictObject({
    columnsOf: z.enum(['instrument', 'crime']),
    reports: z.array(z.string()).nullable().meta({ description: 'The reports in scope; null: the whole corpus.' }),
    rows: z.array(MeetingRow).meta({ description: 'The meetings in scope (a regional meeting is its region at one Congress), by Congress and region.' }),
    columns: z.array(
      z.strictObject({
        id: z.string(),
        name_zh: z.string().nullable(),
        name_en: z.string().nullable(),
        short_zh: z.string().nullable(),
        short_en: z.string().nullable(),
        total: z.number().int(),
      }),
    ),
    cells: z.array(z.strictObject({ meeting: z.string(), column: z.string(), count: z.number().int(), items: z.array(MeetingUnitJson) })).meta({
      description:
        'The non-empty cells: how many recommendations of the meeting cite the instrument (or paragraphs and recommendations name the crime type), and which.',
    }),
  })
  .meta({ id: 'Comparison' });
export type CompareResponse = z.output<typeof CompareResponse>;

export const ProfileResponse = z
  .strictObject({
    id: z.string(),
    labels: z.array(z.string()),
    name: z.string(),
    name_zh: z.string().nullable(),
    name_en: z.string().nullable(),
    reports: z.array(z.string()).nullable().meta({ description: 'The reports in scope; null: the whole corpus.' }),
    measures: z.array(z.string()).meta({
      description:
        'The measures of this kind of entity, in the order to show them (attended, spokeOn, recommendations, paragraphs, citations, mentions, links).',
    }),
    meetings: z.array(
      MeetingRow.extend({
        measures: z.record(
          z.string(),
          z.strictObject({
            count: z.number().int(),
            items: z.array(
              z.strictObject({
                key: z.string(),
                label: z.string().meta({ description: '24(c), ¶8, an agenda item’s or a crime type’s id, a role.' }),
                kind: z.string(),
                other: z.string().nullable().meta({ description: 'The node at the other end (an agenda item, a linked crime type), when there is one.' }),
                detail: z.string().nullable().meta({ description: 'A role, or the kind of a stated link.' }),
                versions: UnitVersions,
              }),
            ),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'Profile', description: 'An entity across the corpus, meeting by meeting.' });
export type ProfileResponse = z.output<typeof ProfileResponse>;

/** The schema's graph and graph.ts's type (graphology's SerializedGraph) are one shape: a change to either fails the typecheck. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type SerializedGraphMatchesGraphology = Assert<Same<z.output<typeof SerializedGraph>, SerializedGraphType>>;
/** The compact graph's schema and compactGraph.ts's type are one shape. */
export type CompactGraphMatchesCodec = Assert<Same<z.output<typeof CompactGraph>, CompactGraphType>>;
