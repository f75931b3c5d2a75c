import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../../logger.ts';
import { StartupError } from '../startup-error.ts';
import { resolveClasspath } from './classpath.ts';
import { findJava } from './java.ts';
import { localPassword } from './password.ts';
import { isPortFree } from './ports.ts';
import { renderNeo4jConf } from './settings.ts';
import { truncateGraphemes } from '../../contract/truncate.ts';

/** Where and how big the local Neo4j runs: the NEO4J_BOLT_PORT … NEO4J_JAVA settings (server/config.ts). */
export interface LocalNeo4jSettings {
  boltPort: number;
  dataDir: string;
  heap: string;
  pageCache: string;
  transactionMemory: string;
  java: string | undefined;
}

export interface LocalNeo4jOptions extends LocalNeo4jSettings {
  rootDir: string;
  /** NEO4J_PASSWORD if the user gave one; otherwise one is generated and kept. */
  password: string | undefined;
  log: Logger;
  /** Restart the DBMS with back-off when it dies on its own (default true). */
  supervise?: boolean;
}

const JVM_FLAGS = [
  // What the stock Neo4j server passes; Netty and the page cache need them on Java 17.
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-XX:+UseG1GC',
  // No -XX:+ExitOnOutOfMemoryError: a console query that builds a huge value in one expression
  // (string doubling in reduce(), which the transaction memory limit does not count) would kill
  // the DBMS. Without the flag Neo4j fails that query with General.OutOfMemoryError and carries on;
  // the supervisor still restarts the JVM if it dies.
];
const START_TIMEOUT_MS = 180_000;
const RESTART_DELAYS_MS = [1000, 2000, 4000, 8000, 16000, 30000];
/** A DBMS that stayed up this long is healthy again: back-off starts over. */
const STABLE_AFTER_MS = 60_000;

/**
 * Neo4j 5.26 Community, embedded in a child JVM (scripts/neo4j/Launcher.java),
 * with Bolt on loopback. Owns the process: starts it, restarts it with back-off
 * if it dies, and stops it cleanly.
 */
export class LocalNeo4j {
  readonly uri: string;
  readonly user = 'neo4j';
  version = '';
  private child: ChildProcess | undefined;
  private stopping = false;
  private restartAttempt = 0;
  private restartTimer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly options: LocalNeo4jOptions,
    private readonly java: string,
    private readonly classpathArgFile: string,
    readonly password: string,
  ) {
    this.uri = `bolt://127.0.0.1:${options.boltPort}`;
  }

  static async start(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
    const java = await findJava(options.java);
    if (!(await isPortFree(options.boltPort))) throw portTakenError(options.boltPort);
    const classpathArgFile = await resolveClasspath({
      pomFile: path.join(options.rootDir, 'scripts/neo4j/pom.xml'),
      cacheDir: path.join(options.rootDir, '.data'),
      log: options.log,
    });
    const password = await localPassword(options.dataDir, options.password);
    const neo4j = new LocalNeo4j(options, java, classpathArgFile, password);
    await neo4j.launch();
    return neo4j;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Stop the DBMS cleanly (SIGTERM runs its shutdown hook); force it after a grace period. */
  async stop(graceMs = 60_000): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
    this.options.log.info('Neo4j stopped.');
  }

  private async launch(): Promise<void> {
    const { dataDir, log } = this.options;
    await mkdir(dataDir, { recursive: true });
    const confFile = path.join(dataDir, 'neo4j.conf');
    await writeFile(confFile, renderNeo4jConf(this.options), { mode: 0o600 });

    log.info(`Starting Neo4j 5.26 on ${this.uri} (data in ${dataDir}); the first start takes a minute…`);
    const started = Date.now();
    const child = spawn(
      this.java,
      [`-Xms${this.options.heap}`, `-Xmx${this.options.heap}`, ...JVM_FLAGS, `@${this.classpathArgFile}`, launcherSource(this.options.rootDir)],
      {
        env: { ...process.env, NEO4J_HOME_DIR: dataDir, NEO4J_CONF_FILE: confFile, NEO4J_INITIAL_PASSWORD: this.password },
        // stdin stays open: the launcher exits when it closes, so no JVM outlives us.
        stdio: ['pipe', 'pipe', 'pipe'],
        // Its own process group: Ctrl+C in a terminal signals the whole foreground group, and the
        // JVM must stop after the server has finished its requests, when stop() asks, not with it.
        detached: true,
      },
    );
    this.child = child;
    const stderrTail: string[] = [];
    child.stderr?.on('data', (chunk: Buffer) => {
      stderrTail.push(chunk.toString('utf8'));
      if (stderrTail.length > 50) stderrTail.shift();
    });

    const progress = setInterval(() => log.info(`  …Neo4j still starting (${Math.round((Date.now() - started) / 1000)} s)`), 10_000);
    try {
      this.version = await waitForReady(child, this.options, stderrTail);
    } finally {
      clearInterval(progress);
    }
    log.info(`Neo4j ${this.version} ready on ${this.uri} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    const upSince = Date.now();
    child.once('exit', (code, signal) => this.onUnexpectedExit(code, signal, upSince));
  }

  private onUnexpectedExit(code: number | null, signal: string | null, upSince: number): void {
    if (this.stopping || this.options.supervise === false) return;
    if (Date.now() - upSince > STABLE_AFTER_MS) this.restartAttempt = 0;
    const delay = RESTART_DELAYS_MS[Math.min(this.restartAttempt, RESTART_DELAYS_MS.length - 1)] ?? 30_000;
    this.restartAttempt += 1;
    this.options.log.warn(`Neo4j exited unexpectedly (${signal ?? `code ${code}`}); restarting in ${delay / 1000} s.`);
    this.restartTimer = setTimeout(() => {
      this.launch().catch((error: unknown) => {
        this.options.log.error(`Neo4j restart failed: ${error instanceof Error ? error.message : String(error)}`);
        if (!this.stopping) this.onUnexpectedExit(null, 'restart-failed', Date.now());
      });
    }, delay);
  }
}

export function launcherSource(rootDir: string): string {
  return path.join(rootDir, 'scripts/neo4j/Launcher.java');
}

function waitForReady(child: ChildProcess, options: LocalNeo4jOptions, stderrTail: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle(() => reject(new StartupError(`Neo4j did not start within ${START_TIMEOUT_MS / 1000} s: see ${options.dataDir}/logs/debug.log.`)));
    }, START_TIMEOUT_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('NEO4J_READY ')) settle(() => resolve(line.slice('NEO4J_READY '.length).trim()));
        if (line.startsWith('NEO4J_ERROR ')) settle(() => reject(explainLaunchFailure(line.slice('NEO4J_ERROR '.length), options)));
      }
    });
    child.once('error', (error) => settle(() => reject(new StartupError(`Could not run Java: ${error.message}`))));
    child.once('exit', (code, signal) =>
      settle(() =>
        reject(explainLaunchFailure(`the JVM exited (${signal ?? `code ${code}`}) before Neo4j was ready: ${lastLine(stderrTail.join(''))}`, options)),
      ),
    );
  });
}

function lastLine(text: string): string {
  return text.trim().split('\n').filter(Boolean).slice(-1)[0] ?? '';
}

function portTakenError(port: number): StartupError {
  return new StartupError(
    `Port ${port} on 127.0.0.1 is already in use (another Neo4j or npm start?): stop it, set NEO4J_BOLT_PORT to a free port, or set NEO4J_URI to use the running database.`,
  );
}

/** Turn the launcher's error into the one line a user can act on. */
export function explainLaunchFailure(detail: string, options: Pick<LocalNeo4jOptions, 'boltPort' | 'dataDir'>): StartupError {
  if (/address already in use|BindException/i.test(detail)) return portTakenError(options.boltPort);
  if (/lock/i.test(detail) && /store|file|database/i.test(detail)) {
    return new StartupError(
      `The data directory ${options.dataDir} is in use by another Neo4j process: stop that process, or set NEO4J_DATA_DIR to another directory.`,
    );
  }
  const short = truncateGraphemes(detail.replace(/\s+/g, ' '), 300);
  return new StartupError(
    `Neo4j could not start with the data directory ${options.dataDir}: ${short}. If the store is damaged, move that directory away and start again (npm start reloads the bundled reports).`,
  );
}
