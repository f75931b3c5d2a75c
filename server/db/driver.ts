import neo4j, { type Driver } from 'neo4j-driver';

export type { Driver };

export interface DriverOptions {
  uri: string;
  user: string;
  password: string;
}

/**
 * One driver per process. Its pool reconnects by itself after the database restarts,
 * so it is never rebuilt; a short connection timeout makes a dead database a fast 503.
 * The pool is twice the 100 concurrent clients the soak test drives (a neighbourhood,
 * a subgraph or the stats take two connections at once), and waiting for a free
 * connection is queueing under load, not a failure: it may last up to 15 s, inside
 * the API's 20 s request deadline, which is what answers when the database hangs.
 *
 * The driver is neo4j-driver at the exact version package.json pins, patched on install
 * (`patches/`, patch-package): a message that arrives in several pieces is decoded from one
 * buffer, not through neo4j-driver-bolt-connection's CombinedBuffer (neo4j-javascript-driver#1223;
 * tests/unit/server/db/driver.test.ts fails without the patch); and the stack of the code that ran
 * a query is formatted only when the query fails, not for every query (with tsx's source maps that
 * was about 6 % of the server's CPU on node details; tests/integration/server/db/driver-stack.test.ts).
 */
export function createDriver({ uri, user, password }: DriverOptions): Driver {
  return neo4j.driver(uri, neo4j.auth.basic(user, password), {
    connectionTimeout: 3000,
    connectionAcquisitionTimeout: 15_000,
    maxConnectionPoolSize: 200,
    maxTransactionRetryTime: 5000,
    disableLosslessIntegers: false,
    userAgent: 'congress-graph',
  });
}
