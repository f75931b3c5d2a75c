/**
 * The schema of cypher/schema.cypher: uniqueness constraints, look-up indexes and
 * the full-text indexes, applied idempotently (the loader runs it before every load).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { PROJECT_ROOT } from '../config.ts';
import { truncateGraphemes } from '../contract/truncate.ts';

export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'cypher', 'schema.cypher');

/** The full-text indexes, by the script they serve. */
export const FULLTEXT_INDEXES = { cjk: 'entity_text_cjk', en: 'entity_text_en' } as const;

export interface SchemaStatement {
  /** The constraint's or index's name. */
  name: string;
  kind: 'constraint' | 'index';
  cypher: string;
}

/** The statements of a schema file: comments dropped, split at semicolons ending a line. */
export function parseSchema(text: string): SchemaStatement[] {
  const code = text
    .split(/\r?\n/)
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  return code
    .split(/;[ \t]*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((cypher) => {
      const m = /^CREATE\s+(?:(?:RANGE|TEXT|POINT|FULLTEXT|LOOKUP)\s+)?(CONSTRAINT|INDEX)\s+(\w+)\s+IF\s+NOT\s+EXISTS\b/i.exec(cypher);
      if (!m) throw new Error(`schema statement is not "CREATE … CONSTRAINT|INDEX <name> IF NOT EXISTS …": ${truncateGraphemes(cypher, 80)}`);
      return { kind: m[1]!.toLowerCase() as 'constraint' | 'index', name: m[2]!, cypher };
    });
}

export async function readSchema(file: string = SCHEMA_FILE): Promise<SchemaStatement[]> {
  return parseSchema(await readFile(file, 'utf8'));
}

export interface ApplySchemaOptions {
  database?: string;
  file?: string;
  /** How long to wait for new indexes to come online (default 300 s). */
  awaitSeconds?: number;
}

/**
 * Create what is missing, wait until every index is online, and check that each
 * named constraint and index exists (IF NOT EXISTS skips a statement when a
 * look-alike exists under another name: that is an error here, not a silent no-op).
 */
export async function applySchema(driver: Driver, options: ApplySchemaOptions = {}): Promise<SchemaStatement[]> {
  const statements = await readSchema(options.file);
  const cfg = options.database ? { database: options.database } : {};
  const names = async (): Promise<Set<string>> => {
    const present = new Set<string>();
    for (const show of ['SHOW CONSTRAINTS YIELD name', 'SHOW INDEXES YIELD name']) {
      const { records } = await driver.executeQuery(`${show} RETURN name`, {}, cfg);
      for (const r of records) present.add(String(r.get('name')));
    }
    return present;
  };
  // Only what is missing is run (each statement costs a round trip and a plan; a loaded database has them all).
  const before = await names();
  const toRun = statements.filter((s) => !before.has(s.name));
  if (toRun.length > 0) {
    // One schema transaction for all of them: all or nothing, and one commit.
    const session = driver.session({ ...cfg });
    try {
      await session.executeWrite(async (tx) => {
        for (const s of toRun) await tx.run(s.cypher);
      });
    } finally {
      await session.close();
    }
  }
  await driver.executeQuery('CALL db.awaitIndexes($seconds)', { seconds: options.awaitSeconds ?? 300 }, cfg);
  if (toRun.length === 0) return statements;

  const present = await names();
  const missing = statements.filter((s) => !present.has(s.name));
  if (missing.length > 0) {
    throw new Error(
      `the database lacks ${missing.map((s) => `${s.kind} ${s.name}`).join(', ')} after applying the schema: an equivalent one exists under another name (see SHOW INDEXES / SHOW CONSTRAINTS); drop it and load again`,
    );
  }
  return statements;
}
