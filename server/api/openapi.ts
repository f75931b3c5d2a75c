/**
 * The OpenAPI 3.1 document, generated from the route specs: the zod schemas that
 * validate requests become its parameters and request bodies, the response schemas
 * its responses (z.toJSONSchema, JSON Schema 2020-12 as OpenAPI 3.1 expects).
 */
import { z } from 'zod';
import type { RouteSpec } from './http/route.ts';
import { ErrorResponse } from '../contract/api.ts';

type JsonSchema = Record<string, unknown>;

class Components {
  readonly schemas: Record<string, JsonSchema> = {};

  /** JSON Schema of a zod schema; shared (`.meta({id})`) parts go to components, referenced. */
  convert(schema: z.ZodType, io: 'input' | 'output', scope: string): JsonSchema {
    const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
    delete json.$schema;
    const defs = (json.$defs ?? {}) as Record<string, JsonSchema>;
    delete json.$defs;
    // Anonymous definitions (recursive helpers) get a name unique to where they came from.
    const rename = new Map<string, string>();
    for (const name of Object.keys(defs)) rename.set(name, name.startsWith('__') ? `${scope}${name.replace(/^_+/, '_')}` : name);
    const rewrite = (value: JsonSchema): JsonSchema =>
      JSON.parse(
        JSON.stringify(value).replace(/"#\/\$defs\/([^"]+)"/g, (_m, name: string) => `"#/components/schemas/${rename.get(name) ?? name}"`),
      ) as JsonSchema;
    // An input and an output view of one schema may differ (defaults, transforms): keep both then.
    for (const [name, def] of Object.entries(defs)) {
      const target = rename.get(name)!;
      const existing = this.schemas[target];
      if (existing && JSON.stringify(existing) !== JSON.stringify(rewrite(def))) rename.set(name, `${target}${io === 'input' ? 'Input' : 'Output'}`);
    }
    for (const [name, def] of Object.entries(defs)) this.schemas[rename.get(name)!] = rewrite(def);
    return rewrite(json);
  }
}

const ERROR_RESPONSES: Record<number, string> = {
  400: 'The request is not valid (the message and `details` say which field and why).',
  500: 'An unexpected failure on the server (logged; no details are given out).',
  503: 'The graph database is not reachable right now; the server keeps running and recovers by itself (see Retry-After).',
};

export interface OpenApiInfo {
  title: string;
  version: string;
  description: string;
}

/** Express `:name` → OpenAPI `{name}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z_]\w*)/g, '{$1}');
}

export function buildOpenApi(routes: readonly RouteSpec[], info: OpenApiInfo): Record<string, unknown> {
  const components = new Components();
  const errorRef = components.convert(ErrorResponse, 'output', 'Error');
  const paths: Record<string, Record<string, unknown>> = {};

  for (const route of routes) {
    const scope = route.operationId[0]!.toUpperCase() + route.operationId.slice(1);
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', route.params],
      ['query', route.query],
    ] as const) {
      if (!schema) continue;
      for (const [name, field] of Object.entries(schema.shape)) {
        const fieldSchema = field as z.ZodType;
        const json = components.convert(fieldSchema, 'input', `${scope}_${name}`);
        const description = json.description;
        delete json.description;
        const example = (json.examples as unknown[] | undefined)?.[0] ?? json.example;
        delete json.examples;
        delete json.example;
        parameters.push({
          name,
          in: where,
          required: where === 'path' || !fieldSchema.safeParse(undefined).success,
          ...(description ? { description } : {}),
          schema: json,
          ...(example !== undefined ? { example } : {}),
        });
      }
    }

    const responses: Record<string, unknown> = {};
    for (const [status, spec] of Object.entries(route.responses)) {
      const content: Record<string, unknown> = {};
      if (spec.schema) content['application/json'] = { schema: components.convert(spec.schema, 'output', `${scope}_${status}`) };
      for (const [mediaType, c] of Object.entries(spec.content ?? {})) {
        const schema = c.schema instanceof z.ZodType ? components.convert(c.schema, 'output', `${scope}_${status}`) : (c.schema ?? {});
        content[mediaType] = { schema, ...(c.example !== undefined ? { example: c.example } : {}) };
      }
      if (Number(status) >= 400 && Object.keys(content).length === 0) content['application/json'] = { schema: errorRef };
      responses[status] = {
        description: spec.description,
        ...(spec.headers ? { headers: spec.headers } : {}),
        ...(Object.keys(content).length > 0 ? { content } : {}),
      };
    }
    const addError = (status: number, description: string): void => {
      if (responses[status] === undefined) {
        responses[status] = {
          description,
          ...(status === 503 || status === 429
            ? { headers: { 'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer' } } } }
            : {}),
          content: { 'application/json': { schema: errorRef } },
        };
      }
    };
    if (route.params || route.query || route.body) addError(400, ERROR_RESPONSES[400]!);
    if (route.body) addError(413, 'The request body is larger than 1 MB.');
    if (route.rateLimited) addError(429, 'Too many requests from this client in the rate-limit window (see Retry-After).');
    addError(500, ERROR_RESPONSES[500]!);
    addError(503, ERROR_RESPONSES[503]!);
    // Every request but an upload has the server's deadline (deadline.ts).
    if (route.path.startsWith('/api/') && route.operationId !== 'uploadReport')
      addError(504, 'The database did not answer within the server’s request deadline (`request_timeout`).');

    const operation: Record<string, unknown> = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: route.tags,
      ...(parameters.length > 0 ? { parameters } : {}),
      responses,
      ...(route.bearerAuth ? { security: [{ adminToken: [] }] } : {}),
    };
    if (route.body) {
      const mediaTypes = route.bodyMediaTypes ?? ['application/json'];
      const content: Record<string, unknown> = {};
      for (const mediaType of mediaTypes) {
        content[mediaType] =
          mediaType === 'application/json' ? { schema: components.convert(route.body, 'input', `${scope}Body`) } : { schema: { type: 'string' } };
      }
      operation.requestBody = { required: !route.body.safeParse(undefined).success, content };
    }
    const path = openApiPath(route.path);
    paths[path] = { ...(paths[path] ?? {}), [route.method]: operation };
  }

  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/' }],
    tags: [...new Set(routes.flatMap((r) => r.tags))].map((name) => ({ name })),
    paths,
    components: {
      schemas: components.schemas,
      securitySchemes: {
        adminToken: { type: 'http', scheme: 'bearer', description: 'The ADMIN_TOKEN the server was started with.' },
      },
    },
  };
}
