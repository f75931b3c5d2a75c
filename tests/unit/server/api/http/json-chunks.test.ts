import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../../../../server/api/http/json-chunks.ts';

const joined = (value: unknown, depth: number): string => [...jsonChunks(value, depth)].join('');

describe('jsonChunks', () => {
  it('joins to JSON.stringify of any JSON value, at any depth', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 5 }), (value, depth) => {
        expect(joined(value, depth)).toBe(JSON.stringify(value));
      }),
    );
  });

  it('leaves out what JSON.stringify leaves out, and writes null where it does', () => {
    const value = {
      a: undefined,
      b: [undefined, () => 1, Symbol('s'), 2, , 'x'], // eslint-disable-line no-sparse-arrays
      c: { when: new Date(0), boxed: new Number(3), text: new String('t'), map: new Map([[1, 2]]) },
      d: () => 0,
      'e"\u2028中': '\ud83d\ude00',
    };
    for (const depth of [0, 1, 2, 3]) expect(joined(value, depth)).toBe(JSON.stringify(value));
  });

  it('yields one piece per element of an opened array, and the whole text at depth 0', () => {
    const graph = { nodes: [{ key: 'a' }, { key: 'b' }], edges: [] };
    expect([...jsonChunks(graph, 0)]).toEqual([JSON.stringify(graph)]);
    expect([...jsonChunks(graph, 2)]).toEqual(['{', '"nodes":', '[', '{"key":"a"}', ',', '{"key":"b"}', ']', ',"edges":', '[', ']', '}']);
  });

  it('throws what JSON.stringify throws, when the faulty piece is reached', () => {
    const pieces = jsonChunks({ ok: [1, 2], bad: [10n] }, 2);
    expect(pieces.next().value).toBe('{');
    expect(() => [...pieces]).toThrow(TypeError);
  });
});
