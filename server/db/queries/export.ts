/**
 * The whole graph (or one report's part of it) in graph.json's terms, streamed from
 * one read transaction so a large graph is never held twice in memory.
 */
import neo4j, { type Driver, type Node } from 'neo4j-driver';
import { isConnectionError } from './run.ts';
import { inScope, scopedProperties, WHOLE_CORPUS, type Scope } from './scope.ts';
import { propertiesToJson } from './values.ts';
import type { Json } from '../../contract/graph.ts';

export interface ExportNode {
  id: string;
  labels: string[];
  properties: Record<string, Json>;
}

export interface ExportRelationship {
  type: string;
  start: string;
  end: string;
  properties: Record<string, Json>;
}

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
  nodes(): AsyncGenerator<ExportNode>;
  relationships(): AsyncGenerator<ExportRelationship>;
  close(): Promise<void>;
}

/**
 * Open a read transaction over the graph. The report list is read first (so a dead
 * database fails here, before any byte is sent); nodes and relationships stream after.
 */
export async function openGraphStream(driver: Driver, options: ExportOptions = {}): Promise<GraphStream> {
  try {
    return await open(driver, options);
  } catch (error) {
    if (!isConnectionError(error)) throw error;
    return open(driver, options);
  }
}

async function open(driver: Driver, options: ExportOptions): Promise<GraphStream> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ, ...(options.database ? { database: options.database } : {}) });
  const tx = session.beginTransaction({ timeout: options.timeoutMs ?? 120_000, metadata: { app: 'congress-graph', op: 'export' } });
  const close = async (): Promise<void> => {
    await tx.rollback().catch(() => undefined);
    await session.close();
  };
  try {
    const scope = options.scope ?? WHOLE_CORPUS;
    const params = { reports: scope.reports };
    const reports = await tx.run('MATCH (r:Report) WHERE $reports IS NULL OR r.id IN $reports RETURN r.id AS id, r.tag AS tag ORDER BY id', params);
    return {
      reports: reports.records.map((r) => String(r.get('id'))),
      tags: new Map(reports.records.filter((r) => typeof r.get('tag') === 'string').map((r) => [String(r.get('id')), String(r.get('tag'))])),
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
           RETURN type(r) AS type, coalesce(a.id, elementId(a)) AS start, coalesce(b.id, elementId(b)) AS end, properties(r) AS properties`,
          params,
        );
        for await (const record of result) {
          yield {
            type: record.get('type') as string,
            start: record.get('start') as string,
            end: record.get('end') as string,
            properties: scopedProperties(record.get('type') as string, record.get('properties') as Record<string, unknown>, scope),
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
