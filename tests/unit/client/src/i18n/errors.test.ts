/**
 * Every string a reader meets follows the language toggle: the API's error codes and
 * the refusal reasons are worded by the viewer in both languages, and so is every
 * enumerated value the graph stores (kinds of link, instrument and organisation,
 * roles). These tests read the server's source and the gazetteers, so a new code or
 * kind without words fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../server/contract/errors.ts';
import { describeError, ERROR_MESSAGES, errorLine, REFUSAL_REASONS } from '../../../../../client/src/i18n/errors.ts';
import { valueName, VALUE_NAMES } from '../../../../../client/src/i18n/values.ts';
import { PROJECT_ROOT } from '../../../../../server/config.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|mjs)$/.test(entry.name) ? [full] : [];
  });
}

const serverSource = sourceFiles(path.join(PROJECT_ROOT, 'server'))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

describe('error codes', () => {
  it('every code the server can answer with is worded in Chinese and English', () => {
    const codes = new Set<string>();
    for (const m of serverSource.matchAll(/ApiError\(\s*\d{3},\s*'([a-z_]+)'/g)) codes.add(m[1]!);
    for (const m of serverSource.matchAll(/error: \{ code: '([a-z_]+)', message/g)) codes.add(m[1]!);
    // A code handed to a helper that throws the ApiError (boundedSlots' options: code, then message, on their own lines).
    for (const m of serverSource.matchAll(/^\s*code: '([a-z_]+)',\n\s*message: /gm)) codes.add(m[1]!);
    expect(codes).toContain('graph_busy');
    expect(codes).toContain('request_timeout');
    expect(codes.size).toBeGreaterThan(15);
    for (const code of codes) {
      expect(ERROR_MESSAGES[code], code).toBeDefined();
      expect(ERROR_MESSAGES[code]!.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(ERROR_MESSAGES[code]!.en).toMatch(/^[A-Z]/);
    }
  });

  it('every code docs/API.md lists is worded', () => {
    const api = readFileSync(path.join(PROJECT_ROOT, 'docs', 'API.md'), 'utf8');
    const table = api.slice(api.indexOf('## Errors'));
    const codes = [...table.matchAll(/^\| \d{3} \| `([a-z_]+)` \|/gm)].map((m) => m[1]!);
    expect(codes.length).toBeGreaterThan(15);
    for (const code of codes) expect(ERROR_MESSAGES[code], code).toBeDefined();
  });

  it('every refusal reason of the console is worded', () => {
    const guard = readFileSync(path.join(PROJECT_ROOT, 'server', 'api', 'cypher', 'guard.ts'), 'utf8');
    const union = /export type RefusalReason =([^;]+);/.exec(guard)![1]!;
    const reasons = [...union.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]!);
    expect(reasons).toContain('write');
    for (const reason of reasons) expect(REFUSAL_REASONS[reason], reason).toBeDefined();
  });

  it('a refused write reads in the interface language, with no status prefix, and keeps the server’s words aside', () => {
    const error = new ApiError(400, 'cypher_refused', 'The console is read-only: this query would write to the graph (CREATE, MERGE, SET, DELETE, REMOVE …).', {
      reason: 'write',
    });
    const zh = describeError(error, 'zh');
    expect(zh.message).toMatch(/只读/);
    expect(zh.message).not.toMatch(/400|·/);
    expect(describeError(error, 'en').message).toMatch(/read-only/);
    // In Chinese the server's English sentence stays at hand; in English it says what the wording says, so is not repeated.
    expect(zh.original).toBe(error.message);
    expect(describeError(error, 'en').original).toBeUndefined();
  });

  it('a syntax error says where, in the reader’s language; Neo4j’s message stays available', () => {
    const error = new ApiError(400, 'cypher_syntax', "Invalid input 'LIMT': expected …", { position: { line: 2, column: 10, offset: 24 } });
    expect(errorLine(error, 'zh')).toBe('Cypher 语法错误。（第 2 行，第 10 列）');
    expect(errorLine(error, 'en')).toBe('Cypher syntax error. (line 2, column 10)');
    expect(describeError(error, 'zh').original).toBe("Invalid input 'LIMT': expected …");
  });

  it('a missing parameter names the parameters and says how to give them', () => {
    const error = new ApiError(400, 'cypher_error', 'Expected parameter(s): crime, includeNarrower', {
      neo4jCode: 'Neo.ClientError.Statement.ParameterMissing',
    });
    expect(describeError(error, 'zh').message).toContain('crime, includeNarrower');
    expect(describeError(error, 'en').message).toMatch(/:param name => value/);
  });

  it('a procedure refusal names the procedure and what is allowed', () => {
    const error = new ApiError(400, 'cypher_refused', '…', { reason: 'procedure', procedure: 'apoc.load.json', allowed: ['db.labels'] });
    expect(describeError(error, 'zh').message).toContain('apoc.load.json');
    expect(describeError(error, 'zh').message).toContain('db.labels');
  });

  it('an unknown code or a proxy’s error page still reads as a sentence in the reader’s language', () => {
    expect(describeError(new ApiError(502, 'http_502', 'Bad Gateway'), 'zh').message).toBe('服务器返回了错误（HTTP 502）。');
    expect(describeError(new ApiError(0, 'network', 'fetch failed'), 'en').message).toBe('The server could not be reached.');
    expect(describeError(new ApiError(418, 'teapot', 'short and stout'), 'zh')).toEqual({ message: '服务器出错。', original: 'short and stout' });
  });
});

describe('enumerated values', () => {
  it('every kind in the gazetteers is worded in both languages', () => {
    const dir = path.join(PROJECT_ROOT, 'data', 'gazetteer');
    const kinds = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      for (const m of readFileSync(path.join(dir, file), 'utf8').matchAll(/"kind":\s*"([^"]+)"/g)) kinds.add(m[1]!);
    }
    expect(kinds).toContain('treaty');
    for (const kind of kinds) {
      expect(VALUE_NAMES.kind![kind], kind).toBeDefined();
      expect(VALUE_NAMES.kind![kind]!.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('every link kind and role the parser and extractor produce is worded', () => {
    const links = readFileSync(path.join(PROJECT_ROOT, 'server', 'ingest', 'extract', 'links.ts'), 'utf8');
    const linkKinds = [.../export type LinkKind =([^;]+);/.exec(links)![1]!.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]!);
    expect(linkKinds).toEqual(expect.arrayContaining(['predicate-offence', 'nexus', 'contested']));
    for (const kind of linkKinds) expect(VALUE_NAMES.kind![kind], kind).toBeDefined();
    const types = readFileSync(path.join(PROJECT_ROOT, 'server', 'ingest', 'parse', 'types.ts'), 'utf8');
    for (const union of ['SpeakerRole', 'AttendanceRole', 'BureauRole']) {
      const roles = [...new RegExp(`export type ${union} =([^;]+);`).exec(types)![1]!.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]!);
      expect(roles.length, union).toBeGreaterThan(1);
      for (const role of roles) expect(VALUE_NAMES.role![role], `${union} ${role}`).toBeDefined();
    }
  });

  it('an organisation attending is named by its kind, in the same words as the kind', () => {
    const types = readFileSync(path.join(PROJECT_ROOT, 'server', 'ingest', 'parse', 'types.ts'), 'utf8');
    const attendance = [.../export type AttendanceRole =([^;]+);/.exec(types)![1]!.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]!);
    const organisations = attendance.filter((role) => role in VALUE_NAMES.kind!);
    expect(organisations).toEqual(expect.arrayContaining(['ngo', 'igo', 'specialized-agency']));
    for (const lang of ['zh', 'en'] as const) {
      for (const role of organisations) expect(valueName(lang, 'role', role), `${lang} ${role}`).toBe(valueName(lang, 'kind', role));
    }
  });

  it('words a stored code in the reader’s language and never guesses an unknown one', () => {
    expect(valueName('zh', 'kind', 'predicate-offence')).toBe('上游犯罪');
    expect(valueName('en', 'kind', 'predicate-offence')).toBe('predicate offence');
    expect(valueName('zh', 'kind', 'resolution')).toBe('决议');
    expect(valueName('zh', 'role', 'rapporteur')).toBe('报告员');
    expect(valueName('zh', 'kind', 'brand-new-kind')).toBe('brand-new-kind');
    expect(valueName('en', 'kind', 'brand-new-kind')).toBe('brand new kind');
    expect(valueName('zh', 'venue', 'San José')).toBe('San José');
  });
});
