/**
 * The console's tokeniser reads Cypher as Neo4j 5.26 does (the rules are in
 * server/api/cypher/lexer.ts; the integration property test holds them against
 * Neo4j itself on random input). These pin each rule with an example.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CypherLexError, decodeUnicodeEscapes, significant, tokenize } from '../../../../../server/api/cypher/lexer.ts';

const words = (q: string): string[] => significant(tokenize(q)).map((t) => (t.kind === 'string' || t.kind === 'quotedName' ? `${t.kind}:${t.value}` : t.text));

describe('tokenize', () => {
  it('decodes \\u escapes before anything else, anywhere', () => {
    expect(words("RETURN 'a\\u0027 AS a")).toEqual(['RETURN', 'string:a', 'AS', 'a']);
    expect(words('RETURN 1 AS \\u0041b')).toEqual(['RETURN', '1', 'AS', 'Ab']);
    expect(words('MATCH (n) \\u0052ETURN n')).toEqual(['MATCH', '(', 'n', ')', 'RETURN', 'n']);
    expect(words('RETURN 1\\u003B RETURN 2')).toEqual(['RETURN', '1', ';', 'RETURN', '2']);
    expect(words('\\u002F\\u002F comment\nRETURN 1')).toEqual(['RETURN', '1']);
    expect(words('// comment\\u000ARETURN 1')).toEqual(['RETURN', '1']);
    expect(words('RETURN 1 AS \\u0060a b\\u0060')).toEqual(['RETURN', '1', 'AS', 'quotedName:a b']);
  });

  it('starts an escape only after an even number of backslashes, and never from a decoded one', () => {
    expect(words("RETURN '\\\\u0027' AS a")).toEqual(['RETURN', 'string:\\u0027', 'AS', 'a']);
    expect(() => tokenize("RETURN 'a\\u005C' AS a")).toThrow(CypherLexError); // the decoded backslash escapes the quote
    expect(decodeUnicodeEscapes('\\u005Cu0041').text).toBe('\\u0041');
  });

  it('refuses a malformed \\u escape, with its position', () => {
    expect(() => tokenize("RETURN 'a\\uZZ'")).toThrow(/four hexadecimal/);
    expect(() => tokenize('RETURN 1 AS \\uu0041')).toThrow(CypherLexError);
    try {
      tokenize('RETURN \\u12');
    } catch (error) {
      expect((error as CypherLexError).offset).toBe(7);
    }
  });

  it('ends // comments at LF or CR only', () => {
    expect(words('// x\rRETURN 1')).toEqual(['RETURN', '1']);
    expect(words('// x\r\nRETURN 1')).toEqual(['RETURN', '1']);
    for (const sep of ['\u2028', '\u2029', '\u0085', '\u000B', '\u000C']) expect(words(`// x${sep}RETURN 1`), JSON.stringify(sep)).toEqual([]);
  });

  it('does not nest /* */ comments, and refuses one left open', () => {
    expect(words('/* a /* b */ RETURN 1')).toEqual(['RETURN', '1']);
    expect(words('/* a /* b */ c */ RETURN 1')).toEqual(['c', '*', '/', 'RETURN', '1']);
    expect(() => tokenize('RETURN 1 /* open')).toThrow(/closed/);
  });

  it('reads white space as Neo4j does: VT, FF, FS…US, NBSP and the Unicode spaces, but not NEL, U+180E or zero-width characters', () => {
    for (const ws of ['\u000B', '\u000C', '\u001C', '\u001F', '\u00A0', '\u1680', '\u2000', '\u200A', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000']) {
      expect(words(`RETURN${ws}1`), JSON.stringify(ws)).toEqual(['RETURN', '1']);
    }
    for (const part of ['\u0085', '\u180E', '\u200B', '\u200D', '\uFEFF']) expect(words(`CRE${part}ATE`), JSON.stringify(part)).toHaveLength(1);
  });

  it('reads strings with backslash escapes, quoted names with doubled backticks', () => {
    expect(words("RETURN 'it\\'s', \"a\\\"b\", 'a\\qb', 'a\\tb'")).toEqual([
      'RETURN',
      "string:it's",
      ',',
      'string:a"b',
      ',',
      'string:a\\qb',
      ',',
      'string:a\tb',
    ]);
    expect(words('RETURN 1 AS `a``;b`')).toEqual(['RETURN', '1', 'AS', 'quotedName:a`;b']);
    expect(() => tokenize("RETURN 'open")).toThrow(CypherLexError);
    expect(() => tokenize('RETURN `open')).toThrow(CypherLexError);
  });

  it('covers the whole text: tokens are contiguous, with offsets into the text as written', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            'a',
            'B',
            '1',
            ' ',
            '\n',
            '\r',
            '(',
            ')',
            '[',
            ']',
            ';',
            '.',
            '-',
            '>',
            '/',
            '*',
            '$',
            '`',
            "'",
            '"',
            '\\',
            'u',
            '0',
            '2',
            '7',
            '中',
            '\u00a0',
            '\u2028',
          ),
          maxLength: 40,
        }),
        (q) => {
          let tokens;
          try {
            tokens = tokenize(q);
          } catch (error) {
            expect(error).toBeInstanceOf(CypherLexError);
            return;
          }
          let at = 0;
          for (const t of tokens) {
            expect(t.start).toBe(at);
            expect(t.end).toBeGreaterThan(t.start);
            at = t.end;
          }
          expect(at).toBe(q.length);
        },
      ),
      { numRuns: 2000 },
    );
  }, 60_000);
});
