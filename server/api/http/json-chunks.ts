/**
 * A JSON text in pieces, for answers too large to build as one string: the
 * pieces, joined, are byte for byte `JSON.stringify(value)` (no replacer, no
 * indentation, as Express's `res.json` writes it), so a streamed answer is the
 * answer a client got before it was streamed. Pure, no I/O.
 */

/** A value JSON.stringify leaves out of an object and writes as null in an array. */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** A value JSON.stringify writes by itself: a primitive, null, anything with toJSON, a boxed primitive. */
function atomic(value: unknown): boolean {
  return (
    value === null ||
    typeof value !== 'object' ||
    typeof (value as { toJSON?: unknown }).toJSON === 'function' ||
    value instanceof Number ||
    value instanceof String ||
    value instanceof Boolean ||
    value instanceof BigInt
  );
}

/**
 * The pieces of `JSON.stringify(value)`: arrays and objects down to `depth` levels
 * are opened (`[`, each element, `,`, `]`; `{`, `"key":`, each member, `}`), and
 * what lies deeper is stringified whole, one piece per element. Depth 0 yields the
 * whole text in one piece. Pieces are small (one element of an opened array):
 * batch them before writing to a socket (writeJsonStream).
 *
 * `value` must be JSON-serialisable and not `undefined` itself; throws what
 * JSON.stringify throws (TypeError on a BigInt or a cycle) when the piece holding
 * the fault is reached, not before.
 */
export function* jsonChunks(value: unknown, depth: number): Generator<string, void, undefined> {
  if (depth <= 0 || atomic(value)) {
    yield JSON.stringify(value);
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      const item: unknown = value[i];
      if (omitted(item)) yield 'null';
      else yield* jsonChunks(item, depth - 1);
    }
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  for (const key of Object.keys(value as object)) {
    const member = (value as Record<string, unknown>)[key];
    if (omitted(member)) continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    yield* jsonChunks(member, depth - 1);
  }
  yield '}';
}
