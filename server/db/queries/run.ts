/**
 * How the API reads: a READ session (so the server refuses any write), a
 * transaction timeout, and no long retry loop. A dead database must answer a
 * fast 503, not hang for the driver's retry window; a connection the pool kept
 * from before a restart is retried once, immediately. Parameters go through
 * toDriverValue (whole numbers as integers). Every read of the API goes through
 * here: readQuery for a query, openReadSession and againIfDisconnected for the
 * console's and the export's own transactions.
 */
import neo4j, { type Driver, type QueryResult, type RecordShape, type Session } from 'neo4j-driver';
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

/**
 * A session that reads: READ access (the server refuses any write), the given
 * database, no auto-commit retries (a dead database fails at once). Close it.
 */
export function openReadSession(driver: Driver, database?: string): Session {
  return driver.session({ defaultAccessMode: neo4j.session.READ, disableAutoCommitRetries: true, ...(database ? { database } : {}) });
}

/**
 * `work()`, and once more at once when it failed on a lost connection (a pooled
 * connection from before a database restart); any other error is thrown as it is.
 */
export async function againIfDisconnected<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isConnectionError(error)) throw error;
    return work();
  }
}

/**
 * Run one read query (an auto-commit transaction in a read session, `timeoutMs`
 * default 15 s) and collect its records. Parameters go through toDriverValue.
 * Throws the driver's error (a lost connection only after a second try).
 */
export async function readQuery<T extends RecordShape = RecordShape>(
  driver: Driver,
  cypher: string,
  params: Record<string, unknown> = {},
  options: ReadOptions = {},
): Promise<QueryResult<T>> {
  const driverParams = toDriverValue(params) as Record<string, unknown>;
  return againIfDisconnected(async () => {
    const session = openReadSession(driver, options.database);
    try {
      return await session.run<T>(cypher, driverParams, { timeout: options.timeoutMs ?? 15_000, metadata: { app: 'congress-graph', op: 'api' } });
    } finally {
      await session.close();
    }
  });
}
