/**
 * Runs a user's Cypher, read-only, within limits:
 *   text checks (guard.ts) → forms Neo4j could not stop (limits.ts, regex.ts) →
 *   EXPLAIN (query type 'r', plan checks) → a READ transaction with
 *   a timeout and no retries, streamed up to the row cap; every node and
 *   relationship in the rows goes into a graph (capped), relationship end nodes
 *   the rows do not hold are fetched in the same transaction.
 * Parameters always travel as parameters.
 */
import type { Driver, Node, Record as Neo4jRecord } from 'neo4j-driver';
import { againIfDisconnected, openReadSession } from '../../db/queries/run.ts';
import { GraphCollector } from '../../db/queries/serialized-graph.ts';
import { ValueConverter, nodeToJson, toDriverValue } from '../../db/queries/values.ts';
import { checkPlan, checkText } from './guard.ts';
import { checkExpressionLimits, regexPatterns } from './limits.ts';
import { checkRegex } from './regex.ts';
import type { Json, SerializedGraph } from '../../contract/graph.ts';

export interface ConsoleLimits {
  timeoutMs: number;
  maxRows: number;
  maxGraphNodes: number;
  maxGraphRelationships: number;
}

export interface ConsoleSummary {
  queryType: string;
  rowCount: number;
  rowLimit: number;
  /** True when the query had more rows than the row cap (the rest were not read). */
  rowsTruncated: boolean;
  graphNodes: number;
  graphRelationships: number;
  graphNodeLimit: number;
  graphRelationshipLimit: number;
  /** True when the result held more nodes or relationships than the graph caps. */
  graphTruncated: boolean;
  timeoutMs: number;
  elapsedMs: number;
  notifications: { code: string; title: string; description: string; severity: string }[];
}

export interface ConsoleResult {
  columns: string[];
  rows: Record<string, Json>[];
  graph: SerializedGraph;
  summary: ConsoleSummary;
}

const EXPLAIN = 'EXPLAIN\n';

/** Neo4j's positions in an error from `EXPLAIN\n<query>`, made positions in the user's query. */
function withUserPositions(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  error.message = error.message.replace(/\(line (\d+), column (\d+) \(offset: (\d+)\)\)/g, (whole, line: string, column: string, offset: string) => {
    const l = Number(line) - 1;
    const o = Number(offset) - EXPLAIN.length;
    return l >= 1 && o >= 0 ? `(line ${l}, column ${column} (offset: ${o}))` : whole;
  });
  return error;
}

export interface RunOptions {
  database?: string | undefined;
  limits: ConsoleLimits;
  /** Parameters already in driver form (skip the JSON conversion). */
  rawParams?: boolean;
}

export async function runConsoleQuery(driver: Driver, query: string, params: Record<string, unknown>, options: RunOptions): Promise<ConsoleResult> {
  const { text, tokens } = checkText(query);
  checkExpressionLimits(tokens, params);
  for (const { pattern, position } of regexPatterns(tokens, params)) await checkRegex(pattern, position);
  const driverParams = options.rawParams ? params : (toDriverValue(params) as Record<string, unknown>);
  return againIfDisconnected(() => runOnce(driver, text, driverParams, options));
}

async function runOnce(driver: Driver, text: string, params: Record<string, unknown>, { database, limits }: RunOptions): Promise<ConsoleResult> {
  const started = performance.now();
  const session = openReadSession(driver, database);
  try {
    // EXPLAIN on a line of its own, so Neo4j's error positions shift by one line only.
    const explained = await session
      .run(`${EXPLAIN}${text}`, params, { timeout: limits.timeoutMs, metadata: { app: 'congress-graph', op: 'console-explain' } })
      .catch((error: unknown) => {
        throw withUserPositions(error);
      });
    checkPlan({ queryType: explained.summary.queryType, plan: explained.summary.plan });

    const tx = session.beginTransaction({ timeout: limits.timeoutMs, metadata: { app: 'congress-graph', op: 'console' } });
    try {
      const result = tx.run(text, params);
      const converter = new ValueConverter();
      const records: Neo4jRecord[] = [];
      let rowsTruncated = false;
      for await (const record of result) {
        if (records.length >= limits.maxRows) {
          rowsTruncated = true;
          break;
        }
        records.push(record);
        for (const value of record.values()) converter.collect(value);
      }
      const keys = rowsTruncated ? (records[0]?.keys ?? []) : await result.keys();
      const summary = rowsTruncated ? undefined : await result.summary();

      // End nodes of relationships that the rows do not hold, so every edge has both ends.
      const missing = converter.missingEndpoints().slice(0, limits.maxGraphNodes);
      if (missing.length > 0) {
        const ends = await tx.run('MATCH (n) WHERE elementId(n) IN $ids RETURN n', { ids: missing });
        converter.addNodes(ends.records.map((r) => r.get('n') as Node));
      }
      await tx.rollback().catch(() => undefined);

      const columns = keys.map(String);
      const rows = records.map((record) => {
        const row: Record<string, Json> = {};
        for (const key of columns) row[key] = converter.toJson(record.get(key));
        return row;
      });
      const graph = new GraphCollector({ maxNodes: limits.maxGraphNodes, maxEdges: limits.maxGraphRelationships });
      for (const node of converter.nodes.values()) graph.addNode(nodeToJson(node));
      for (const rel of converter.relationships.values()) graph.addEdge(converter.relationshipToJson(rel));
      const serialized = graph.toJSON();
      return {
        columns,
        rows,
        graph: serialized,
        summary: {
          queryType: summary?.queryType ?? explained.summary.queryType,
          rowCount: rows.length,
          rowLimit: limits.maxRows,
          rowsTruncated,
          graphNodes: serialized.nodes.length,
          graphRelationships: serialized.edges.length,
          graphNodeLimit: limits.maxGraphNodes,
          graphRelationshipLimit: limits.maxGraphRelationships,
          graphTruncated: graph.truncated,
          timeoutMs: limits.timeoutMs,
          elapsedMs: Math.round(performance.now() - started),
          notifications: (summary?.notifications ?? explained.summary.notifications ?? []).map((n) => ({
            code: n.code,
            title: n.title,
            description: n.description,
            severity: n.rawSeverityLevel,
          })),
        },
      };
    } catch (error) {
      await tx.rollback().catch(() => undefined);
      throw error;
    }
  } finally {
    await session.close();
  }
}
