/**
 * What crosses the thread boundary between the API and a console worker:
 * requests and errors as plain data (structured clone keeps no classes), driver
 * integers of a saved query's parameters in a tagged form, and the answer as the
 * UTF-8 bytes of its JSON, serialised once in the worker and moved (transferred,
 * not copied) to the API, which sends them as they are.
 */
import neo4j, { isInt, type Integer } from 'neo4j-driver';
import type { DriverOptions } from '../../db/driver.ts';
import { ApiError } from '../../contract/errors.ts';
import type { ConsoleLimits } from './console.ts';

export interface WorkerSettings {
  connection: DriverOptions;
  database: string | undefined;
  /** A result whose JSON is longer than this is refused (`result_too_large`). */
  maxResultBytes: number;
}

export interface ConsoleJob {
  id: number;
  query: string;
  params: Record<string, unknown>;
  /** True when params are already in driver form (saved queries), integers tagged. */
  rawParams: boolean;
  limits: ConsoleLimits;
}

export type SerializedError =
  | { kind: 'api'; status: number; code: string; message: string; details?: unknown; headers: Record<string, string> }
  | { kind: 'neo4j'; code: string; message: string }
  | { kind: 'other'; message: string };

/** `body`: the answer's JSON as UTF-8, in an ArrayBuffer of its own (transferred). */
export type WorkerAnswer = { id: number; body: ArrayBuffer } | { id: number; error: SerializedError };

/** The worker's first message: loaded and connected, ready for a query. */
export const WORKER_READY = 'ready';

export function serializeError(error: unknown): SerializedError {
  if (error instanceof ApiError) {
    return { kind: 'api', status: error.status, code: error.code, message: error.message, details: error.details, headers: error.headers };
  }
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' ? { kind: 'neo4j', code, message } : { kind: 'other', message };
}

/** Back to an error the API's error handler knows (ApiError, or an error with a Neo4j code). */
export function deserializeError(error: SerializedError): Error {
  if (error.kind === 'api') return new ApiError(error.status, error.code, error.message, error.details, error.headers);
  const revived = new Error(error.message);
  if (error.kind === 'neo4j') Object.assign(revived, { code: error.code });
  return revived;
}

const INT_TAG = '$neo4jInteger';

/** Driver integers → `{$neo4jInteger: "…"}`, recursively, so they survive the structured clone. */
export function tagIntegers(value: unknown): unknown {
  if (isInt(value)) return { [INT_TAG]: (value as Integer).toString() };
  if (Array.isArray(value)) return value.map(tagIntegers);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tagIntegers(v)]));
  return value;
}

export function untagIntegers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(untagIntegers);
  if (value !== null && typeof value === 'object') {
    const tagged = (value as Record<string, unknown>)[INT_TAG];
    if (typeof tagged === 'string' && Object.keys(value).length === 1) return neo4j.int(tagged);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, untagIntegers(v)]));
  }
  return value;
}
