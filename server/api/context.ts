import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { ConsoleRunner } from './cypher/console-runner.ts';

/** What every route may use. */
export interface ApiContext {
  driver: Driver;
  config: Config;
  log: Logger;
  /** The database name for sessions (NEO4J_DATABASE), if one is set. */
  database: string | undefined;
  /** Runs console and saved queries in a worker thread. */
  cypherRunner: ConsoleRunner;
}
