import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../server/api/errors.ts';
import { checkPlan, checkText, procedureName, type PlanNode } from '../../../../../server/api/cypher/guard.ts';

function reason(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof ApiError) return (error.details as { reason: string }).reason;
    throw error;
  }
}

describe('checkText', () => {
  it('drops one trailing semicolon and passes reads', () => {
    expect(checkText('  MATCH (n) RETURN n ;  ').text).toBe('MATCH (n) RETURN n');
    expect(checkText("RETURN ';' AS s").text).toBe("RETURN ';' AS s");
    expect(checkText('RETURN 1 AS a; // done').text).toBe('RETURN 1 AS a');
  });

  it.each([
    ['', 'empty'],
    ['// only a comment', 'empty'],
    ['RETURN 1; RETURN 2', 'multiple_statements'],
    ['RETURN 1;;', 'multiple_statements'],
    ['EXPLAIN MATCH (n) RETURN n', 'explain_profile'],
    ['profile MATCH (n) RETURN n', 'explain_profile'],
    ['USE system SHOW USERS', 'use_clause'],
    ['CALL { USE neo4j MATCH (n) RETURN n } RETURN n', 'use_clause'],
    ['SHOW DATABASES', 'admin_command'],
    ['SHOW SETTINGS', 'admin_command'],
    ['SHOW TRANSACTIONS', 'admin_command'],
    ['SHOW USERS', 'admin_command'],
    ['SHOW PROCEDURES EXECUTABLE BY neo4j', 'admin_command'],
    // What the field found: the text layer read these differently from Neo4j.
    ['RETURN 1 AS a\\u003B RETURN 2 AS b', 'multiple_statements'],
    ["RETURN 'a\\u0027; CREATE (n) RETURN n //'", 'multiple_statements'],
    ['\\u002F\\u002F just a comment', 'empty'],
    ['\\u0045XPLAIN MATCH (n) RETURN n', 'explain_profile'],
    ['// comment ended by a bare CR\rLOAD CSV FROM "x" AS r RETURN r', 'load_csv'],
    ['terminate transactions "x"', 'admin_command'],
    ['GRANT ROLE admin TO bob', 'admin_command'],
    ['CREATE INDEX i FOR (n:X) ON (n.y)', 'schema_command'],
    ['create fulltext index f for (n:X) on each [n.y]', 'schema_command'],
    ['DROP CONSTRAINT c', 'schema_command'],
    ['CREATE OR REPLACE DATABASE x', 'schema_command'],
    ["LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r", 'load_csv'],
    ["MATCH (n) WITH n LIMIT 1 load  csv with headers from 'http://x' AS r RETURN r", 'load_csv'],
    ['CALL { MATCH (n) RETURN n } IN TRANSACTIONS OF 10 ROWS RETURN n', 'in_transactions'],
    ['CALL { MATCH (n) RETURN n } IN 4 CONCURRENT TRANSACTIONS RETURN n', 'in_transactions'],
  ])('refuses %j (%s)', (query, expected) => {
    expect(reason(() => checkText(query))).toBe(expected);
  });

  it('is not fooled by keywords inside strings, names or comments', () => {
    for (const q of [
      "RETURN 'LOAD CSV FROM x' AS s",
      'MATCH (n) // SHOW USERS; DROP INDEX x\nRETURN n',
      'RETURN 1 AS `IN TRANSACTIONS`',
      "MATCH (n) WHERE n.text CONTAINS 'EXPLAIN' RETURN n",
      'MATCH (user:Person) RETURN user',
      '// a comment ended by a bare carriage return\rRETURN 1 AS one',
      "RETURN 'a\\\\u0027; CREATE' AS s",
      'SHOW INDEXES',
      'SHOW FULLTEXT INDEXES YIELD name RETURN name',
      'show constraints',
      'SHOW BUILT IN FUNCTIONS',
      'SHOW PROCEDURES EXECUTABLE BY CURRENT USER YIELD name',
    ]) {
      expect(
        reason(() => checkText(q)),
        q,
      ).toBeUndefined();
    }
  });
});

const op = (operatorType: string, args: Record<string, unknown> = {}, children: PlanNode[] = []): PlanNode => ({ operatorType, arguments: args, children });
const results = (...children: PlanNode[]): PlanNode => op('ProduceResults@neo4j', { runtime: 'SLOTTED' }, children);

describe('checkPlan', () => {
  it('passes catalogue reads', () => {
    for (const [name, details] of [
      ['ShowIndexes@neo4j', 'allIndexes, defaultColumns'],
      ['ShowConstraints@neo4j', 'allConstraints, defaultColumns'],
      ['ShowFunctions@neo4j', 'allFunctions, functionsForUser(all), defaultColumns'],
      ['ShowProcedures@neo4j', 'proceduresForUser(current), columns(name)'],
    ] as const) {
      expect(
        reason(() => checkPlan({ queryType: 'r', plan: results(op(name, { Details: details })) })),
        name,
      ).toBeUndefined();
    }
  });

  it('passes a read-only plan and allow-listed procedures', () => {
    expect(reason(() => checkPlan({ queryType: 'r', plan: results(op('NodeByLabelScan@neo4j')) }))).toBeUndefined();
    for (const details of [
      'db.labels() :: (label :: STRING)',
      'db.index.fulltext.queryNodes($a, $b) :: (node :: NODE, score :: FLOAT)',
      '`db`.`propertyKeys`() :: (propertyKey :: STRING)',
      'db.schema.nodeTypeProperties() :: (nodeType :: STRING)',
      'db.schema.relTypeProperties() :: (relType :: STRING)',
    ]) {
      expect(
        reason(() => checkPlan({ queryType: 'r', plan: results(op('ProcedureCall@neo4j', { Details: details })) })),
        details,
      ).toBeUndefined();
    }
  });

  it.each([
    ['rw', results(op('Create@neo4j', { Details: '(n:X)' })), 'write'],
    ['w', results(op('SetProperty@neo4j')), 'write'],
    ['s', op('CreateIndex@neo4j', { runtime: 'SCHEMA' }), 'schema_command'],
    ['s', op('AdministrationCommand@system', { runtime: 'SYSTEM' }), 'schema_command'],
    ['r', results(op('LoadCSV@neo4j')), 'load_csv'],
    ['r', results(op('TransactionApply@neo4j', {}, [op('AllNodesScan@neo4j')])), 'in_transactions'],
    ['r', results(op('TransactionForeach@neo4j')), 'in_transactions'],
    ['r', results(op('ShowSettings@neo4j')), 'admin_command'],
    ['r', results(op('ShowTransactions@neo4j')), 'admin_command'],
    ['r', results(op('ShowProcedures@neo4j', { Details: 'proceduresForUser(neo4j), defaultColumns' })), 'admin_command'],
    ['r', results(op('TerminateTransactions@neo4j')), 'admin_command'],
    ['r', results(op('ProcedureCall@neo4j', { Details: 'db.ping() :: (success :: BOOLEAN)' })), 'procedure'],
    ['s', results(op('ProcedureCall@neo4j', { Details: 'dbms.components() :: (name :: STRING)' })), 'procedure'],
    ['r', results(op('Apply@neo4j', {}, [op('ProcedureCall@neo4j', { Details: 'apoc.load.json($url) :: (value :: MAP)' })])), 'procedure'],
    ['r', results(op('AllNodesScan@system')), 'other_database'],
    ['r', op('Union@neo4j', {}, [op('AllNodesScan@neo4j'), op('AllNodesScan@other')]), 'other_database'],
  ])('refuses query type %s with %o (%s)', (queryType, plan, expected) => {
    expect(reason(() => checkPlan({ queryType, plan }))).toBe(expected);
  });

  it('reads procedure names from plan details', () => {
    expect(procedureName('db.labels() :: (label :: STRING)')).toBe('db.labels');
    expect(procedureName('`dbms`.`components`() :: (x)')).toBe('dbms.components');
  });
});
