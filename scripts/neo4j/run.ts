/**
 * `npm run neo4j`: the project's local Neo4j alone, in the foreground, for a
 * Neo4j client or a loader to use. Asked to stop (SIGTERM, SIGINT, SIGHUP, or its
 * parent gone: server/process/stop-request.ts), at any point, it stops Neo4j
 * cleanly and exits 0.
 */
import { loadConfig } from '../../server/config.ts';
import { LocalNeo4j } from '../../server/db/local/local-neo4j.ts';
import { StartupError } from '../../server/db/startup-error.ts';
import { createLogger } from '../../server/logger.ts';
import { onStopRequest } from '../../server/process/stop-request.ts';

const config = loadConfig();
const log = createLogger(config.logLevel);
const starting = LocalNeo4j.start({ ...config.neo4j.local, rootDir: config.rootDir, password: config.neo4j.password, log });
onStopRequest((reason) => {
  log.info(`${reason}: stopping Neo4j…`);
  // A start under way is finished, then stopped.
  void starting
    .then((neo4j) => neo4j.stop())
    .then(
      () => process.exit(0),
      () => process.exit(1),
    );
});
try {
  const neo4j = await starting;
  log.info(`Connect with NEO4J_URI=${neo4j.uri} NEO4J_USER=neo4j and the password in ${config.neo4j.local.dataDir}/password (or your NEO4J_PASSWORD).`);
} catch (error) {
  console.error(`congress-graph: ${error instanceof StartupError ? error.message : String(error)}`);
  process.exit(1);
}
