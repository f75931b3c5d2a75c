import express, { type Express } from 'express';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { errorHandler, notFoundHandler } from './errors.ts';
import { healthRoutes } from './routes/health.ts';

export interface AppDependencies {
  driver: Driver;
  config: Config;
  log: Logger;
}

/** The HTTP application; no listening here, so tests drive it with supertest. */
export function createApp({ driver, log }: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '1mb' }));
  app.use('/api', healthRoutes(driver));
  app.use('/api', notFoundHandler);
  app.use(errorHandler(log));
  return app;
}
