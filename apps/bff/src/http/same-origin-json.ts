import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';
import { AppError } from './app-error.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for the JSON API. hono/csrf only checks form-encodable content types and lets JSON
 * through, so this checks both: a state-changing request must be `application/json` (a cross-site form
 * cannot send that without a CORS preflight we never answer) and must come from one of our origins.
 */
export function sameOriginJson(allowedOrigins: string[], options: { multipartPaths?: string[] } = {}): MiddlewareHandler<AppEnv> {
  const allowed = new Set(allowedOrigins.map((o) => o.toLowerCase()));
  const multipart = new Set(options.multipartPaths ?? []);
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const contentType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    // The upload route checks its own content type (multipart only) after the session: the Origin check stays.
    if (contentType !== 'application/json' && !multipart.has(c.req.path)) throw new AppError('unsupported_media_type');
    const origin = c.req.header('origin')?.toLowerCase();
    if (!origin || !allowed.has(origin)) throw new AppError('csrf_rejected');
    return next();
  };
}
