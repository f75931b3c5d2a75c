/**
 * How the API reads: a READ session (so the server refuses any write), a
 * transaction timeout, and no long retry loop. A dead database must answer a
 * fast 503, not hang for the driver's retry window; a connection the pool kept
 * from before a restart is retried once, immediately. Parameters go through
 * toDriverValue (whole numbers as integers).
 */
import neo4j, { type Driver, type QueryResult, type RecordShape } from 'neo4j-driver';
import { toDriverValue } from './values.ts';

export interface ReadOptions {
  database?: string | undefined;
  /** Transaction timeout (ms); default 15 s. */
  timeoutMs?: number;
}

const CONNECTION_ERRORS = new Set(['ServiceUnavailable', 'SessionExpired']);

export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && CONNECTION_ERRORS.has(code);
}

/** Run one read query (an auto-commit transaction in a READ session) and collect its records. */
export async function readQuery<T extends RecordShape = RecordShape>(
  driver: Driver,
  cypher: string,
  params: Record<string, unknown> = {},
  options: ReadOptions = {},
): Promise<QueryResult<T>> {
  const driverParams = toDriverValue(params) as Record<string, unknown>;
  try {
    return await readOnce<T>(driver, cypher, driverParams, options);
  } catch (error) {
    if (!isConnectionError(error)) throw error;
    return readOnce<T>(driver, cypher, driverParams, options);
  }
}

async function readOnce<T extends RecordShape>(driver: Driver, cypher: string, params: Record<string, unknown>, options: ReadOptions): Promise<QueryResult<T>> {
  const session = driver.session({
    defaultAccessMode: neo4j.session.READ,
    disableAutoCommitRetries: true,
    ...(options.database ? { database: options.database } : {}),
  });
  try {
    const result = await session.run<T>(cypher, params, { timeout: options.timeoutMs ?? 15_000, metadata: { app: 'congress-graph', op: 'api' } });
    return result;
  } finally {
    await session.close();
  }
}
