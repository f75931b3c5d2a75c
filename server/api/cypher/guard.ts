/**
 * The Cypher console's gate. Two layers before a query runs (and a third, the READ
 * transaction, when it runs):
 *
 *   1. `checkText`: what can be told from the text alone, with a clear reason —
 *      several statements, EXPLAIN/PROFILE, USE, administration commands, LOAD CSV,
 *      CALL … IN TRANSACTIONS. Strings and comments are blanked first, so a word
 *      inside a string literal never trips it.
 *   2. `checkPlan`: the plan of `EXPLAIN <query>`: the query type must be read-only
 *      ('r'), and no operator may load CSV, run in separate transactions, show or
 *      terminate server state, touch another database, or call a procedure outside
 *      the allow-list.
 *
 * Pure functions over text and plan data: unit-tested without a database.
 */
import type { ApiError } from '../errors.ts';
import { ApiError as Err } from '../errors.ts';

export type RefusalReason =
  | 'empty'
  | 'multiple_statements'
  | 'explain_profile'
  | 'use_clause'
  | 'admin_command'
  | 'schema_command'
  | 'write'
  | 'load_csv'
  | 'in_transactions'
  | 'procedure'
  | 'other_database';

/** Procedures the console may call: read-only look-ups of the schema and the full-text indexes. */
export const ALLOWED_PROCEDURES: readonly string[] = [
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
];
const ALLOWED = new Set(ALLOWED_PROCEDURES.map((p) => p.toLowerCase()));

export function refusal(reason: RefusalReason, message: string, extra: Record<string, unknown> = {}): ApiError {
  return new Err(400, 'cypher_refused', message, { reason, ...extra });
}

/**
 * The query with string literals, quoted names and comments replaced by spaces
 * (lengths kept, so offsets still point into the original).
 */
export function blankLiterals(query: string): string {
  const out = query.split('');
  let i = 0;
  const blank = (from: number, to: number): void => {
    for (let k = from; k < to && k < out.length; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  while (i < query.length) {
    const c = query[i]!;
    const next = query[i + 1];
    if (c === '/' && next === '/') {
      const end = query.indexOf('\n', i);
      const stop = end < 0 ? query.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = query.indexOf('*/', i + 2);
      const stop = end < 0 ? query.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === "'" || c === '"') {
      let k = i + 1;
      while (k < query.length && query[k] !== c) k += query[k] === '\\' ? 2 : 1;
      const stop = Math.min(k + 1, query.length);
      blank(i, stop);
      i = stop;
    } else if (c === '`') {
      let k = i + 1;
      for (;;) {
        while (k < query.length && query[k] !== '`') k++;
        if (query[k + 1] === '`') k += 2; // a doubled backtick is an escaped one
        else break;
      }
      const stop = Math.min(k + 1, query.length);
      blank(i, stop);
      i = stop;
    } else {
      i++;
    }
  }
  return out.join('');
}

const ADMIN_FIRST_WORDS = new Set(['SHOW', 'TERMINATE', 'GRANT', 'DENY', 'REVOKE', 'START', 'STOP', 'ALTER', 'RENAME', 'ENABLE', 'DEALLOCATE', 'REALLOCATE', 'DRYRUN']);
const SCHEMA_AFTER_CREATE_DROP =
  /^(CREATE|DROP)\s+(OR\s+REPLACE\s+)?(COMPOSITE\s+)?(CONSTRAINT|INDEX|RANGE\s+INDEX|TEXT\s+INDEX|POINT\s+INDEX|LOOKUP\s+INDEX|FULLTEXT\s+INDEX|VECTOR\s+INDEX|DATABASE|ALIAS|USER|ROLE|SERVER)\b/i;

/**
 * Checks that need only the text. Returns the query to run (trimmed, one trailing
 * semicolon dropped) or throws a 400 `cypher_refused` saying why.
 */
export function checkText(query: string): string {
  let text = query.trim();
  const code0 = blankLiterals(text);
  // One trailing semicolon is a habit, not a second statement.
  const trailing = /;\s*$/.exec(code0);
  if (trailing) text = text.slice(0, trailing.index).trimEnd();
  const code = blankLiterals(text);
  if (code.trim() === '') throw refusal('empty', 'The query is empty.');
  if (code.includes(';')) {
    throw refusal('multiple_statements', 'Only one statement at a time: the query holds a semicolon between statements.', { position: offsetToPosition(text, code.indexOf(';')) });
  }
  const words = code.trim().split(/\s+/);
  const first = (words[0] ?? '').toUpperCase();
  if (first === 'EXPLAIN' || first === 'PROFILE') {
    throw refusal('explain_profile', `${first} is not available in the console: send the query itself (the console explains every query before running it).`);
  }
  // USE as the first clause, of the query or of a subquery (the plan check catches the rest).
  if (first === 'USE' || /[{]\s*USE\s/i.test(code) || /\bUNION(\s+ALL)?\s+USE\s/i.test(code)) {
    throw refusal('use_clause', 'USE is not available: the console reads the application’s database only.');
  }
  if (ADMIN_FIRST_WORDS.has(first)) {
    throw refusal('admin_command', `Administration commands (${first} …) are not available in the console; it runs read-only queries of the graph.`);
  }
  if (SCHEMA_AFTER_CREATE_DROP.test(code.trim())) {
    throw refusal('schema_command', 'Schema and administration commands (CREATE/DROP INDEX, CONSTRAINT, DATABASE, USER …) are not available: the console is read-only.');
  }
  if (/\bLOAD\s+CSV\b/i.test(code)) {
    throw refusal('load_csv', 'LOAD CSV is not available in the console: it reads files and URLs, not the graph.');
  }
  if (/\bIN\s+(\d+\s+)?(CONCURRENT\s+)?TRANSACTIONS\b/i.test(code)) {
    throw refusal('in_transactions', 'CALL { … } IN TRANSACTIONS is not available: the console runs each query in one read-only transaction.');
  }
  return text;
}

/** What the guard needs of an EXPLAIN's result summary (neo4j-driver's ResultSummary fits). */
export interface ExplainSummary {
  queryType: string;
  plan: PlanNode | false | undefined;
}

export interface PlanNode {
  operatorType: string;
  arguments?: Record<string, unknown>;
  children?: PlanNode[];
}

/** Operators of commands that show or change server state (SHOW …, TERMINATE …, administration on the system database). */
const ADMIN_OPERATORS = /^(Show|Terminate|AdministrationCommand|SystemProcedureCall|AssertAllowed|EnsureValidNonSystemDatabase|EnsureNodeExists)/;

function operators(plan: PlanNode, out: PlanNode[] = []): PlanNode[] {
  out.push(plan);
  for (const child of plan.children ?? []) operators(child, out);
  return out;
}

/** The procedure a ProcedureCall operator calls, from its Details (`db.labels() :: (label :: STRING)`). */
export function procedureName(details: string): string {
  const match = /^\s*([\w.`]+)\s*\(/.exec(details);
  return (match?.[1] ?? details).replace(/`/g, '');
}

/** Checks of the plan; throws a 400 `cypher_refused` naming the first problem. */
export function checkPlan(summary: ExplainSummary): void {
  const plan = summary.plan || undefined;
  const ops = plan ? operators(plan) : [];
  const databases = new Set<string>();
  for (const op of ops) {
    const [name = '', database] = op.operatorType.split('@');
    if (database) databases.add(database);
    const details = String(op.arguments?.Details ?? op.arguments?.details ?? '');
    const runtime = String(op.arguments?.runtime ?? '').toUpperCase();
    if (name === 'LoadCSV') throw refusal('load_csv', 'LOAD CSV is not available in the console: it reads files and URLs, not the graph.');
    if (name.startsWith('Transaction')) {
      throw refusal('in_transactions', 'CALL { … } IN TRANSACTIONS is not available: the console runs each query in one read-only transaction.');
    }
    if (name === 'ProcedureCall') {
      const procedure = procedureName(details);
      if (!ALLOWED.has(procedure.toLowerCase())) {
        throw refusal('procedure', `The procedure ${procedure} is not available in the console; allowed: ${ALLOWED_PROCEDURES.join(', ')}.`, {
          procedure,
          allowed: ALLOWED_PROCEDURES,
        });
      }
    }
    if (runtime === 'SYSTEM' || runtime === 'SCHEMA' || ADMIN_OPERATORS.test(name)) {
      if (summary.queryType === 's' || runtime === 'SCHEMA') {
        throw refusal('schema_command', 'Schema and administration commands are not available: the console is read-only.');
      }
      throw refusal('admin_command', 'Administration commands (SHOW …, TERMINATE …, dbms.*) are not available in the console; it runs read-only queries of the graph.');
    }
  }
  if (databases.has('system') || databases.size > 1) {
    throw refusal('other_database', 'The console reads the application’s database only.');
  }
  if (summary.queryType !== 'r') {
    if (summary.queryType === 's') throw refusal('schema_command', 'Schema and administration commands are not available: the console is read-only.');
    throw refusal('write', 'The console is read-only: this query would write to the graph (CREATE, MERGE, SET, DELETE, REMOVE …).', { queryType: summary.queryType });
  }
}

function offsetToPosition(text: string, offset: number): { line: number; column: number; offset: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1, offset };
}
