import type { ErrorResponse } from '../../../server/contract/api.ts';
import { ApiError } from '../../../server/contract/errors.ts';

/**
 * The body of an API answer, read to its end: the parsed JSON, the text when it is not
 * JSON, undefined when empty. Throws ApiError for a status other than 2xx: the API's
 * error code, message and details from its error body (docs/API.md § Errors), else
 * `http_<status>` (a proxy's error page, not the API's). The page (client.ts) and the
 * graph worker (graph.worker.ts) read every answer through this one function.
 */
export async function readResponse(response: Response): Promise<unknown> {
  const text = await response.text();
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (!response.ok) {
    // Not every failure comes from the API (a proxy's 502 page): read its error body only when there is one.
    const error = (body as Partial<ErrorResponse> | undefined)?.error;
    throw new ApiError(response.status, error?.code ?? `http_${response.status}`, error?.message ?? response.statusText ?? 'Request failed', error?.details);
  }
  return body;
}

/** An ApiError for a network failure (the server was not reached): status 0, code `network`. */
export function networkError(error: unknown): ApiError {
  return new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
}
