import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';

/** One structured line per request, with the request id that error bodies and logs share. */
export function requestLogger(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const { logger } = c.get('deps');
    const session = c.get('session');
    const line = {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      actor: session ? `${session.actor.kind}:${session.actor.id}` : undefined,
    };
    if (c.res.status >= 500) logger.error(line, 'request failed');
    else logger.info(line, 'request');
  };
}
