/**
 * What the transactions of one load remember from each other. A load of several
 * transactions (load.ts) notes, from one transaction to the next, the nodes (by
 * id: their contributions) and shared relationships (element id and
 * contributions) it wrote: a later transaction updates those (nodes through their
 * label's id constraint, relationships by element id) without reading them back, and creates
 * what neither the database held when the load began nor an earlier transaction
 * wrote. A first import of a large corpus so writes without a single read, like a
 * minimal `UNWIND … CREATE` loader. Once a transaction has taken a report out (a
 * reload), shared items may have changed under that memory, and the load reads
 * from the database again from then on.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../contract/model.ts';
import type { Contributions } from './contributions.ts';
import { REPORTS_KEY } from './contributions.ts';
import { holdsAny, label, relType, run } from './statements.ts';

/** A shared relationship a transaction of this load wrote: where it is and what it now holds. */
export interface Written {
  /** Neo4j's elementId, stable within the database for as long as the load runs. */
  eid: string;
  contributions: Contributions;
}

/** What the database held when the load began (read by its first transaction, after any removal). */
export interface StartState {
  /** Some report's node is there. */
  others: boolean;
  /** MODEL labels and relationship types with at least one node or relationship. */
  labels: Set<string>;
  types: Set<string>;
}

/** What the transactions of one load learnt, for the next ones. */
export interface LoadMemory {
  start?: StartState;
  /** Nodes by id: what they now hold. */
  nodes: Map<string, Contributions>;
  /** Shared relationships, by sharedRelationshipKey (mergeRules.ts). */
  rels: Map<string, Written>;
  /** A transaction took a report out: read from the database from then on. */
  stale: boolean;
}

/** What one transaction learnt; applied to the memory (remember) once it committed. */
export interface Learnt {
  start?: StartState;
  nodes: Map<string, Contributions>;
  rels: Map<string, Written>;
  /** The transaction took a report out. */
  removed: boolean;
}

export function newMemory(): LoadMemory {
  return { nodes: new Map(), rels: new Map(), stale: false };
}

export function newLearnt(removed: boolean): Learnt {
  return { nodes: new Map(), rels: new Map(), removed };
}

/** Fold a committed transaction's `learnt` into `memory` (a removal makes the memory stale for good). */
export function remember(memory: LoadMemory, learnt: Learnt): void {
  memory.start ??= learnt.start;
  if (learnt.removed || memory.stale) {
    memory.stale = true;
    memory.nodes.clear();
    memory.rels.clear();
    return;
  }
  for (const [id, w] of learnt.nodes) memory.nodes.set(id, w);
  for (const [key, w] of learnt.rels) memory.rels.set(key, w);
}

/** Whether any node the loader wrote (one carrying `_reports`) is in the database. */
export async function holdsReports(tx: ManagedTransaction): Promise<boolean> {
  return (await run(tx, `MATCH (n) WHERE n.${REPORTS_KEY} IS NOT NULL RETURN 1 LIMIT 1`)).records.length > 0;
}

/** What an empty database holds: nothing of any label or type, no report. */
const EMPTY_START: Readonly<StartState> = { others: false, labels: new Set(), types: new Set() };

/**
 * What the database holds now. First one `MATCH (n) RETURN count(*)` (a count-store
 * look-up): an empty database, a first import's, needs nothing more. Else one
 * `MATCH (:L) RETURN count(*)` per MODEL label and one `MATCH ()-[:T]->() RETURN
 * count(*)` per type (each planned as a count-store look-up, so as cheap on a full
 * database as on an empty one, and small enough to plan in milliseconds, where one
 * statement counting all 25 took seconds to plan), sent together in the
 * transaction, and one scan stopping at the first report node.
 */
export async function startState(tx: ManagedTransaction): Promise<StartState> {
  if (!(await holdsAny(tx, ALL_NODES))) return { ...EMPTY_START, labels: new Set(), types: new Set() };
  const count = async (k: string, pattern: string): Promise<string | undefined> => ((await holdsAny(tx, pattern)) ? k : undefined);
  const [labels, types, others] = await Promise.all([
    Promise.all(NODE_LABELS.map((l) => count(l, `(:${label(l)})`))),
    Promise.all(RELATIONSHIP_TYPES.map((t) => count(t, `()-[:${relType(t)}]->()`))),
    holdsReports(tx),
  ]);
  const present = (xs: Array<string | undefined>): Set<string> => new Set(xs.filter((x): x is string => x !== undefined));
  return { others, labels: present(labels), types: present(types) };
}

/** Every node: its count is a count-store look-up (no relationship without nodes). */
export const ALL_NODES = '(n)';

export const NOTHING_KNOWN: ReadonlyMap<string, never> = new Map<string, never>();
