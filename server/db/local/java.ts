import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { StartupError } from '../startup-error.ts';

const run = promisify(execFile);

/** Neo4j 5.26 LTS runs on Java 17 and 21 only. */
const SUPPORTED_MAJORS = [17, 21];

/** Find the java executable to run Neo4j with and check its version. */
export async function findJava(explicit: string | undefined): Promise<string> {
  const java = explicit ?? (process.env.JAVA_HOME ? `${process.env.JAVA_HOME}/bin/java` : 'java');
  let banner: string;
  try {
    // `java -version` writes to stderr.
    const { stderr } = await run(java, ['-version']);
    banner = stderr;
  } catch {
    throw new StartupError(
      `Java was not found (tried "${java}"): install a Java 17 runtime (Debian: apt-get install openjdk-17-jre-headless) or set NEO4J_JAVA, or set NEO4J_URI to use a Neo4j you already run.`,
    );
  }
  const major = parseJavaMajor(banner);
  if (major === undefined || !SUPPORTED_MAJORS.includes(major)) {
    throw new StartupError(
      `Neo4j 5.26 needs Java 17 or 21, but "${java}" is ${major ?? 'of an unknown version'}: set NEO4J_JAVA (or JAVA_HOME) to a Java 17 installation.`,
    );
  }
  return java;
}

export function parseJavaMajor(versionBanner: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionBanner);
  if (!match) return undefined;
  const first = Number(match[1]);
  // Java 8 and older report "1.8.0_…".
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}
