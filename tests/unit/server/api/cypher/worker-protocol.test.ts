import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { deserializeError, serializeError, tagIntegers, untagIntegers } from '../../../../../server/api/cypher/worker-protocol.ts';
import { ApiError, fromNeo4jError } from '../../../../../server/api/errors.ts';

describe('the console worker protocol', () => {
  it('driver integers survive the structured clone, nested, beyond 2^53', () => {
    const params = { limit: neo4j.int(3), ids: [neo4j.int('9007199254740993')], nested: { n: neo4j.int(-1), s: 'x', f: 1.5 }, none: null };
    const cloned = structuredClone(tagIntegers(params));
    const back = untagIntegers(cloned) as typeof params;
    expect(neo4j.isInt(back.limit)).toBe(true);
    expect(back.limit.toNumber()).toBe(3);
    expect(back.ids[0]!.toString()).toBe('9007199254740993');
    expect(back.nested).toMatchObject({ s: 'x', f: 1.5 });
    expect(back.nested.n.toNumber()).toBe(-1);
    expect(back.none).toBeNull();
  });

  it('a map that only looks like a tag with other keys stays a map', () => {
    const value = { $neo4jInteger: '1', other: 2 };
    expect(untagIntegers(value)).toEqual(value);
  });

  it('errors come back as what the error handler knows', () => {
    const api = deserializeError(structuredClone(serializeError(new ApiError(400, 'result_too_large', 'too big', { bytes: 2 }, { 'Retry-After': '1' }))));
    expect(api).toBeInstanceOf(ApiError);
    expect(api).toMatchObject({ status: 400, code: 'result_too_large', message: 'too big', details: { bytes: 2 }, headers: { 'Retry-After': '1' } });

    const timedOut = Object.assign(new Error('timed out'), { code: 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration' });
    expect(fromNeo4jError(deserializeError(structuredClone(serializeError(timedOut))))).toMatchObject({ status: 504, code: 'query_timeout' });

    const other = deserializeError(structuredClone(serializeError(new TypeError('boom'))));
    expect(fromNeo4jError(other)).toBeUndefined();
    expect(other.message).toBe('boom');
  });
});
