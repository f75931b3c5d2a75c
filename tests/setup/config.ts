import pino from 'pino';
import { loadConfig, type Config } from '../../server/config.ts';
import type { Logger } from '../../server/logger.ts';
import { testNeo4j } from './neo4j.ts';

/** The app's config as it would be with NEO4J_URI pointing at the test database. */
export function testConfig(overrides: NodeJS.ProcessEnv = {}): Config {
  const { uri, user, password } = testNeo4j();
  return loadConfig({ NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, LOG_LEVEL: 'silent', ...overrides });
}

export const silentLogger: Logger = pino({ level: 'silent' });
