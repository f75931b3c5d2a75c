/**
 * The whole graph (or the part the reports in scope brought) in graph.json's terms, streamed from
 * one read transaction so a large graph is never held twice in memory.
 */
import type { Driver, Node } from 'neo4j-driver';
import { displayName } from './labels.ts';
import { againIfDisconnected, openReadSession } from './run.ts';
import { inScope, scopedProperties, WHOLE_CORPUS, type Scope } from './scope.ts';
import { propertiesToJson } from './values.ts';
import type { NodeJson, RelationshipJson } from '../../contract/graph.ts';

/** A node as the export writes it (graph.json's node). */
export type ExportNode = NodeJson;
/** A relationship as the export writes it: graph.json's, its elementId left out, with the ends' display names (displayName in labels.ts) to stand beside their ids. */
export type ExportRelationship = Omit<RelationshipJson, 'id'> & { startName: string; endName: string };

export interface ExportOptions {
  database?: string | undefined;
  /** Only what the reports in scope brought (default: the whole corpus). */
  scope?: Scope;
  timeoutMs?: number;
}

export interface GraphStream {
  reports: string[];
  /** Each report's tag (LAC-15), for tables that name a fact's report. */
  tags: Map<string, string>;
  /** Every property name the nodes (or the relationships) exported hold, bookkeeping (`_…`) left out, sorted. */
  nodeKeys(): Promise<string[]>;
  relationshipKeys(): Promise<string[]>;
  nodes(): AsyncGenerator<ExportNode>;
  relationships(): AsyncGenerator<ExportRelationship>;
  close(): Promise<void>;
}

/**
 * Open a read transaction over the graph. The report list is read first (so a dead
 * database fails here, before any byte is sent); nodes and relationships stream after.
 */
export async function openGraphStream(driver: Driver, options: ExportOptions = {}): Promise<GraphStream> {
  return againIfDisconnected(() => open(driver, options));
}

/** The properties displayName reads (labels.ts), and only those: a paragraph's text stays in the database. */
const NAME_KEYS = ['name', 'paragraph', 'letter', 'number', 'symbol', 'title_zh', 'title_en', 'name_zh', 'name_en'].map((k) => `.${k}`).join(', ');

async function open(driver: Driver, options: ExportOptions): Promise<GraphStream> {
  const session = openReadSession(driver, options.database);
  const tx = session.beginTransaction({ timeout: options.timeoutMs ?? 120_000, metadata: { app: 'congress-graph', op: 'export' } });
  const close = async (): Promise<void> => {
    await tx.rollback().catch(() => undefined);
    await session.close();
  };
  try {
    const scope = options.scope ?? WHOLE_CORPUS;
    const params = { reports: scope.reports };
    const reports = await tx.run('MATCH (r:Report) WHERE $reports IS NULL OR r.id IN $reports RETURN r.id AS id, r.tag AS tag ORDER BY id', params);
    const keys = async (pattern: string): Promise<string[]> => {
      const result = await tx.run(`${pattern} UNWIND keys(x) AS k WITH DISTINCT k WHERE NOT k STARTS WITH '_' RETURN k ORDER BY k`, params);
      return result.records.map((r) => String(r.get('k')));
    };
    return {
      reports: reports.records.map((r) => String(r.get('id'))),
      tags: new Map(reports.records.filter((r) => typeof r.get('tag') === 'string').map((r) => [String(r.get('id')), String(r.get('tag'))])),
      nodeKeys: () => keys(`MATCH (x) WHERE ${inScope('x')}`),
      relationshipKeys: () => keys(`MATCH ()-[x]->() WHERE ${inScope('x')}`),
      async *nodes() {
        const result = tx.run(`MATCH (n) WHERE ${inScope('n')} RETURN n`, params);
        for await (const record of result) {
          const n = record.get('n') as Node;
          const id = typeof n.properties.id === 'string' ? n.properties.id : n.elementId;
          yield { id, labels: [...n.labels], properties: propertiesToJson(n.properties) };
        }
      },
      async *relationships() {
        const result = tx.run(
          `MATCH (a)-[r]->(b) WHERE ${inScope('r')}
           RETURN type(r) AS type, coalesce(a.id, elementId(a)) AS start, coalesce(b.id, elementId(b)) AS end, properties(r) AS properties,
                  labels(a) AS startLabels, a {${NAME_KEYS}} AS startNaming, labels(b) AS endLabels, b {${NAME_KEYS}} AS endNaming`,
          params,
        );
        for await (const record of result) {
          const start = record.get('start') as string;
          const end = record.get('end') as string;
          yield {
            type: record.get('type') as string,
            start,
            end,
            properties: scopedProperties(record.get('type') as string, record.get('properties') as Record<string, unknown>, scope),
            startName: displayName(record.get('startLabels') as string[], propertiesToJson(record.get('startNaming') as Record<string, unknown>), start),
            endName: displayName(record.get('endLabels') as string[], propertiesToJson(record.get('endNaming') as Record<string, unknown>), end),
          };
        }
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
