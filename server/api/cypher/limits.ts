/**
 * What the console refuses before a query reaches Neo4j because, once Neo4j runs
 * it, nothing can stop it in time. Neo4j stops a query at its timeout only where
 * it checks for termination: between rows, in its operators and store reads.
 * Work inside one expression is never checked. Measured on 5.26.30 with a 2 s
 * transaction timeout: `RETURN reduce(s = 0, x IN range(1, 2000000000) | s + x)`
 * ran 85-115 s at a full core; the transaction showed as "Terminated" in SHOW
 * TRANSACTIONS the whole time and TERMINATE TRANSACTIONS changed nothing. The
 * parser is the same: 400 nested NOTs, 200 nested brackets or 300 chained property
 * accesses kept it busy past 15-40 s, answering nothing.
 *
 * So these forms are refused (400 `cypher_refused`), with the limit named:
 *   - nesting (`too_deeply_nested`): an expression may be at most MAX_DEPTH deep,
 *     counting each open bracket ( [ { and CASE, and each operator (AND, NOT, +,
 *     comparison, `.` property access, …) within one expression;
 *   - iteration inside one expression (`unbounded_expression`): `range()` must
 *     have constant bounds (numbers or parameters) and yield at most
 *     MAX_RANGE_VALUES values, unless it is what UNWIND unwinds (an operator, which
 *     Neo4j does stop); list comprehensions, reduce() and all/any/none/single()
 *     nested in one another's bodies, and `x IN list` inside them, multiply: the
 *     product along any nesting must stay under MAX_STEPS for lists of known size,
 *     and a list of unknown size (a variable, a property, a function's result) may
 *     appear once in a nesting, times at most MAX_STEPS_WITH_UNKNOWN; a reduce()
 *     that concatenates onto a string or list accumulator counts its list twice
 *     (the copying is quadratic). Lists of a path's or an entity's own parts
 *     (`nodes(p)`, `relationships(p)`, `labels(n)`, `keys(n)`) count as known and
 *     at most SMALL_LIST long;
 *   - regular expressions (`regex`): the pattern after `=~` must be a string
 *     literal or a string parameter (regex.ts then checks it runs in linear time).
 *
 * Pure: tokens (lexer.ts) and parameter values in, a refusal thrown or nothing.
 */
import { refusal } from './guard.ts';
import { isKeyword, type Token } from './lexer.ts';

export const MAX_DEPTH = 64;
export const MAX_RANGE_VALUES = 1_000_000;
export const MAX_STEPS = 10_000_000;
export const MAX_STEPS_WITH_UNKNOWN = 1_000;
export const SMALL_LIST = 1_000;

const OPERATOR_SYMBOLS = new Set(['+', '-', '*', '/', '%', '^', '=', '<>', '!=', '<', '>', '<=', '>=', '=~', '.', '->', '<-', '||']);
const OPERATOR_WORDS = new Set(['AND', 'OR', 'XOR', 'NOT', 'IN', 'IS', 'STARTS', 'ENDS', 'CONTAINS']);
/** Where one expression ends and the next begins (the operator count starts again). */
const EXPRESSION_BREAKS = new Set([
  'WHERE',
  'WITH',
  'RETURN',
  'MATCH',
  'OPTIONAL',
  'UNWIND',
  'ORDER',
  'BY',
  'SKIP',
  'LIMIT',
  'AS',
  'CALL',
  'YIELD',
  'UNION',
  'WHEN',
  'THEN',
  'ELSE',
  'DISTINCT',
  'ASC',
  'DESC',
  'ASCENDING',
  'DESCENDING',
]);
const OPEN = new Set(['(', '[', '{']);
const CLOSE: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
const SMALL_LIST_FUNCTIONS = new Set(['NODES', 'RELATIONSHIPS', 'LABELS', 'KEYS']);

/** Throws a refusal when the query holds a form Neo4j could not stop at its timeout. */
export function checkExpressionLimits(tokens: readonly Token[], params: Record<string, unknown>): void {
  checkDepth(tokens);
  const match = matchBrackets(tokens);
  checkRanges(tokens, match, params);
  checkIteration(tokens, match, params);
  regexPatterns(tokens, params); // throws for a pattern that is not a literal or a parameter
}

function checkDepth(tokens: readonly Token[]): void {
  const frames: { opener: string; ops: number }[] = [{ opener: '', ops: 0 }];
  const depth = (): number => frames.reduce((sum, f, i) => sum + (i === 0 ? 0 : 1) + f.ops, 0);
  for (const t of tokens) {
    const top = frames.at(-1)!;
    if ((t.kind === 'symbol' && OPEN.has(t.text)) || isKeyword(t, 'CASE')) frames.push({ opener: t.kind === 'symbol' ? t.text : 'CASE', ops: 0 });
    else if ((t.kind === 'symbol' && CLOSE[t.text]) || isKeyword(t, 'END')) {
      if (frames.length > 1) frames.pop();
    } else if (t.kind === 'symbol' && (t.text === ',' || t.text === '|')) top.ops = 0;
    else if (t.kind === 'name' && EXPRESSION_BREAKS.has(t.value)) top.ops = 0;
    else if ((t.kind === 'symbol' && OPERATOR_SYMBOLS.has(t.text)) || (t.kind === 'name' && OPERATOR_WORDS.has(t.value))) top.ops += 1;
    if (depth() > MAX_DEPTH) {
      throw refusal(
        'too_deeply_nested',
        `The query nests more than ${MAX_DEPTH} levels deep (brackets, CASE, and operators within one expression): Neo4j's parser cannot be stopped on such input. Split the expression, or use a list or IN instead of a long chain.`,
        { limit: MAX_DEPTH, position: t.start },
      );
    }
  }
}

/** For each bracket token, the index of its partner (unbalanced brackets are left to Neo4j's parser). */
function matchBrackets(tokens: readonly Token[]): Map<number, number> {
  const match = new Map<number, number>();
  const stack: number[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== 'symbol') return;
    if (OPEN.has(t.text)) stack.push(i);
    else if (CLOSE[t.text]) {
      const j = stack.pop();
      if (j !== undefined && tokens[j]!.text === CLOSE[t.text]) {
        match.set(j, i);
        match.set(i, j);
      }
    }
  });
  return match;
}

/** The top-level comma-separated arguments between tokens open and close (exclusive). */
function splitArguments(tokens: readonly Token[], match: Map<number, number>, open: number, close: number): [number, number][] {
  const args: [number, number][] = [];
  let from = open + 1;
  for (let i = open + 1; i < close; i++) {
    const partner = match.get(i);
    if (partner !== undefined && partner > i) i = partner;
    else if (tokens[i]!.text === ',') {
      args.push([from, i]);
      from = i + 1;
    }
  }
  if (close > open + 1) args.push([from, close]);
  return args;
}

/** The integer an argument stands for, when it is a constant: a literal or a parameter, signed. */
function constantInteger(tokens: readonly Token[], [from, to]: [number, number], params: Record<string, unknown>): bigint | undefined {
  let sign = 1n;
  let i = from;
  while (i < to && (tokens[i]!.text === '-' || tokens[i]!.text === '+')) {
    if (tokens[i]!.text === '-') sign = -sign;
    i++;
  }
  if (i !== to - 1) return undefined;
  const t = tokens[i]!;
  if (t.kind === 'number') {
    const text = t.text.replace(/_/g, '').toLowerCase();
    try {
      if (/^0x[0-9a-f]+$/.test(text)) return sign * BigInt(text);
      if (/^0o?[0-7]+$/.test(text)) return sign * BigInt(`0o${text.replace(/^0o?/, '')}`);
      if (/^[0-9]+$/.test(text)) return sign * BigInt(text);
    } catch {
      return undefined;
    }
    return undefined;
  }
  if (t.kind === 'parameter') {
    const value = integerValue(params[t.value]);
    return value === undefined ? undefined : sign * value;
  }
  return undefined;
}

function integerValue(value: unknown): bigint | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  if (typeof value === 'bigint') return value;
  // A driver Integer (saved queries' parameters).
  if (value !== null && typeof value === 'object' && 'low' in value && 'high' in value && typeof (value as { toString: unknown }).toString === 'function') {
    try {
      return BigInt((value as { toString(): string }).toString());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Number of values range(start, end, step) yields, or undefined when not constant. */
function rangeSize(tokens: readonly Token[], match: Map<number, number>, nameIndex: number, params: Record<string, unknown>): bigint | undefined {
  const open = nameIndex + 1;
  const close = match.get(open);
  if (close === undefined) return undefined;
  const args = splitArguments(tokens, match, open, close).map((a) => constantInteger(tokens, a, params));
  if (args.length < 2 || args.length > 3 || args.some((a) => a === undefined)) return undefined;
  const [start, end, step = 1n] = args as bigint[];
  if (step === 0n) return 0n; // Neo4j refuses a zero step itself
  const span = (end! - start!) / step;
  return span < 0n ? 0n : span + 1n;
}

function isFunctionCall(tokens: readonly Token[], i: number, name: string): boolean {
  return isKeyword(tokens[i], name) && tokens[i + 1]?.text === '(' && tokens[i - 1]?.text !== '.';
}

function checkRanges(tokens: readonly Token[], match: Map<number, number>, params: Record<string, unknown>): void {
  tokens.forEach((_t, i) => {
    if (!isFunctionCall(tokens, i, 'RANGE')) return;
    // UNWIND range(…) AS x: the operator unwinds lazily and Neo4j stops it at the timeout.
    const close = match.get(i + 1);
    if (isKeyword(tokens[i - 1], 'UNWIND') && close !== undefined && isKeyword(tokens[close + 1], 'AS')) return;
    const size = rangeSize(tokens, match, i, params);
    if (size === undefined || size > BigInt(MAX_RANGE_VALUES)) {
      throw refusal(
        'unbounded_expression',
        size === undefined
          ? `range() here needs constant bounds (numbers or parameters): a list built inside an expression cannot be stopped at the time limit. To go over many values, UNWIND range(…) AS x (which Neo4j can stop).`
          : `range() here yields ${size} values, more than the ${MAX_RANGE_VALUES} an expression may build: Neo4j cannot stop the work inside one expression at the time limit. To go over many values, UNWIND range(…) AS x (which Neo4j can stop).`,
        { limit: MAX_RANGE_VALUES, position: tokens[i]!.start },
      );
    }
  });
}

/** How many elements a list expression starting at token i may hold: a number, or undefined when it depends on the data. */
function listSize(tokens: readonly Token[], match: Map<number, number>, i: number, params: Record<string, unknown>): number | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  const close = match.get(i);
  // Only when the list is the whole operand (not `[…] + other`).
  const alone = (end: number | undefined): boolean => end !== undefined && !['+', '.', '['].includes(tokens[end + 1]?.text ?? '');
  if (t.text === '[' && close !== undefined && alone(close)) {
    const inner = tokens[i + 1];
    if (inner?.kind === 'name' && isKeyword(tokens[i + 2], 'IN')) return undefined; // a comprehension: its own list decides
    return splitArguments(tokens, match, i, close).length;
  }
  if (t.kind === 'parameter' && alone(i)) {
    const value = params[t.value];
    return Array.isArray(value) ? value.length : 1;
  }
  if (isFunctionCall(tokens, i, 'RANGE') && alone(match.get(i + 1))) {
    const size = rangeSize(tokens, match, i, params);
    return size === undefined ? undefined : Number(size);
  }
  if (t.kind === 'name' && SMALL_LIST_FUNCTIONS.has(t.value) && tokens[i + 1]?.text === '(' && alone(match.get(i + 1))) return SMALL_LIST;
  return undefined;
}

interface Iteration {
  /** Token range of the body, evaluated once per element. */
  body: [number, number];
  /** Elements walked per evaluation: a number, or undefined (depends on the data). */
  size: number | undefined;
  /** Counted twice: reduce() concatenating onto its accumulator. */
  quadratic: boolean;
  /** Token index where the form starts. */
  index: number;
  at: number;
}

/** Index of the first top-level token among `words`/`symbols` between from and to, or to. */
function findTopLevel(tokens: readonly Token[], match: Map<number, number>, from: number, to: number, stops: string[]): number {
  for (let i = from; i < to; i++) {
    const partner = match.get(i);
    if (partner !== undefined && partner > i) {
      i = partner;
      continue;
    }
    const t = tokens[i]!;
    if ((t.kind === 'symbol' && stops.includes(t.text)) || (t.kind === 'name' && stops.includes(t.value))) return i;
  }
  return to;
}

function iterations(tokens: readonly Token[], match: Map<number, number>, params: Record<string, unknown>): Iteration[] {
  const found: Iteration[] = [];
  /** The IN of each form's `x IN list` header; every other IN is a membership test. */
  const headers = new Set<number>();
  tokens.forEach((t, i) => {
    // [x IN list WHERE … | …]
    if (t.text === '[' && tokens[i + 1]?.kind === 'name' && isKeyword(tokens[i + 2], 'IN')) {
      const close = match.get(i);
      if (close === undefined) return;
      const bodyStart = findTopLevel(tokens, match, i + 3, close, ['WHERE', '|']);
      headers.add(i + 2);
      found.push({ body: [bodyStart, close], size: listSize(tokens, match, i + 3, params), quadratic: false, index: i, at: t.start });
    }
    // all/any/none/single(x IN list WHERE …)
    if (['ALL', 'ANY', 'NONE', 'SINGLE'].some((q) => isFunctionCall(tokens, i, q)) && tokens[i + 2]?.kind === 'name' && isKeyword(tokens[i + 3], 'IN')) {
      const close = match.get(i + 1);
      if (close === undefined) return;
      const bodyStart = findTopLevel(tokens, match, i + 4, close, ['WHERE']);
      headers.add(i + 3);
      found.push({ body: [bodyStart, close], size: listSize(tokens, match, i + 4, params), quadratic: false, index: i, at: t.start });
    }
    // reduce(acc = init, x IN list | …)
    if (isFunctionCall(tokens, i, 'REDUCE')) {
      const close = match.get(i + 1);
      if (close === undefined) return;
      const comma = findTopLevel(tokens, match, i + 2, close, [',']);
      const inAt = findTopLevel(tokens, match, comma + 1, close, ['IN']);
      const bar = findTopLevel(tokens, match, inAt + 1, close, ['|']);
      headers.add(inAt);
      const init = tokens[i + 4];
      const numericInit =
        (init?.kind === 'number' ||
          isKeyword(init, 'TRUE', 'FALSE', 'NULL') ||
          (init?.text === '-' && tokens[i + 5]?.kind === 'number') ||
          (init?.kind === 'parameter' && typeof params[init.value] === 'number')) &&
        i + (init?.text === '-' ? 6 : 5) === comma;
      found.push({ body: [bar, close], size: listSize(tokens, match, inAt + 1, params), quadratic: !numericInit, index: i, at: t.start });
    }
  });
  // x IN list (a membership test walks the list): every IN but the headers above and IN TRANSACTIONS.
  tokens.forEach((t, i) => {
    if (
      !isKeyword(t, 'IN') ||
      headers.has(i) ||
      isKeyword(tokens[i + 1], 'TRANSACTIONS') ||
      isKeyword(tokens[i + 1], 'CONCURRENT') ||
      tokens[i + 1]?.kind === 'number'
    )
      return;
    // FOREACH (x IN list | …) is a clause, not an expression (and a write, refused by the plan check).
    if (tokens[i - 2]?.text === '(' && isKeyword(tokens[i - 3], 'FOREACH')) return;
    found.push({ body: [i, i], size: listSize(tokens, match, i + 1, params), quadratic: false, index: i, at: t.start });
  });
  return found;
}

function checkIteration(tokens: readonly Token[], match: Map<number, number>, params: Record<string, unknown>): void {
  const all = iterations(tokens, match, params);
  // Walk every nesting chain: an iteration is inside another when it starts within the other's body.
  const inside = (inner: Iteration, outer: Iteration): boolean => inner !== outer && inner.index >= outer.body[0] && inner.index < outer.body[1];
  const cost = (it: Iteration): { known: number; unknown: number } => {
    const factor = it.quadratic ? 2 : 1;
    if (it.size === undefined) return { known: 1, unknown: factor };
    return { known: Math.max(1, it.size) ** factor, unknown: 0 };
  };
  const visit = (it: Iteration, known: number, unknown: number): void => {
    const c = cost(it);
    const k = known * c.known;
    const u = unknown + c.unknown;
    if (u >= 2 || (u === 1 && k > MAX_STEPS_WITH_UNKNOWN) || k > MAX_STEPS) {
      throw refusal(
        'unbounded_expression',
        u >= 2
          ? 'This expression walks a list of unknown size once for each element of another (nested list comprehensions, reduce(), all/any/none/single() or IN, or reduce() concatenating onto its result): Neo4j cannot stop such work at the time limit. Use UNWIND and aggregation instead, which it can stop.'
          : `This expression could take about ${u === 1 ? `${k} × the size of a list` : k} steps inside one expression (limit ${u === 1 ? MAX_STEPS_WITH_UNKNOWN : MAX_STEPS}): Neo4j cannot stop such work at the time limit. Use UNWIND and aggregation instead, which it can stop.`,
        { limit: u === 1 ? MAX_STEPS_WITH_UNKNOWN : MAX_STEPS, position: it.at },
      );
    }
    for (const inner of all)
      if (inside(inner, it) && !all.some((mid) => mid !== it && mid !== inner && inside(mid, it) && inside(inner, mid))) visit(inner, k, u);
  };
  for (const it of all) if (!all.some((outer) => inside(it, outer))) visit(it, 1, 0);
}

/**
 * The patterns of every `=~` (string literals, or string parameters' values), for
 * regex.ts to check. Throws a refusal when a pattern is built at run time.
 */
export function regexPatterns(tokens: readonly Token[], params: Record<string, unknown>): { pattern: string; position: number }[] {
  const patterns: { pattern: string; position: number }[] = [];
  tokens.forEach((t, i) => {
    if (t.text !== '=~') return;
    const rhs = tokens[i + 1];
    const after = tokens[i + 2]?.text ?? '';
    const value = rhs?.kind === 'string' ? rhs.value : rhs?.kind === 'parameter' ? params[rhs.value] : undefined;
    if (typeof value !== 'string' || ['+', '.', '[', '*', '/', '%', '^', '||'].includes(after)) {
      throw refusal(
        'regex',
        'The pattern after =~ must be a string literal or a string parameter: a pattern built at run time cannot be checked, and a bad one runs for ever.',
        { position: t.start },
      );
    }
    patterns.push({ pattern: value, position: rhs!.start });
  });
  return patterns;
}
