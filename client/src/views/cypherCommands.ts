/**
 * The console's own commands, as Neo4j Browser has them (Neo4j Browser manual,
 * "Query parameters"): `:param name => expression` sets one parameter (the older
 * `:param name: expression` too), `:param {a: 1, b: 'x'}` sets several, `:params`
 * lists them, `:params {…}` replaces them all and `:params clear` empties them.
 * The value is a Cypher expression: the console evaluates it on the server
 * (`RETURN <expression> AS value`, read-only like any console query), so every
 * literal Cypher knows (strings in single quotes, lists, maps, date()) works.
 */
export type ConsoleInput =
  | { kind: 'query'; query: string }
  | { kind: 'param'; name: string; expression: string }
  | { kind: 'params-merge'; expression: string }
  | { kind: 'params-replace'; expression: string }
  | { kind: 'params-show' }
  | { kind: 'params-clear' }
  | { kind: 'unknown'; command: string }
  | { kind: 'malformed'; command: 'param' | 'params' };

/** A parameter name as Cypher writes it: an identifier, or anything between backticks. */
const NAME = /^(?:`((?:[^`]|``)+)`|([\p{L}_][\p{L}\p{N}_]*))/u;

/** What the editor holds: a console command (a line starting with ':') or a query for the server. */
export function parseConsoleInput(text: string): ConsoleInput {
  const trimmed = text.trim();
  if (!trimmed.startsWith(':')) return { kind: 'query', query: trimmed };
  const match = /^:([A-Za-z-]+)\s*([\s\S]*)$/.exec(trimmed);
  if (!match) return { kind: 'unknown', command: trimmed.split(/\s/)[0] ?? trimmed };
  const command = match[1]!.toLowerCase();
  const rest = match[2]!.trim();
  if (command === 'params') {
    if (rest === '') return { kind: 'params-show' };
    if (/^clear$/i.test(rest)) return { kind: 'params-clear' };
    if (rest.startsWith('{')) return { kind: 'params-replace', expression: rest };
    return { kind: 'malformed', command: 'params' };
  }
  if (command === 'param') {
    if (rest === '') return { kind: 'params-show' };
    if (/^clear$/i.test(rest)) return { kind: 'params-clear' };
    if (rest.startsWith('{')) return { kind: 'params-merge', expression: rest };
    const name = NAME.exec(rest);
    if (!name) return { kind: 'malformed', command: 'param' };
    const key = name[1] !== undefined ? name[1].replace(/``/g, '`') : name[2]!;
    const after = rest.slice(name[0].length).trim();
    const value = /^(?:=>|:)\s*([\s\S]+)$/.exec(after);
    if (!value) return { kind: 'malformed', command: 'param' };
    return { kind: 'param', name: key, expression: value[1]!.trim() };
  }
  return { kind: 'unknown', command: `:${command}` };
}

/** The query that evaluates a parameter's expression on the server: one row, one column `value`. */
export function evaluationQuery(expression: string): string {
  return `RETURN ${expression} AS value`;
}
