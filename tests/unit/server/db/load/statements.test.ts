import { describe, expect, it } from 'vitest';
import { commonPrefix } from '../../../../../server/db/load/statements.ts';

describe('commonPrefix (what every element id of a batch begins with, sent once)', () => {
  it('is the longest string all begin with', () => {
    expect(commonPrefix(['4:6f1c:17', '4:6f1c:1042', '4:6f1c:3'])).toBe('4:6f1c:');
    expect(commonPrefix(['4:6f1c:17', '4:6f1c:17'])).toBe('4:6f1c:17');
    expect(commonPrefix(['abc'])).toBe('abc');
  });

  it('gives each string back whole when they share nothing, or when there are none', () => {
    expect(commonPrefix(['4:a:1', '5:a:1'])).toBe('');
    expect(commonPrefix([])).toBe('');
    expect(commonPrefix(['x', ''])).toBe('');
  });

  it('prefix + rest gives every string back', () => {
    const ids = ['4:db:100', '4:db:10', '4:db:1000', '4:dc:1'];
    const prefix = commonPrefix(ids);
    expect(prefix).toBe('4:d');
    expect(ids.map((id) => prefix + id.slice(prefix.length))).toEqual(ids);
  });
});
