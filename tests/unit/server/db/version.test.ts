import { describe, expect, it } from 'vitest';
import { neo4jVersionProblem } from '../../../../server/db/version.ts';

describe('neo4jVersionProblem', () => {
  it.each(['5.23.0', '5.26.30', '5.27-aura', '2025.10.1', '2026.01.0', ' 5.26.0 '])('runs on Neo4j %s', (version) => {
    expect(neo4jVersionProblem(version)).toBeUndefined();
  });

  it.each(['5.22.0', '5.12.0', '4.4.40', '5.9-aura'])('refuses Neo4j %s, saying which version it needs and why', (version) => {
    const problem = neo4jVersionProblem(version);
    expect(problem).toContain(version.trim());
    expect(problem).toContain('5.23 or later');
    expect(problem).toContain('CALL (n)');
  });

  it('does not refuse a version it cannot read', () => {
    expect(neo4jVersionProblem('dev')).toBeUndefined();
    expect(neo4jVersionProblem('')).toBeUndefined();
  });
});
