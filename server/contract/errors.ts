/**
 * An error of the API, on both sides of the wire: the server throws it to answer
 * (server/api/errors.ts turns it into ErrorResponse, api.ts), the viewer rejects
 * with it when an answer is one (client/src/api/client.ts).
 */
export class ApiError extends Error {
  /**
   * @param status the HTTP status (the viewer uses 0 for a request that got no answer)
   * @param code a stable, machine-readable code (invalid_request, not_found, cypher_refused, …)
   * @param message what went wrong, for a person
   * @param details more for a program (which fields, where in the query), when there is more
   * @param headers headers the server sends with the answer (Retry-After)
   */
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
