/**
 * Saved queries: one read-only Cypher query per file in cypher/queries/, with a
 * header of comment lines the API and the viewer list:
 *
 *   // @title_en Instruments cited by recommendations
 *   // @title_zh 建议引用的文书
 *   // @description The citation matrix: every instrument with the recommendations that cite it.
 *   // @param instrument string "instrument:untoc" The instrument's id
 *
 * `@param` is: name, type, a JSON literal default, then free text. A plain comment
 * line right after `@description` or `@param` continues its text.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import neo4j, { type Integer } from 'neo4j-driver';
import { z } from 'zod';
import { PROJECT_ROOT } from '../config.ts';

/**
 * The parameter every saved query receives besides its own: the ids of the reports in the
 * corpus filter's scope, or null for the whole corpus (`WHERE $reports IS NULL OR r.report IN
 * $reports`). A query may not declare a parameter of this name.
 */
export const REPORTS_PARAM = 'reports';

export const SAVED_QUERY_PARAM_TYPES = ['string', 'integer', 'float', 'boolean', 'list<string>'] as const;
export type SavedQueryParamType = (typeof SAVED_QUERY_PARAM_TYPES)[number];
export type SavedQueryParamValue = string | number | boolean | string[] | null;

export interface SavedQueryParam {
  name: string;
  type: SavedQueryParamType;
  /** The JSON literal of the header; null means "no value unless given". */
  default: SavedQueryParamValue;
  description: string;
}

export interface SavedQuery {
  /** File name without `.cypher`. */
  name: string;
  title_en: string;
  title_zh: string;
  description: string;
  params: SavedQueryParam[];
  /** The query itself, header removed. */
  cypher: string;
}

export const SAVED_QUERIES_DIR = path.join(PROJECT_ROOT, 'cypher', 'queries');

/** A saved query file whose header is malformed (names the file and the line). */
export class SavedQueryFormatError extends Error {}

/** Parameters given to a saved query that do not fit its header. */
export class SavedQueryParamError extends Error {
  constructor(
    message: string,
    readonly issues: string[],
  ) {
    super(message);
  }
}

/** Every saved query in `dir`, sorted by name. */
export async function listSavedQueries(dir: string = SAVED_QUERIES_DIR): Promise<SavedQuery[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cypher')).sort();
  return Promise.all(files.map(async (file) => parseSavedQuery(file.slice(0, -'.cypher'.length), await readFile(path.join(dir, file), 'utf8'))));
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const TYPE_ALTERNATIVES = SAVED_QUERY_PARAM_TYPES.map((t) => t.replace(/[<>]/g, (c) => `\\${c}`)).join('|');
const PARAM_LINE = new RegExp(`^@param\\s+(\\S+)\\s+(${TYPE_ALTERNATIVES})\\s+(.*)$`);

/** Parse one saved query file's text; `name` names it in errors. */
export function parseSavedQuery(name: string, text: string): SavedQuery {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const fields: Partial<Record<'title_en' | 'title_zh' | 'description', string>> = {};
  const params: SavedQueryParam[] = [];
  let continues: ((more: string) => void) | undefined;
  let i = 0;
  const fail = (line: number, why: string): never => {
    throw new SavedQueryFormatError(`${name}.cypher line ${line + 1}: ${why}`);
  };

  for (; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === '') {
      continues = undefined;
      continue;
    }
    if (!raw.startsWith('//')) break;
    const body = raw.slice(2).trim();
    if (!body.startsWith('@')) {
      if (continues && body !== '') continues(body);
      continue;
    }
    const tag = /^@(\w+)/.exec(body)?.[1] ?? '';
    if (tag === 'title_en' || tag === 'title_zh' || tag === 'description') {
      if (fields[tag] !== undefined) fail(i, `@${tag} is given twice`);
      const value = body.slice(tag.length + 1).trim();
      if (value === '') fail(i, `@${tag} is empty`);
      fields[tag] = value;
      continues = tag === 'description' ? (more) => (fields.description += ` ${more}`) : undefined;
    } else if (tag === 'param') {
      const param = parseParamLine(body, (why) => fail(i, why));
      if (params.some((p) => p.name === param.name)) fail(i, `parameter "${param.name}" is declared twice`);
      if (param.name === REPORTS_PARAM) fail(i, `parameter "${REPORTS_PARAM}" is the corpus filter's, given to every saved query; name yours otherwise`);
      params.push(param);
      continues = (more) => (param.description = param.description ? `${param.description} ${more}` : more);
    } else {
      fail(i, `unknown header tag @${tag} (expected @title_en, @title_zh, @description or @param)`);
    }
  }

  for (const tag of ['title_en', 'title_zh', 'description'] as const) {
    if (fields[tag] === undefined) throw new SavedQueryFormatError(`${name}.cypher: the header lacks @${tag}`);
  }
  const cypher = lines.slice(i).join('\n').trim();
  if (cypher === '') throw new SavedQueryFormatError(`${name}.cypher: no query after the header`);

  const used = parametersUsed(cypher);
  const declared = new Set([...params.map((p) => p.name), REPORTS_PARAM]);
  const undeclared = [...used].filter((p) => !declared.has(p));
  if (undeclared.length > 0)
    throw new SavedQueryFormatError(`${name}.cypher: the query uses ${undeclared.map((p) => `$${p}`).join(', ')} but the header does not declare it`);
  const unused = [...declared].filter((p) => !used.has(p) && p !== REPORTS_PARAM);
  if (unused.length > 0) throw new SavedQueryFormatError(`${name}.cypher: the header declares ${unused.join(', ')} but the query never uses it`);

  return { name, title_en: fields.title_en!, title_zh: fields.title_zh!, description: fields.description!, params, cypher };
}

function parseParamLine(body: string, fail: (why: string) => never): SavedQueryParam {
  const match = PARAM_LINE.exec(body);
  if (!match) fail(`@param must read "@param <name> <${SAVED_QUERY_PARAM_TYPES.join('|')}> <JSON default> <description>"`);
  const [, paramName, type, rest] = match as unknown as [string, string, SavedQueryParamType, string];
  if (!NAME.test(paramName)) fail(`"${paramName}" is not a parameter name`);
  const literal = leadingJsonLiteral(rest);
  if (literal === undefined) fail(`the default of "${paramName}" is not a JSON literal`);
  let value: unknown;
  try {
    value = JSON.parse(literal);
  } catch {
    fail(`the default of "${paramName}" is not a JSON literal: ${literal}`);
  }
  if (value !== null && !fitsType(value, type)) fail(`the default of "${paramName}" (${literal}) is not a ${type}`);
  return { name: paramName, type, default: value as SavedQueryParamValue, description: rest.slice(literal.length).trim() };
}

/** The JSON literal at the start of `s` (a string, an array, or a bare token), as written. */
function leadingJsonLiteral(s: string): string | undefined {
  const first = s[0];
  if (first === '"' || first === '[') {
    let depth = 0;
    let inString = false;
    for (let k = 0; k < s.length; k++) {
      const c = s[k];
      if (inString) {
        if (c === '\\') k++;
        else if (c === '"') {
          inString = false;
          if (depth === 0) return s.slice(0, k + 1);
        }
      } else if (c === '"') inString = true;
      else if (c === '[') depth++;
      else if (c === ']' && --depth === 0) return s.slice(0, k + 1);
    }
    return undefined;
  }
  const token = /^\S+/.exec(s)?.[0];
  return token;
}

function fitsType(value: unknown, type: SavedQueryParamType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'float':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'list<string>':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
  }
}

/** `$name` parameters of a query, ignoring string literals and comments. */
export function parametersUsed(cypher: string): Set<string> {
  const code = cypher
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`/g, ' ')
    .replace(/\/\/[^\n]*/g, ' ');
  return new Set([...code.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!));
}

// Values arrive from JSON bodies (typed) or query strings (strings, or arrays when repeated).
const integerParam = z
  .union([
    z.number().int(),
    z
      .string()
      .trim()
      .regex(/^[+-]?\d+$/, 'an integer'),
    z.bigint(),
  ])
  .transform((v, ctx) => {
    const n = typeof v === 'string' ? BigInt(v) : v;
    if (typeof n === 'number' ? !Number.isSafeInteger(n) : n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) {
      ctx.addIssue({ code: 'custom', message: 'an integer too large' });
      return z.NEVER;
    }
    return neo4j.int(typeof n === 'bigint' ? n.toString() : n);
  });
const floatParam = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/, 'a number')
      .transform(Number),
  ])
  .pipe(z.number().finite());
const booleanParam = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
const listParam = z.union([z.array(z.string()), z.string().transform((v) => [v])]);

function schemaFor(type: SavedQueryParamType): z.ZodType<unknown> {
  switch (type) {
    case 'string':
      return z.string();
    case 'integer':
      return integerParam;
    case 'float':
      return floatParam;
    case 'boolean':
      return booleanParam;
    case 'list<string>':
      return listParam;
  }
}

export type CoercedParams = Record<string, string | number | boolean | string[] | Integer | null>;

/**
 * The parameters to run `query` with: each given value checked and coerced to its
 * declared type (integers as neo4j Integers), the default for each one not given; and
 * `reports`, the report ids of the corpus filter in force (null: every report), which
 * every saved query may use to restrict itself. Throws SavedQueryParamError on an unknown parameter or a value of the wrong type.
 */
export function coerceSavedQueryParams(query: SavedQuery, given: Record<string, unknown> = {}, reports: readonly string[] | null = null): CoercedParams {
  const shape: Record<string, z.ZodType<unknown>> = {};
  for (const p of query.params) shape[p.name] = schemaFor(p.type).nullish();
  const parsed = z.strictObject(shape).safeParse(given);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => {
      if (issue.code === 'unrecognized_keys')
        return `unknown parameter${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')} (this query takes ${query.params.map((p) => p.name).join(', ') || 'none'})`;
      const param = query.params.find((p) => p.name === issue.path[0]);
      return `${String(issue.path[0])}: expected ${param ? `a ${param.type}` : 'another value'}`;
    });
    throw new SavedQueryParamError(`Invalid parameters for saved query "${query.name}": ${issues.join('; ')}`, issues);
  }
  const out: CoercedParams = {};
  for (const p of query.params) {
    const value = parsed.data[p.name];
    if (value !== undefined && value !== null) out[p.name] = value as CoercedParams[string];
    else if (p.type === 'integer' && typeof p.default === 'number') out[p.name] = neo4j.int(p.default);
    else out[p.name] = p.default;
  }
  // The corpus filter: every saved query may restrict itself to the reports in scope.
  out[REPORTS_PARAM] = reports === null ? null : [...reports];
  return out;
}
