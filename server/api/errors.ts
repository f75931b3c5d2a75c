import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { ApiError } from '../contract/errors.ts';
import { sendJson } from './http/send-json.ts';

// An error meant for the client (a status, a stable code, a message a person can read) is the contract's.
export { ApiError } from '../contract/errors.ts';

export function notFound(message: string): ApiError {
  return new ApiError(404, 'not_found', message);
}

/** Neo4j driver errors a client may see, translated; anything else is an internal error. */
export function fromNeo4jError(error: unknown): ApiError | undefined {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return undefined;
  const message = error instanceof Error ? error.message : String(error);
  // The pool had no connection to give within connectionAcquisitionTimeout (the driver gives it no code):
  // every connection is busy with a database that does not answer.
  // A connection reset in the Bolt handshake (the database dying as it is reached) comes as a ProtocolError.
  if (
    message.startsWith('Connection acquisition timed out') ||
    (code === 'ProtocolError' && /Failed to connect|ECONNRESET|ECONNREFUSED|EPIPE|socket/i.test(message))
  ) {
    return new ApiError(503, 'database_unavailable', 'The graph database is not answering right now; try again shortly.', undefined, { 'Retry-After': '5' });
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code.startsWith('Neo.TransientError.General.DatabaseUnavailable')) {
    return new ApiError(503, 'database_unavailable', 'The graph database is not reachable right now; try again shortly.', undefined, {
      'Retry-After': '5',
    });
  }
  if (code.includes('TransactionTimedOut') || code.includes('Transaction.TransactionTimedOutClientConfiguration')) {
    return new ApiError(504, 'query_timeout', 'The query took longer than the allowed time and was stopped.');
  }
  if (code.startsWith('Neo.ClientError.Security.') && !code.endsWith('.Forbidden') && !code.endsWith('.AccessMode')) {
    // The server's own credentials were refused: a deployment problem, never the caller's; no details.
    return new ApiError(
      503,
      'database_unavailable',
      'The graph database refused the server’s credentials; an administrator must check the settings.',
      undefined,
      {
        'Retry-After': '30',
      },
    );
  }
  if (code === 'Neo.ClientError.Statement.AccessMode' || code.endsWith('Security.Forbidden')) {
    return new ApiError(400, 'cypher_refused', 'The console is read-only: the database refused this query in a read transaction.', {
      reason: 'write',
      neo4jCode: code,
    });
  }
  if (code.startsWith('Neo.ClientError.Statement.SyntaxError')) {
    return new ApiError(400, 'cypher_syntax', firstLine(message), { neo4jCode: code, position: syntaxPosition(message) });
  }
  if (code.startsWith('Neo.TransientError.General.MemoryPoolOutOfMemoryError') || code.includes('MemoryPoolOutOfMemory')) {
    return new ApiError(400, 'query_too_large', 'The query needed more memory than a query may use.');
  }
  // The heap itself ran out inside the query (values built within one expression, which the
  // transaction memory limit does not count): Neo4j fails that query and carries on.
  if (code === 'Neo.TransientError.General.OutOfMemoryError') {
    return new ApiError(400, 'query_too_large', 'The query needed more memory than the database has.');
  }
  if (code.startsWith('Neo.ClientError.')) {
    return new ApiError(400, 'cypher_error', firstLine(message), { neo4jCode: code });
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function syntaxPosition(message: string): { line: number; column: number; offset: number } | undefined {
  const match = /\(line (\d+), column (\d+) \(offset: (\d+)\)\)/.exec(message);
  return match ? { line: Number(match[1]), column: Number(match[2]), offset: Number(match[3]) } : undefined;
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new ApiError(404, 'not_found', `No such endpoint: ${req.method} ${req.path}`));
};

/** The one place errors become responses: `{error: {code, message, details?}}`, never a stack. */
export function errorHandler(log: { error: (obj: unknown, msg: string) => void }): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const apiError = toApiError(error);
    if (apiError.status >= 500 && apiError.code === 'internal') log.error({ err: error }, 'unhandled error');
    // Already answered (the request deadline, or a stream under way): nothing more can be said.
    if (res.headersSent) return;
    for (const [name, value] of Object.entries(apiError.headers)) res.setHeader(name, value);
    const body: { code: string; message: string; details?: unknown } = { code: apiError.code, message: apiError.message };
    if (apiError.details !== undefined) body.details = apiError.details;
    sendJson(res, apiError.status, { error: body });
  };
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ZodError) {
    return new ApiError(
      400,
      'invalid_request',
      'The request is not valid.',
      error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  const status = (error as { status?: unknown; type?: unknown }).status;
  const type = (error as { type?: unknown }).type;
  if (status === 413 || type === 'entity.too.large') return new ApiError(413, 'payload_too_large', 'The request body is larger than allowed.');
  if (type === 'entity.parse.failed') return new ApiError(400, 'invalid_json', 'The request body is not valid JSON.');
  if (typeof status === 'number' && status >= 400 && status < 500) return new ApiError(status, 'bad_request', 'The request could not be read.');
  return fromNeo4jError(error) ?? new ApiError(500, 'internal', 'Something went wrong on the server.');
}
