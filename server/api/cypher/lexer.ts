/**
 * The console's Cypher tokeniser: reads a query the way Neo4j 5.26's parser
 * does, so that the text checks (guard.ts) and the expression limits (limits.ts)
 * see the same statements, strings, comments and names Neo4j will.
 *
 * The rules, from the Cypher 5 lexer (Cypher5Lexer.g4 in neo4j/cypher-language-support)
 * and checked against Neo4j 5.26.30 with EXPLAIN (tests/integration/server/api/cypher/
 * cypher-tokens.property.test.ts):
 *   - Unicode escapes `\uXXXX` (exactly one `u`, four hex digits) are decoded
 *     before anything else, anywhere in the query (JavaCC's JAVA_UNICODE_ESCAPE):
 *     `'a\u0027` is the string 'a', `\u003B` a semicolon, `\u0052ETURN` the
 *     keyword RETURN. A backslash starts an escape only when an even number of
 *     backslashes precede it (`\\u0027` is a backslash and `u0027`); a decoded
 *     character starts no further escape. `\u` without four hex digits is an error.
 *   - White space: tab, LF, VT, FF, CR, U+001C–U+001F, space, U+00A0, U+1680,
 *     U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000 (not NEL U+0085, not
 *     U+180E, not the zero-width characters, which are parts of names).
 *   - `//` comments run to the next LF or CR (only those two); `/* … *\/`
 *     comments do not nest and must be closed.
 *   - Strings in '…' or "…": a backslash escapes any character; \t \b \n \r \f
 *     \' \" \\ are translated, any other escape is kept as written.
 *   - Quoted names in `…`, a doubled backtick standing for one.
 *
 * Pure: text in, tokens out (or a CypherLexError with the position).
 */

export type TokenKind = 'space' | 'comment' | 'string' | 'quotedName' | 'name' | 'number' | 'parameter' | 'symbol';

export interface Token {
  kind: TokenKind;
  /** The token as Neo4j reads it (escapes decoded). */
  text: string;
  /** For strings and quoted names: the value; for names, keywords and symbols: the text upper-cased. */
  value: string;
  /** Offsets in the query as the user wrote it (UTF-16 units, end exclusive). */
  start: number;
  end: number;
}

export class CypherLexError extends Error {
  constructor(
    message: string,
    /** Offset in the query as written. */
    readonly offset: number,
  ) {
    super(message);
  }
}

const SPACE = /[\t\n\u000B\u000C\r\u001C-\u001F \u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/;
/** Start of a name: a letter, a letter number, or a connector such as `_` (Java's identifier start, less currency symbols). */
const NAME_START = /[\p{L}\p{Nl}\p{Pc}]/u;
/** Rest of a name: also digits, marks, format characters, currency symbols and the controls Java ignores in identifiers. */
const NAME_PART = /[\p{L}\p{Nl}\p{Pc}\p{N}\p{Mn}\p{Mc}\p{Cf}\p{Sc}\u0000-\u0008\u000E-\u001B\u007F-\u009F]/u;
const STRING_ESCAPES: Record<string, string> = { t: '\t', b: '\b', n: '\n', r: '\r', f: '\f', "'": "'", '"': '"', '\\': '\\' };
/** Symbols, longest first. */
const SYMBOLS = [
  '=~',
  '<>',
  '!=',
  '<=',
  '>=',
  '->',
  '<-',
  '..',
  '::',
  '||',
  '+=',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  ';',
  ':',
  '.',
  '|',
  '=',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  '$',
  '&',
  '!',
  '?',
];

export interface Decoded {
  text: string;
  /** origin[i]: offset in the written query of decoded character i; origin[text.length] is the written length. */
  origin: number[];
}

/** Decodes `\uXXXX` escapes as Neo4j does before lexing. Throws CypherLexError on a malformed escape. */
export function decodeUnicodeEscapes(query: string): Decoded {
  let text = '';
  const origin: number[] = [];
  let backslashes = 0; // contiguous backslashes written just before i (decoded ones do not count)
  for (let i = 0; i < query.length;) {
    const c = query[i]!;
    if (c === '\\' && backslashes % 2 === 0 && query[i + 1] === 'u') {
      const hex = query.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new CypherLexError('A \\u escape needs four hexadecimal digits (\\u0041).', i);
      text += String.fromCharCode(parseInt(hex, 16));
      origin.push(i);
      i += 6;
      backslashes = 0;
      continue;
    }
    backslashes = c === '\\' ? backslashes + 1 : 0;
    text += c;
    origin.push(i);
    i += 1;
  }
  origin.push(query.length);
  return { text, origin };
}

/**
 * The query's tokens, white space and comments included (so offsets cover the
 * whole text). Throws CypherLexError for a string, quoted name or comment left
 * open, or a malformed \u escape.
 */
export function tokenize(query: string): Token[] {
  const { text, origin } = decodeUnicodeEscapes(query);
  const tokens: Token[] = [];
  const push = (kind: TokenKind, from: number, to: number, value?: string): void => {
    const raw = text.slice(from, to);
    tokens.push({ kind, text: raw, value: value ?? raw.toUpperCase(), start: origin[from]!, end: origin[to]! });
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const start = i;
    if (SPACE.test(c)) {
      while (i < text.length && SPACE.test(text[i]!)) i++;
      push('space', start, i);
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
      push('comment', start, i);
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) throw new CypherLexError('A comment starting with /* must be closed with */.', origin[i]!);
      i = close + 2;
      push('comment', start, i);
    } else if (c === "'" || c === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new CypherLexError(`A string starting with ${c} is not closed.`, origin[start]!);
        const d = text[i]!;
        if (d === c) break;
        if (d === '\\') {
          if (i + 1 >= text.length) throw new CypherLexError(`A string starting with ${c} is not closed.`, origin[start]!);
          const e = text[i + 1]!;
          value += STRING_ESCAPES[e] ?? `\\${e}`;
          i += 2;
        } else {
          value += d;
          i++;
        }
      }
      i++;
      push('string', start, i, value);
    } else if (c === '`') {
      let value = '';
      i++;
      for (;;) {
        const close = text.indexOf('`', i);
        if (close < 0) throw new CypherLexError('A name starting with ` is not closed.', origin[start]!);
        value += text.slice(i, close);
        if (text[close + 1] === '`') {
          value += '`';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      push('quotedName', start, i, value);
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      i++;
      while (
        i < text.length &&
        (/[0-9A-Za-z_]/.test(text[i]!) ||
          (text[i] === '.' && /[0-9]/.test(text[i + 1] ?? '')) ||
          (/[+-]/.test(text[i]!) && /[eE]/.test(text[i - 1]!) && !/^0[xX]/.test(text.slice(start, i))))
      )
        i++;
      push('number', start, i);
    } else if (NAME_START.test(c) || (c >= '\uD800' && c <= '\uDBFF' && NAME_START.test(text.slice(i, i + 2)))) {
      i += c >= '\uD800' && c <= '\uDBFF' ? 2 : 1;
      while (i < text.length) {
        const cp = String.fromCodePoint(text.codePointAt(i)!);
        if (!NAME_PART.test(cp)) break;
        i += cp.length;
      }
      push('name', start, i);
    } else if (c === '$') {
      i++;
      if (text[i] === '`') {
        const close = text.indexOf('`', i + 1);
        if (close < 0) throw new CypherLexError('A name starting with ` is not closed.', origin[i]!);
        i = close + 1;
        push('parameter', start, i, text.slice(start + 2, i - 1));
      } else {
        while (i < text.length && NAME_PART.test(String.fromCodePoint(text.codePointAt(i)!))) i += String.fromCodePoint(text.codePointAt(i)!).length;
        push('parameter', start, i, text.slice(start + 1, i));
      }
    } else {
      const symbol = SYMBOLS.find((s) => text.startsWith(s, i));
      i += symbol ? symbol.length : String.fromCodePoint(text.codePointAt(i)!).length;
      push('symbol', start, i);
    }
  }
  return tokens;
}

/** The tokens Neo4j parses: white space and comments left out. */
export function significant(tokens: readonly Token[]): Token[] {
  return tokens.filter((t) => t.kind !== 'space' && t.kind !== 'comment');
}

/** True for a name token spelling this keyword (any case; a quoted name is never a keyword). */
export function isKeyword(token: Token | undefined, ...keywords: string[]): boolean {
  return token?.kind === 'name' && keywords.includes(token.value);
}
