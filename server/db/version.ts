/**
 * Which Neo4j versions the project's Cypher runs on. Its subqueries name what they import
 * (`CALL (n) { … }`, the variable scope clause), which Neo4j added in 5.23 and which replaces
 * the importing `WITH` deprecated then and removed from Cypher 25 (Neo4j Cypher Manual 5,
 * "CALL subqueries", and the 5.23 deprecations). Calendar versions (2025.01 and later, Aura's
 * included) all have it.
 */

/** The oldest Neo4j the project runs on, as `[major, minor]`. */
export const MIN_NEO4J: readonly [number, number] = [5, 23];

/**
 * Why the project cannot run on the Neo4j of `version` (as `dbms.components()` gives it:
 * `5.26.30`, `5.27-aura`, `2025.10.1`), in one line; undefined when it can, or when the version
 * cannot be read (it is not refused on a guess).
 */
export function neo4jVersionProblem(version: string): string | undefined {
  const match = /^(\d+)\.(\d+)/.exec(version.trim());
  if (!match) return undefined;
  const major = Number(match[1]);
  const minor = Number(match[2]);
  const [minMajor, minMinor] = MIN_NEO4J;
  if (major > minMajor || (major === minMajor && minor >= minMinor)) return undefined;
  return `Neo4j ${version} is too old: congress-graph needs ${minMajor}.${minMinor} or later (5.26 LTS, a 2025 release, or Aura), for its Cypher subqueries with a scope clause (CALL (n) { … }).`;
}
