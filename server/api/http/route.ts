/**
 * Routes as data: each one names its method, path, the zod schemas of its path
 * parameters, query and body, and its responses. The same spec validates requests
 * (a failure is a 400 naming the field) and becomes the route's entry in the
 * OpenAPI document (openapi.ts), so the two cannot drift apart.
 */
import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import { type z } from 'zod';
import { ApiError } from '../errors.ts';
import { sendJson } from './send-json.ts';

export type HttpMethod = 'get' | 'post' | 'delete';

export interface ResponseContent {
  /** Zod schema of the body (JSON), or a JSON Schema object for other media types. */
  schema?: z.ZodType | Record<string, unknown>;
  example?: unknown;
}

export interface ResponseSpec {
  description: string;
  /** Media type → content; JSON when only `schema` is given. */
  content?: Record<string, ResponseContent>;
  schema?: z.ZodType;
  headers?: Record<string, { description: string; schema: Record<string, unknown> }>;
}

type AnyObject = z.ZodObject<z.ZodRawShape>;

export interface RouteInput<P extends AnyObject | undefined, Q extends AnyObject | undefined, B extends z.ZodType | undefined> {
  params: P extends AnyObject ? z.output<P> : Record<string, never>;
  query: Q extends AnyObject ? z.output<Q> : Record<string, never>;
  body: B extends z.ZodType ? z.output<B> : undefined;
}

export interface RouteSpec<
  P extends AnyObject | undefined = AnyObject | undefined,
  Q extends AnyObject | undefined = AnyObject | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
> {
  method: HttpMethod;
  /** Express syntax (`/api/nodes/:id`); openapi.ts writes `{id}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  params?: P;
  query?: Q;
  body?: B;
  /** Media types the body may come in (default: application/json). */
  bodyMediaTypes?: string[];
  /** Bearer token required (documented as the `adminToken` security scheme). */
  bearerAuth?: boolean;
  /** Subject to a rate limit (documented 429). */
  rateLimited?: boolean;
  /** Runs before validation (auth, body parsers, rate limits). */
  before?: RequestHandler[];
  responses: Record<number, ResponseSpec>;
  /**
   * The handler. A returned value is sent as JSON (sendJson: no ETag) with the first 2xx
   * status of `responses`; return undefined after writing the response yourself.
   */
  handler: (input: RouteInput<P, Q, B>, req: Request, res: Response) => Promise<unknown> | unknown;
}

/** Identity with inference: `defineRoute({...})` types the handler's input from the schemas. */
export function defineRoute<
  P extends AnyObject | undefined = undefined,
  Q extends AnyObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(spec: RouteSpec<P, Q, B>): RouteSpec {
  return spec as unknown as RouteSpec;
}

/** Parse one part of the request; a failure is a 400 naming each field (`query.depth`: …). */
function validate(schema: z.ZodType, value: unknown, part: 'path' | 'query' | 'body'): unknown {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => ({ path: [part, ...issue.path.map(String)].join('.'), message: issue.message }));
  const first = details[0];
  throw new ApiError(400, 'invalid_request', first ? `Invalid ${first.path}: ${first.message}` : 'The request is not valid.', details);
}

function successStatus(spec: RouteSpec): number {
  return Number(Object.keys(spec.responses).find((s) => s.startsWith('2')) ?? 200);
}

/** Register each route on the router (full paths), validation first. */
export function mountRoutes(router: Router, routes: readonly RouteSpec[]): void {
  for (const spec of routes) {
    const status = successStatus(spec);
    const handler = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
      try {
        const input = {
          params: spec.params ? validate(spec.params, req.params, 'path') : {},
          query: spec.query ? validate(spec.query, req.query ?? {}, 'query') : {},
          body: spec.body ? validate(spec.body, req.body, 'body') : undefined,
        };
        const output = await spec.handler(input as never, req, res);
        if (output !== undefined && !res.headersSent) sendJson(res, status, output);
      } catch (error) {
        next(error);
      }
    };
    router[spec.method](spec.path, ...(spec.before ?? []), handler);
  }
}
