/**
 * `npm run neo4j`: the project's local Neo4j alone, in the foreground, for a
 * Neo4j client or a loader to use. Ctrl+C stops it cleanly.
 */
import { loadConfig } from '../../server/config.ts';
import { LocalNeo4j } from '../../server/db/local/local-neo4j.ts';
import { StartupError } from '../../server/db/startup-error.ts';
import { createLogger } from '../../server/logger.ts';

const config = loadConfig();
const log = createLogger(config.logLevel);
try {
  const neo4j = await LocalNeo4j.start({ ...config.neo4j.local, rootDir: config.rootDir, password: config.neo4j.password, log });
  log.info(`Connect with NEO4J_URI=${neo4j.uri} NEO4J_USER=neo4j and the password in ${config.neo4j.local.dataDir}/password (or your NEO4J_PASSWORD).`);
  const stop = (): void => void neo4j.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`congress-graph: ${error instanceof StartupError ? error.message : String(error)}`);
  process.exit(1);
}
