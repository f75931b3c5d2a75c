import type { Server } from 'node:http';
import { createApp } from './api/app.ts';
import { loadConfig, ConfigError } from './config.ts';
import { openDatabase } from './db/connect.ts';
import { isPortFree } from './db/local/ports.ts';
import { loadBundledCorpusIfEmpty } from './db/seed.ts';
import { StartupError } from './db/startup-error.ts';
import { createLogger } from './logger.ts';

/** `npm start`: the database (local unless NEO4J_URI), then the API and the viewer. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  // Fail before the slow database start if the HTTP port is taken.
  if (!(await isPortFree(config.port, config.host))) {
    throw new StartupError(`Port ${config.port} on ${config.host} is already in use (is congress-graph already running?): stop it or set PORT to a free port.`);
  }

  const db = await openDatabase(config, log);
  let server: Server | undefined;
  let shuttingDown = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info(`${signal}: stopping the server, then Neo4j…`);
    await closeServer(server);
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    // An empty database gets the bundled corpus, so there is a graph to show.
    await loadBundledCorpusIfEmpty(db.driver, log, { database: config.neo4j.database });
    const app = createApp({ driver: db.driver, connection: db.connection, config, log });
    server = await listen(app, config.port, config.host);
  } catch (error) {
    await db.close();
    throw error;
  }
  log.info(`congress-graph is running on http://${config.host}:${config.port} (Neo4j ${db.server.version} ${db.server.edition}).`);
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
  if (!server) return Promise.resolve();
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

