import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE } from '../../../../server/db/schema.ts';
import { buildLuceneQuery, escapeLuceneTerm, MAX_TERMS, NAME_FIELDS, TEXT_FIELDS, type IndexKind } from '../../../../server/search/lucene.ts';
import { makeNeedle } from '../../../../server/search/needle.ts';

/** Lucene's special characters, each of which must reach the parser escaped. */
const SPECIAL = ['+', '-', '&', '|', '!', '(', ')', '{', '}', '[', ']', '^', '"', '~', '*', '?', ':', '\\', '/'];

const topicNeedle = (e: string) => makeNeedle(e, false, { kind: 'topic', from: 't', form: e });
const build = (q: string, index: IndexKind, fields: readonly string[], extra: string[] | ReturnType<typeof makeNeedle>[] = []) => {
  const primary = makeNeedle(q, true);
  return buildLuceneQuery([primary, ...extra.map((e) => (typeof e === 'string' ? topicNeedle(e) : e))], index, fields, primary.units);
};

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('escapeLuceneTerm', () => {
  it('escapes every operator character and takes the meaning out of AND, OR, NOT, TO', () => {
    const escaped = escapeLuceneTerm(SPECIAL.join(''));
    expect(escaped.replace(/\\./g, '')).toBe('');
    expect(escapeLuceneTerm('AND')).toBe('and');
    expect(escapeLuceneTerm('Android')).toBe('Android');
  });
});

describe('buildLuceneQuery', () => {
  it('uses the fields of the full-text indexes in cypher/schema.cypher, and only those', () => {
    const schema = readFileSync(SCHEMA_FILE, 'utf8');
    for (const [index, name] of [
      ['cjk', 'entity_text_cjk'],
      ['en', 'entity_text_en'],
    ] as const) {
      const m = new RegExp(`INDEX ${name}[\\s\\S]*?ON EACH \\[([^\\]]+)\\]`).exec(schema)!;
      const fields = m[1]!.split(',').map((f) => f.trim().replace(/^n\./, ''));
      expect([...NAME_FIELDS[index], ...TEXT_FIELDS].sort()).toEqual(fields.sort());
    }
  });

  it('is undefined when nothing searchable is left', () => {
    expect(build('   ', 'en', TEXT_FIELDS)).toBeUndefined();
    expect(build('*** ??? ()', 'cjk', TEXT_FIELDS)).toBeUndefined();
  });

  it('searches a Chinese run as a phrase, never as loose characters', () => {
    const q = build('墨西哥', 'cjk', ['name_zh'])!.query;
    expect(q.startsWith('name_zh:"墨西哥" OR ')).toBe(true);
    // Partial overlap asks for the bigrams, never for one character.
    for (const phrase of q.match(/"[^"]+"/g)!) expect(Array.from(phrase).length - 2).toBeGreaterThanOrEqual(2);
    // A lone character has no term in the cjk index: it goes to the standard one.
    expect(build('墨', 'cjk', ['name_zh'])).toBeUndefined();
    expect(build('墨', 'en', ['name'])!.query).toBe('name:"墨"');
  });

  it('requires every word, the last typed word also as a prefix', () => {
    const q = build('Organized Crime Conv', 'en', ['name'])!.query;
    expect(q).toContain('(+name:organized +name:crime +(name:conv OR name:conv*))');
    expect(build('Bangkok Rules', 'en', ['name'], ['曼谷规则'])!.query).not.toContain('曼谷规则*');
  });

  it('leaves no operator unescaped, whatever is typed', () => {
    for (const input of ['"unbalanced', 'title:(a OR b)', 'x~2 y^3', 'a && b || !c', '[1 TO 5]', 'C:\\path/to', '贩运 AND 人口', 'NOT', '*:*']) {
      for (const index of ['cjk', 'en'] as const) {
        const built = build(input, index, [...NAME_FIELDS[index], ...TEXT_FIELDS]);
        if (!built) continue;
        // Our own syntax: parentheses, +, field:, quotes around CJK phrases, OR and a trailing * on a word.
        const bare = built.query
          .replace(/\b[a-z_]+\d*:/g, '')
          .replace(/"[^"\s]+"/g, '')
          .replace(/\bOR\b/g, '')
          .replace(/[()+]/g, ' ')
          .replace(/(\p{L}|\p{N})\*/gu, '$1');
        expect(bare.replace(/\\./g, ''), `${input} → ${built.query}`).not.toMatch(/[+\-&|!(){}[\]^"~*?:\\/]/);
      }
    }
  });

  it('never reaches Lucene’s clause limit, whatever the query (up to 200 characters) and its translations', () => {
    const next = random(16);
    const translations = Array.from({ length: 8 }, (_, k) => topicNeedle(`${'生成性人工智能加密资产'.slice(k % 4)} artificial intelligence ${k}`));
    const alphabets = ['人工智能墨西哥加密货币有组织犯罪的和、，。', 'abcdefghij klmnop qrstuv wxyz ', '0123456789 ()/.-', '+-&|!(){}[]^"~*?:\\/ AND OR NOT'];
    for (let i = 0; i < 120; i++) {
      const pool = alphabets.filter(() => next() < 0.7).join('') || alphabets[0]!;
      const length = 1 + Math.floor(next() * 200);
      const q = Array.from({ length }, () => pool[Math.floor(next() * pool.length)]).join('');
      const extras = translations;
      for (const index of ['cjk', 'en'] as const) {
        for (const fields of [NAME_FIELDS[index], TEXT_FIELDS]) {
          const built = build(q, index, fields, extras);
          if (built) expect(built.terms, q).toBeLessThanOrEqual(MAX_TERMS);
        }
      }
    }
    expect(MAX_TERMS).toBeLessThan(1024);
  }, 60_000);

  it('cuts a long Chinese run into at most three phrases of nine characters', () => {
    const q = build(
      '一些发言者遗憾地表示有组织犯罪团体在不断提高自身能力而各国政府则在吃力地追赶和摧毁这些团体为犯罪目的使用人工智能包括生成性人工智能是有组织犯罪集团有能力',
      'cjk',
      ['text'],
    )!;
    const phrases = q.query.match(/text:"[^"]+"/g)!;
    expect(phrases.slice(0, 3).every((p) => Array.from(p.slice(6, -1)).length === 9)).toBe(true);
    expect(q.query.startsWith('(+text:"一些发言者遗憾地表" +text:"')).toBe(true);
  });
});
