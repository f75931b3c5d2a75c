/** Headers, CORS and rate limits: the edge of the app. */
import cors from 'cors';
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Config } from '../config.ts';
import { ApiError } from './errors.ts';

/**
 * helmet's headers with a CSP the viewer works under: WebGL (no CSP needed), the
 * layout worker from a blob: URL, CodeMirror's injected styles, data:/blob: images
 * for the PNG export. Plain http on loopback by default, so no upgrade-insecure-requests.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'worker-src': ["'self'", 'blob:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'upgrade-insecure-requests': null,
      },
    },
    // Served over http on loopback by default; HSTS would only matter behind TLS, where the proxy sets it.
    strictTransportSecurity: false,
  });
}

/** CORS only for the origin CORS_ORIGIN names (comma-separated for several); off otherwise. */
export function corsMiddleware(origin: string | undefined): RequestHandler | undefined {
  if (!origin) return undefined;
  const origins = origin
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  return cors({ origin: origins.length === 1 ? origins[0] : origins, methods: ['GET', 'POST'], maxAge: 600 });
}

/** A per-client limit of `limit` requests per window; undefined when `limit` is 0 (off). */
export function rateLimiter(limit: number, windowMs: number, what: string): RequestHandler | undefined {
  if (limit <= 0) return undefined;
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (req, _res, next) => {
      const reset = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = Math.max(1, Math.ceil(((reset?.getTime() ?? Date.now() + windowMs) - Date.now()) / 1000));
      next(
        new ApiError(
          429,
          'rate_limited',
          `Too many ${what} requests: at most ${limit} per ${Math.round(windowMs / 1000)} s from one client. Try again in ${seconds} s.`,
          { limit, windowMs },
          {
            'Retry-After': String(seconds),
          },
        ),
      );
    },
  });
}

export function rateLimiters(config: Config): { cypher: RequestHandler | undefined; search: RequestHandler | undefined } {
  return {
    cypher: rateLimiter(config.rateLimit.cypher, config.rateLimit.windowMs, 'Cypher'),
    search: rateLimiter(config.rateLimit.search, config.rateLimit.windowMs, 'search'),
  };
}
