import { describe, expect, it } from 'vitest';
import { ItemFlag } from '../../../../../client/src/graph/itemFlag.ts';

/** Records what an ItemFlag asks sigma to set: one entry per batched call. */
function recorded(): { flag: ItemFlag; calls: { keys: string[]; on: boolean }[] } {
  const calls: { keys: string[]; on: boolean }[] = [];
  return { flag: new ItemFlag((keys, on) => calls.push({ keys: [...keys].sort(), on })), calls };
}

describe('ItemFlag', () => {
  it('sets nothing for an empty set on a fresh flag (a new graph with no filter costs nothing)', () => {
    const { flag, calls } = recorded();
    flag.set(new Set());
    expect(calls).toEqual([]);
  });

  it('turns on the items entering and off the items leaving, and leaves the others alone', () => {
    const { flag, calls } = recorded();
    flag.set(new Set(['a', 'b', 'c']));
    expect(calls).toEqual([{ keys: ['a', 'b', 'c'], on: true }]);
    calls.length = 0;
    flag.set(new Set(['b', 'c', 'd']));
    expect(calls).toEqual([
      { keys: ['a'], on: false },
      { keys: ['d'], on: true },
    ]);
    calls.length = 0;
    flag.set(new Set(['b', 'c', 'd']));
    expect(calls).toEqual([]);
  });

  it('clears every item it set, once', () => {
    const { flag, calls } = recorded();
    flag.set(new Set(['x', 'y']));
    calls.length = 0;
    flag.clear();
    expect(calls).toEqual([{ keys: ['x', 'y'], on: false }]);
    calls.length = 0;
    flag.clear();
    expect(calls).toEqual([]);
  });

  it('keeps its own copy: a caller changing its set afterwards does not change what is flagged', () => {
    const { flag, calls } = recorded();
    const wanted = new Set(['a']);
    flag.set(wanted);
    wanted.add('b');
    calls.length = 0;
    flag.clear();
    expect(calls).toEqual([{ keys: ['a'], on: false }]);
  });

  it('applies its items again on reapply (a new renderer starts with no state), and nothing when it has none', () => {
    const { flag, calls } = recorded();
    flag.reapply();
    expect(calls).toEqual([]);
    flag.set(new Set(['p', 'q']));
    calls.length = 0;
    flag.reapply();
    expect(calls).toEqual([{ keys: ['p', 'q'], on: true }]);
    // It still knows what it set: the next change touches only what changes.
    calls.length = 0;
    flag.set(new Set(['q']));
    expect(calls).toEqual([{ keys: ['p'], on: false }]);
  });
});
