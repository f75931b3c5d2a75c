import { spawn } from 'node:child_process';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../../logger.ts';
import { StartupError } from '../startup-error.ts';

/**
 * Resolve the Neo4j jars with Maven (fetched once into ~/.m2) and write them as a
 * java argument file (`-cp …`), cached under .data/. Re-resolved when the pom changes.
 * Returns the argument file's path, to pass to java as `@file`.
 */
export async function resolveClasspath(options: { pomFile: string; cacheDir: string; log: Logger }): Promise<string> {
  const { pomFile, cacheDir, log } = options;
  const classpathFile = path.join(cacheDir, 'neo4j.classpath');
  const argFile = path.join(cacheDir, 'neo4j.jvmargs');
  if (await isNewer(argFile, pomFile)) return argFile;

  await mkdir(cacheDir, { recursive: true });
  log.info('Resolving Neo4j 5.26 from Maven Central (the first time this downloads about 120 MB; it can take a few minutes)…');
  await runMaven(['-B', '-f', pomFile, 'dependency:build-classpath', `-Dmdep.outputFile=${classpathFile}`], log);
  const classpath = (await readFile(classpathFile, 'utf8')).trim();
  // Quoted for java's @argfile syntax, so paths with spaces survive.
  await writeFile(argFile, `-cp "${classpath.replaceAll('\\', '\\\\')}"\n`);
  return argFile;
}

async function isNewer(file: string, than: string): Promise<boolean> {
  try {
    const [a, b] = await Promise.all([stat(file), stat(than)]);
    return a.mtimeMs >= b.mtimeMs && a.size > 0;
  } catch {
    return false;
  }
}

function runMaven(args: string[], log: Logger): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.MAVEN ?? 'mvn', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let downloaded = 0;
    let lastReport = Date.now();
    const tail: string[] = [];
    const onLine = (line: string): void => {
      tail.push(line);
      if (tail.length > 20) tail.shift();
      if (line.includes('Downloaded from')) {
        downloaded += 1;
        if (Date.now() - lastReport > 3000) {
          lastReport = Date.now();
          log.info(`  …${downloaded} files fetched from Maven Central`);
        }
      }
    };
    let buffer = '';
    const onData = (chunk: Buffer): void => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      lines.forEach(onLine);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', () =>
      reject(
        new StartupError(
          'Maven (mvn) was not found: install it (Debian: apt-get install maven) so the project can fetch Neo4j, or set NEO4J_URI to use a Neo4j you already run.',
        ),
      ),
    );
    child.on('exit', (code) => {
      if (code === 0) {
        if (downloaded > 0) log.info(`Neo4j artifacts ready (${downloaded} files fetched).`);
        resolve();
      } else {
        const reason = tail
          .filter((l) => l.includes('ERROR'))
          .slice(0, 2)
          .join(' ')
          .replace(/\s+/g, ' ');
        reject(new StartupError(`Maven could not fetch Neo4j (exit ${code}): ${reason || 'see mvn output'}. Check access to Maven Central, or set NEO4J_URI.`));
      }
    });
  });
}
