/**
 * What the viewer's end-to-end tests share: the built viewer served by the real app on a
 * free port over the test database, and Debian's Chromium driven by playwright-core
 * (never a downloaded browser; CHROMIUM_PATH overrides /usr/bin/chromium).
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Driver } from 'neo4j-driver';
import { chromium, type Browser } from 'playwright-core';
import { ensureBuilt } from '../../client/tools/ensure-built.ts';
import { createApp } from '../../server/api/app.ts';
import { silentLogger, testConfig } from './config.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Software WebGL (SwiftShader): the machines the tests run on have no GPU. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export interface ViewerUnderTest {
  server: Server;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  browser: Browser;
}

/**
 * Builds the viewer when needed, serves it with the API over `driver` (settings as
 * testConfig takes them, e.g. ADMIN_TOKEN), and launches Chromium. Throws when Chromium is
 * missing (with the apt-get line that installs it).
 */
export async function startViewer(driver: Driver, settings: Parameters<typeof testConfig>[0] = {}): Promise<ViewerUnderTest> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium fonts-noto-cjk (or set CHROMIUM_PATH)`);
  await ensureBuilt({ quiet: true });
  const app = createApp({ driver, config: testConfig(settings), log: silentLogger });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return { server, baseUrl, browser };
}
