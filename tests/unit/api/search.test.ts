import { describe, expect, it } from 'vitest';
import { escapeLuceneTerm, luceneQuery } from '../../../server/db/queries/search.ts';

/** Lucene's special characters, each of which must reach the parser escaped. */
const SPECIAL = ['+', '-', '&', '|', '!', '(', ')', '{', '}', '[', ']', '^', '"', '~', '*', '?', ':', '\\', '/'];

function unescapedSpecials(term: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < term.length; i++) {
    if (term[i] === '\\') {
      i++;
      continue;
    }
    if (SPECIAL.includes(term[i]!)) found.push(term[i]!);
  }
  return found;
}

describe('escapeLuceneTerm', () => {
  it('escapes every operator character', () => {
    expect(unescapedSpecials(escapeLuceneTerm(SPECIAL.join('')))).toEqual([]);
    expect(escapeLuceneTerm('a:b')).toBe('a\\:b');
  });

  it('takes the meaning out of AND, OR, NOT, TO', () => {
    expect(escapeLuceneTerm('AND')).toBe('and');
    expect(escapeLuceneTerm('NOT')).toBe('not');
    expect(escapeLuceneTerm('Android')).toBe('Android');
  });
});

describe('luceneQuery', () => {
  it('is undefined when nothing searchable is left', () => {
    expect(luceneQuery('   ')).toBeUndefined();
    expect(luceneQuery('*** ??? ()')).toBeUndefined();
  });

  it('boosts names, and adds a prefix for the last alphabetic term', () => {
    const q = luceneQuery('organized crime conv')!;
    expect(q).toContain('name:organized^6');
    expect(q).toContain('conv*');
    expect(q).not.toContain('organized*');
  });

  it('adds no prefix to Chinese (the cjk analyzer works in bigrams)', () => {
    const q = luceneQuery('贩运')!;
    expect(q).toContain('name:贩运^6');
    expect(q).not.toContain('*');
  });

  it('leaves no operator unescaped, whatever is typed', () => {
    for (const input of ['"unbalanced', 'title:(a OR b)', 'x~2 y^3', 'a && b || !c', '[1 TO 5]', 'C:\\path/to', '贩运 AND 人口']) {
      const q = luceneQuery(input)!;
      // Our own syntax is only: parentheses around each term's group, field:, ^boost, OR and a trailing *.
      const terms = q.replace(/\(|\)/g, ' ').split(/\s+OR\s+|\s+/).filter(Boolean);
      for (const term of terms) {
        const bare = term.replace(/^\w+:/, '').replace(/\^\d+$/, '').replace(/\*$/, '');
        expect(unescapedSpecials(bare), `${input} → ${term}`).toEqual([]);
      }
    }
  });
});
