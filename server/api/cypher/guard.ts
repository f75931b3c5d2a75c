/**
 * The Cypher console's gate. Two layers before a query runs (and a third, the READ
 * transaction, when it runs):
 *
 *   1. `checkText`: what can be told from the text alone, with a clear reason —
 *      several statements, EXPLAIN/PROFILE, USE, administration commands (catalogue
 *      reads aside: SHOW INDEXES / CONSTRAINTS / FUNCTIONS / PROCEDURES), LOAD CSV,
 *      CALL … IN TRANSACTIONS. It reads the tokens Neo4j reads (lexer.ts), so a word
 *      inside a string literal, a name or a comment never trips it, and an escape
 *      or line terminator cannot hide one. limits.ts adds the forms Neo4j could not
 *      stop once running.
 *   2. `checkPlan`: the plan of `EXPLAIN <query>`: the query type must be read-only
 *      ('r'), and no operator may load CSV, run in separate transactions, show or
 *      terminate server state, touch another database, or call a procedure outside
 *      the allow-list.
 *
 * Pure functions over text and plan data: unit-tested without a database.
 */
import type { ApiError } from '../../contract/errors.ts';
import { ApiError as Err } from '../../contract/errors.ts';
import { CypherLexError, isKeyword, significant, tokenize, type Token } from './lexer.ts';

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
  | 'other_database'
  | 'too_deeply_nested'
  | 'unbounded_expression'
  | 'regex';

/**
 * Procedures the console may call: read-only look-ups of the schema catalogue and
 * the full-text indexes (Neo4j 5 Operations Manual, procedure reference: all mode
 * READ, none exposing the server, its settings, users or others' queries).
 */
export const ALLOWED_PROCEDURES: readonly string[] = [
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
  'db.index.fulltext.listAvailableAnalyzers',
];
const ALLOWED = new Set(ALLOWED_PROCEDURES.map((p) => p.toLowerCase()));

export function refusal(reason: RefusalReason, message: string, extra: Record<string, unknown> = {}): ApiError {
  return new Err(400, 'cypher_refused', message, { reason, ...extra });
}

const ADMIN_FIRST_WORDS = new Set([
  'SHOW',
  'TERMINATE',
  'GRANT',
  'DENY',
  'REVOKE',
  'START',
  'STOP',
  'ALTER',
  'RENAME',
  'ENABLE',
  'DEALLOCATE',
  'REALLOCATE',
  'DRYRUN',
]);
const SCHEMA_OBJECTS = new Set(['CONSTRAINT', 'INDEX', 'DATABASE', 'ALIAS', 'USER', 'ROLE', 'SERVER', 'COMPOSITE']);
const SCHEMA_KINDS = new Set(['OR', 'REPLACE', 'RANGE', 'TEXT', 'POINT', 'LOOKUP', 'FULLTEXT', 'VECTOR', 'BTREE']);
/** SHOW commands that read the schema catalogue only (the plan check confirms the operator). */
const CATALOGUE_NOUNS = new Set(['INDEX', 'INDEXES', 'CONSTRAINT', 'CONSTRAINTS', 'FUNCTION', 'FUNCTIONS', 'PROCEDURE', 'PROCEDURES']);
/** Words that may stand between SHOW and a catalogue noun (`SHOW FULLTEXT INDEXES`, `SHOW BUILT IN FUNCTIONS`). */
const CATALOGUE_QUALIFIERS = new Set([
  'ALL',
  'RANGE',
  'FULLTEXT',
  'TEXT',
  'POINT',
  'VECTOR',
  'LOOKUP',
  'BTREE',
  'UNIQUE',
  'UNIQUENESS',
  'NODE',
  'RELATIONSHIP',
  'REL',
  'KEY',
  'EXIST',
  'EXISTENCE',
  'EXISTS',
  'PROPERTY',
  'TYPE',
  'BUILT',
  'IN',
  'USER',
  'DEFINED',
]);

export interface CheckedQuery {
  /** The query to run, as the user wrote it: trimmed, one trailing semicolon dropped. */
  text: string;
  /** Its tokens as Neo4j reads them, white space and comments left out. */
  tokens: Token[];
}

/**
 * Checks that need only the text, on the tokens Neo4j itself would read
 * (lexer.ts: unicode escapes, all its line terminators, strings, names and
 * comments). Returns the query to run, or throws a 400: `cypher_refused` saying
 * why, or `cypher_syntax` for a string, name or comment left open or a malformed
 * \u escape.
 */
export function checkText(query: string): CheckedQuery {
  let all: Token[];
  try {
    all = tokenize(query);
  } catch (error) {
    if (error instanceof CypherLexError) {
      throw new Err(400, 'cypher_syntax', `${error.message} (${describePosition(query, error.offset)})`, { position: offsetToPosition(query, error.offset) });
    }
    throw error;
  }
  let tokens = significant(all);
  if (tokens.length === 0) throw refusal('empty', 'The query is empty.');
  // One trailing semicolon is a habit, not a second statement.
  let end = query.length;
  if (tokens.at(-1)!.text === ';') {
    end = tokens.at(-1)!.start;
    tokens = tokens.slice(0, -1);
    if (tokens.length === 0) throw refusal('empty', 'The query is empty.');
  }
  const semicolon = tokens.find((t) => t.text === ';');
  if (semicolon) {
    throw refusal('multiple_statements', 'Only one statement at a time: the query holds a semicolon between statements.', {
      position: offsetToPosition(query, semicolon.start),
    });
  }
  const first = tokens[0]!;
  // Neo4j's pre-parser (CYPHER options, EXPLAIN, PROFILE) reads the first word before \u escapes are
  // decoded, its parser after: `\u0052ETURN 1` plans after EXPLAIN but fails on its own. The first word
  // goes as decoded, so the query that runs is the one that was explained.
  const text = (first.kind === 'name' ? first.text : query.slice(first.start, first.end)) + query.slice(first.end, end).trimEnd();
  if (isKeyword(first, 'EXPLAIN', 'PROFILE')) {
    throw refusal(
      'explain_profile',
      `${first.value} is not available in the console: send the query itself (the console explains every query before running it).`,
    );
  }
  // USE as the first clause, of the query or of a subquery (the plan check catches the rest).
  const useAt = tokens.findIndex(
    (t, i) =>
      isKeyword(t, 'USE') &&
      (i === 0 || tokens[i - 1]!.text === '{' || isKeyword(tokens[i - 1], 'UNION') || (isKeyword(tokens[i - 1], 'ALL') && isKeyword(tokens[i - 2], 'UNION'))),
  );
  if (useAt >= 0) throw refusal('use_clause', 'USE is not available: the console reads the application’s database only.');
  if (isKeyword(first, 'SHOW') && isCatalogueRead(tokens)) {
    // Allowed: SHOW INDEXES / CONSTRAINTS / FUNCTIONS / PROCEDURES, for the current user only.
  } else if (first.kind === 'name' && ADMIN_FIRST_WORDS.has(first.value)) {
    throw refusal(
      'admin_command',
      `Administration commands (${first.value} …) are not available in the console; it runs read-only queries of the graph. Catalogue reads are: SHOW INDEXES, SHOW CONSTRAINTS, SHOW FUNCTIONS, SHOW PROCEDURES.`,
    );
  }
  if (isKeyword(first, 'CREATE', 'DROP')) {
    let i = 1;
    while (tokens[i] && tokens[i]!.kind === 'name' && SCHEMA_KINDS.has(tokens[i]!.value)) i++;
    if (tokens[i]?.kind === 'name' && SCHEMA_OBJECTS.has(tokens[i]!.value)) {
      throw refusal(
        'schema_command',
        'Schema and administration commands (CREATE/DROP INDEX, CONSTRAINT, DATABASE, USER …) are not available: the console is read-only.',
      );
    }
  }
  if (tokens.some((t, i) => isKeyword(t, 'LOAD') && isKeyword(tokens[i + 1], 'CSV'))) {
    throw refusal('load_csv', 'LOAD CSV is not available in the console: it reads files and URLs, not the graph.');
  }
  if (
    tokens.some(
      (t, i) =>
        isKeyword(t, 'IN') &&
        (isKeyword(tokens[i + 1], 'TRANSACTIONS') ||
          (isKeyword(tokens[i + 1], 'CONCURRENT') && isKeyword(tokens[i + 2], 'TRANSACTIONS')) ||
          (tokens[i + 1]?.kind === 'number' && (isKeyword(tokens[i + 2], 'TRANSACTIONS') || isKeyword(tokens[i + 2], 'CONCURRENT')))),
    )
  ) {
    throw refusal('in_transactions', 'CALL { … } IN TRANSACTIONS is not available: the console runs each query in one read-only transaction.');
  }
  return { text, tokens };
}

/** `SHOW [qualifiers] INDEXES|CONSTRAINTS|FUNCTIONS|PROCEDURES …`, and EXECUTABLE BY only for the current user. */
function isCatalogueRead(tokens: readonly Token[]): boolean {
  let i = 1;
  while (tokens[i]?.kind === 'name' && CATALOGUE_QUALIFIERS.has(tokens[i]!.value) && !CATALOGUE_NOUNS.has(tokens[i]!.value)) i++;
  if (!(tokens[i]?.kind === 'name' && CATALOGUE_NOUNS.has(tokens[i]!.value))) return false;
  const by = tokens.findIndex((t, k) => isKeyword(t, 'BY') && isKeyword(tokens[k - 1], 'EXECUTABLE'));
  if (by >= 0 && !(isKeyword(tokens[by + 1], 'CURRENT') && isKeyword(tokens[by + 2], 'USER'))) {
    throw refusal(
      'admin_command',
      'EXECUTABLE BY another user is not available: it tells about that user. Use SHOW PROCEDURES EXECUTABLE BY CURRENT USER, or no EXECUTABLE clause.',
    );
  }
  return true;
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
/** SHOW operators that only read the schema catalogue. */
const CATALOGUE_OPERATORS = new Set(['ShowIndexes', 'ShowConstraints', 'ShowFunctions', 'ShowProcedures']);

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
    // Catalogue reads, for every user's catalogue or the current user's (not another user's rights).
    if (CATALOGUE_OPERATORS.has(name) && !/ForUser\((?!all\)|current\))/.test(details)) continue;
    if (runtime === 'SYSTEM' || runtime === 'SCHEMA' || ADMIN_OPERATORS.test(name)) {
      if (summary.queryType === 's' || runtime === 'SCHEMA') {
        throw refusal('schema_command', 'Schema and administration commands are not available: the console is read-only.');
      }
      throw refusal(
        'admin_command',
        'Administration commands (SHOW …, TERMINATE …, dbms.*) are not available in the console; it runs read-only queries of the graph.',
      );
    }
  }
  if (databases.has('system') || databases.size > 1) {
    throw refusal('other_database', 'The console reads the application’s database only.');
  }
  if (summary.queryType !== 'r') {
    if (summary.queryType === 's') throw refusal('schema_command', 'Schema and administration commands are not available: the console is read-only.');
    throw refusal('write', 'The console is read-only: this query would write to the graph (CREATE, MERGE, SET, DELETE, REMOVE …).', {
      queryType: summary.queryType,
    });
  }
}

/** Line and column (1-based) of an offset, lines ended as Neo4j ends them (LF, CR LF or CR). */
function offsetToPosition(text: string, offset: number): { line: number; column: number; offset: number } {
  const before = text.slice(0, offset).split(/\r\n?|\n/);
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1, offset };
}

function describePosition(text: string, offset: number): string {
  const p = offsetToPosition(text, offset);
  return `line ${p.line}, column ${p.column} (offset: ${p.offset})`;
}
