/**
 * How the API reads: a READ session (so the server refuses any write), a
 * transaction timeout, and no long retry loop. A dead database must answer a
 * fast 503, not hang for the driver's retry window; a connection the pool kept
 * from before a restart is retried once, immediately. Parameters go through
 * toDriverValue (whole numbers as integers). Every read of the API goes through
 * here: readQuery for a query, readEachRecord for one too large to hold whole, openReadSession and againIfDisconnected for the
 * console's and the export's own transactions.
 */
import neo4j, { type Driver, type QueryResult, type Record as Neo4jRecord, type RecordShape, type Session } from 'neo4j-driver';
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

/** The transaction config of every API read: `timeoutMs` (default 15 s) and the API's metadata. */
function readConfig(options: ReadOptions): { timeout: number; metadata: Record<string, string> } {
  return { timeout: options.timeoutMs ?? 15_000, metadata: { app: 'congress-graph', op: 'api' } };
}

/**
 * Run one read query as readQuery does, handing each record to `onRecord` as the driver
 * decodes it instead of collecting them: a large answer's driver values are never all held
 * at once. The result's observer pulls as a buffered read does (the next batch of fetchSize
 * asked for as soon as one is in), unlike `for await` over the result, whose watermarks
 * pause the stream until the loop catches up (that doubled the graph query's time for a
 * 10,000-node graph). On a lost connection the query runs once more from the start, so
 * `onRecord` must take a record it has seen again. Throws the driver's error, or what
 * `onRecord` threw (the query is then abandoned).
 */
export async function readEachRecord(
  driver: Driver,
  cypher: string,
  params: Record<string, unknown>,
  onRecord: (record: Neo4jRecord) => void,
  options: ReadOptions = {},
): Promise<void> {
  const driverParams = toDriverValue(params) as Record<string, unknown>;
  await againIfDisconnected(async () => {
    const session = openReadSession(driver, options.database);
    try {
      await new Promise<void>((resolve, reject) => {
        session.run(cypher, driverParams, readConfig(options)).subscribe({
          onNext: (record) => {
            try {
              onRecord(record);
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          },
          onCompleted: () => resolve(),
          onError: reject,
        });
      });
    } finally {
      await session.close();
    }
  });
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
      return await session.run<T>(cypher, driverParams, readConfig(options));
    } finally {
      await session.close();
    }
  });
}
