import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { createDriver, type Driver, type DriverOptions } from './driver.ts';
import { serverInfo, type ServerInfo } from './queries/server-info.ts';
import { LocalNeo4j } from './local/local-neo4j.ts';
import { passwordFile } from './local/password.ts';
import { StartupError } from './startup-error.ts';
import { neo4jVersionProblem } from './version.ts';

export interface Database {
  driver: Driver;
  /** How to reach it (for the console's worker thread, which has its own driver). */
  connection: DriverOptions;
  server: ServerInfo;
  /** The DBMS this process started, if it started one. */
  local: LocalNeo4j | undefined;
  /** Close the driver, then stop the local DBMS. */
  close(): Promise<void>;
}

/**
 * The database the project uses: the one NEO4J_URI names, or a local Neo4j 5.26
 * started for the purpose. Fails with one clear line (StartupError) when it cannot be
 * reached or is older than the project's Cypher needs (version.ts).
 */
export async function openDatabase(config: Config, log: Logger): Promise<Database> {
  const { neo4j } = config;
  let local: LocalNeo4j | undefined;
  let uri: string;
  let password: string;
  if (neo4j.uri) {
    if (neo4j.password === undefined) throw new StartupError('NEO4J_URI is set but NEO4J_PASSWORD is not: give the password of that database.');
    uri = neo4j.uri;
    password = neo4j.password;
    log.info(`Using the Neo4j at ${uri} (NEO4J_URI); no local database is started.`);
  } else {
    local = await LocalNeo4j.start({ ...neo4j.local, rootDir: config.rootDir, password: neo4j.password, log });
    uri = local.uri;
    password = local.password;
  }

  const user = local ? local.user : neo4j.user;
  const connection = { uri, user, password };
  const driver = createDriver(connection);
  const release = async (): Promise<void> => {
    await driver.close();
    await local?.stop();
  };
  let server: ServerInfo;
  try {
    server = await serverInfo(driver, 10_000);
  } catch (error) {
    await release();
    throw explainConnectFailure(error, { uri, user, local: local !== undefined, dataDir: neo4j.local.dataDir });
  }
  const tooOld = neo4jVersionProblem(server.version);
  if (tooOld) {
    await release();
    throw new StartupError(`Neo4j at ${uri}: ${tooOld}`);
  }
  return {
    driver,
    connection,
    server,
    local,
    close: release,
  };
}

function explainConnectFailure(error: unknown, ctx: { uri: string; user: string; local: boolean; dataDir: string }): StartupError {
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'Neo.ClientError.Security.Unauthorized' || code.includes('AuthenticationRateLimit')) {
    return new StartupError(
      ctx.local
        ? `The local Neo4j in ${ctx.dataDir} refused the password: it was created with another one. Unset NEO4J_PASSWORD to use the kept one (${passwordFile(ctx.dataDir)}), or move the directory away to start afresh.`
        : `Neo4j at ${ctx.uri} refused user "${ctx.user}" with the given password: check NEO4J_USER and NEO4J_PASSWORD.`,
    );
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
    return new StartupError(`Neo4j at ${ctx.uri} cannot be reached (${message.split('\n')[0]}): check NEO4J_URI and that the database is running.`);
  }
  return new StartupError(`Neo4j at ${ctx.uri} did not answer as expected: ${message.split('\n')[0]}`);
}
