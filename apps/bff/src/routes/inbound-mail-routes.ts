import { timingSafeEqual } from 'node:crypto';
import { throttleByAddress } from '../http/throttle.js';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import { receiveMail } from '../mail/inbound.js';

function tokenMatches(expected: string | null, header: string | undefined): boolean {
  if (!expected || !header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice(7));
  const want = Buffer.from(expected);
  return given.length === want.length && timingSafeEqual(given, want);
}

/**
 * POST /inbound-mail: a raw RFC 822 message from a mail provider's inbound webhook, authenticated by
 * `Authorization: Bearer <INBOUND_MAIL_TOKEN>`. Without the env var every call is refused.
 */
export function inboundMailRoutes() {
  return new Hono<AppEnv>().post('/', throttleByAddress({ scope: 'inbound-mail', limit: 120, windowMs: 60_000 }), bodyLimit({ maxSize: 10 * 1024 * 1024, onError: () => { throw new AppError('payload_too_large'); } }), async (c) => {
    const deps = c.var.deps;
    if (!tokenMatches(deps.config.inboundMailToken, c.req.header('authorization'))) throw new AppError('unauthenticated');
    const raw = Buffer.from(await c.req.arrayBuffer());
    const result = await receiveMail(deps, raw);
    return c.json(result, 202);
  });
}
