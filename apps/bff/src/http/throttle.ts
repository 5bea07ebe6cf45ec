import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';
import { AppError } from './app-error.js';
import { clientAddress } from './client-address.js';
import { createRateLimiter } from './rate-limiter.js';

/**
 * Per-address throttling for routes anyone can reach (rating-link pages, inbound e-mail): a guessing or
 * flooding client gets 429 with the wait, and legitimate traffic never comes near the limit.
 */
export function throttleByAddress(options: { limit: number; windowMs: number; scope: string }): MiddlewareHandler<AppEnv> {
  const limiter = createRateLimiter({ name: options.scope, limit: options.limit, windowMs: options.windowMs });
  return async (c, next) => {
    const waitMs = await limiter.hit(c.get('deps').throttles!, [clientAddress(c)], c.get('deps').now());
    if (waitMs > 0) throw new AppError('too_many_attempts', { retryAfterSeconds: Math.ceil(waitMs / 1000) });
    await next();
  };
}
