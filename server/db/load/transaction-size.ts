/**
 * How many relationships one load transaction may hold, from the database's
 * transaction memory. Neo4j 5 limits a transaction's memory by two settings
 * (Operations Manual, "Configuration settings" and "Memory configuration →
 * Limit transaction memory usage"): `db.memory.transaction.max` (one
 * transaction) and `dbms.memory.transaction.total.max` (all transactions
 * together; `db.memory.transaction.total.max` the same for one database); 0
 * means no limit, and then the heap (`server.memory.heap.max_size`) is what a
 * transaction can fill. The tightest of them is the budget.
 *
 * The rule (measured on this model: relationships with spans and evidence, their
 * ends carrying paragraph text, and the loader's bookkeeping): 200 synthetic
 * reports, 161,403 relationships and 27,076 nodes in one transaction, peaked at
 * 659 MiB of transaction memory (SHOW TRANSACTIONS, estimatedUsedHeapMemory),
 * about 4.2 KB per relationship, its ends included. So 60,000 relationships per
 * 512 MiB of budget (about half of it), at least 10,000 (a report is never split
 * anyway), and half the heap as the budget when no limit is set (the rest is the
 * page cache's bookkeeping, the query plans and the other transactions). Fewer,
 * bigger transactions are faster: at 200 reports two transactions took longer
 * than one in each of three rounds (docs/PERFORMANCE.md, "The loader").
 */
import { Neo4jError, type Driver } from 'neo4j-driver';

/** The relationships per transaction for 512 MiB of transaction memory (and when the settings cannot be read). */
export const RELATIONSHIPS_PER_512_MIB = 60_000;
const MIB = 1024 * 1024;
const MIN_RELATIONSHIPS = 10_000;

/** The settings read, by name; a setting absent from the answer is left out. */
export type MemorySettings = Partial<Record<(typeof SETTINGS)[number], string>>;

/** The transaction-memory limits, then the heap (the budget when no limit is set). */
const LIMITS = ['db.memory.transaction.max', 'db.memory.transaction.total.max', 'dbms.memory.transaction.total.max'] as const;
const SETTINGS = [...LIMITS, 'server.memory.heap.max_size'] as const;

/**
 * A Neo4j byte size as SHOW SETTINGS gives it ("268435456", "256.00MiB", "1.5g",
 * "2GB"; units binary as Neo4j reads them) in bytes; undefined for an empty or
 * unreadable value.
 */
export function parseByteSize(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*$/i.exec(value);
  if (!m) return undefined;
  const power = { '': 0, k: 1, m: 2, g: 3, t: 4 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g' | 't'];
  return Math.round(Number(m[1]) * 1024 ** power);
}

/**
 * The transaction-memory budget in bytes: the smallest set (non-zero) limit, else
 * half the heap, else undefined (nothing readable).
 */
export function transactionBudget(settings: MemorySettings): number | undefined {
  const limits = LIMITS.map((name) => parseByteSize(settings[name])).filter((b): b is number => b !== undefined && b > 0);
  if (limits.length > 0) return Math.min(...limits);
  const heap = parseByteSize(settings['server.memory.heap.max_size']);
  return heap !== undefined && heap > 0 ? heap / 2 : undefined;
}

/** Relationships per transaction for `settings` (see the module comment); RELATIONSHIPS_PER_512_MIB when none is readable. */
export function relationshipsPerTransaction(settings: MemorySettings): number {
  const budget = transactionBudget(settings);
  if (budget === undefined) return RELATIONSHIPS_PER_512_MIB;
  return Math.max(MIN_RELATIONSHIPS, Math.floor((RELATIONSHIPS_PER_512_MIB * budget) / (512 * MIB)));
}

/**
 * Read the memory settings from the server (SHOW SETTINGS, one statement). Gives
 * {} where they cannot be read (a server or user without the privilege, Aura):
 * the caller then falls back to RELATIONSHIPS_PER_512_MIB.
 */
export async function readMemorySettings(driver: Driver, database?: string): Promise<MemorySettings> {
  try {
    const { records } = await driver.executeQuery(
      'SHOW SETTINGS YIELD name, value WHERE name IN $names RETURN name, value',
      { names: [...SETTINGS] },
      {
        ...(database ? { database } : {}),
        routing: 'READ',
      },
    );
    const out: MemorySettings = {};
    for (const r of records) out[r.get('name') as (typeof SETTINGS)[number]] = String(r.get('value') ?? '');
    return out;
  } catch (e) {
    if (e instanceof Neo4jError && !e.retriable) return {}; // refused (privilege, a server without the procedure): use the default
    throw e;
  }
}
