import type { Server } from 'node:http';
import { createApp } from './api/app.ts';
import { loadConfig, ConfigError } from './config.ts';
import { openDatabase, type Database } from './db/connect.ts';
import { isPortFree } from './db/local/ports.ts';
import { loadBundledCorpusIfEmpty } from './db/seed.ts';
import { StartupError } from './db/startup-error.ts';
import { createLogger, type Logger } from './logger.ts';
import { onStopRequest } from './process/stop-request.ts';

/**
 * `npm start`: the database (local unless NEO4J_URI), then the API and the viewer.
 * Asked to stop (SIGTERM, SIGINT, SIGHUP, or its parent gone: stop-request.ts),
 * at any point, it lets requests in flight finish, then stops Neo4j cleanly, then exits 0.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  // Fail before the slow database start if the HTTP port is taken.
  if (!(await isPortFree(config.port, config.host))) {
    throw new StartupError(`Port ${config.port} on ${config.host} is already in use (is congress-graph already running?): stop it or set PORT to a free port.`);
  }

  let server: Server | undefined;
  let stopping = false;
  const opening: Promise<Database> = openDatabase(config, log);
  onStopRequest((reason) => {
    stopping = true;
    void shutdown(reason, log, opening, () => server);
  });

  const db = await opening;
  if (stopping) return; // the shutdown takes it from here
  try {
    // An empty database gets the bundled corpus, so there is a graph to show.
    await loadBundledCorpusIfEmpty(db.driver, log, { database: config.neo4j.database });
    if (stopping) return;
    const app = createApp({ driver: db.driver, connection: db.connection, config, log });
    server = await listen(app, config.port, config.host);
  } catch (error) {
    if (stopping) return;
    await db.close();
    throw error;
  }
  if (stopping) {
    await closeServer(server);
    return;
  }
  log.info(`congress-graph is running on http://${config.host}:${config.port} (Neo4j ${db.server.version} ${db.server.edition}).`);
}

/** Requests in flight finish, then Neo4j stops (waiting for a start under way), then the process exits 0. */
async function shutdown(reason: string, log: Logger, opening: Promise<Database>, server: () => Server | undefined): Promise<void> {
  log.info(`${reason}: stopping the server, then Neo4j…`);
  try {
    await closeServer(server());
    const db = await opening.catch(() => undefined); // a start under way is finished, then stopped
    await db?.close();
  } catch (error) {
    log.error({ err: error }, 'error while stopping');
    process.exit(1);
  }
  process.exit(0);
}

function listen(app: ReturnType<typeof createApp>, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new StartupError(`Port ${port} on ${host} is already in use: set PORT to a free port.`) : error),
    );
  });
}

/** Let requests in flight finish (up to 10 s), then drop what is left. */
function closeServer(server: Server | undefined): Promise<void> {
  if (!server?.listening) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), 10_000);
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}

main().catch((error: unknown) => {
  if (error instanceof StartupError || error instanceof ConfigError) {
    console.error(`congress-graph: ${error.message}`);
  } else {
    console.error('congress-graph: unexpected failure during start-up:', error);
  }
  process.exit(1);
});
