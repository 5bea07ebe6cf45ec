import { timingSafeEqual } from 'node:crypto';
import { throttleByAddress } from '../http/throttle.js';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import { MalformedMailError, receiveMail } from '../mail/inbound.js';

/** The envelope sender as the receiving MTA recorded it (the webhook has no SMTP envelope of its own). */
function returnPathOf(raw: Buffer): string | null {
  const head = raw.subarray(0, Math.min(raw.length, 64 * 1024)).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const match = /^return-path:\s*<?([^>\r\n]*)>?/im.exec(end >= 0 ? head.slice(0, end) : head);
  return match && match[1]!.trim() !== '' ? match[1]!.trim() : null;
}

function tokenMatches(expected: string | null, header: string | undefined): boolean {
  if (!expected || !header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice(7));
  const want = Buffer.from(expected);
  return given.length === want.length && timingSafeEqual(given, want);
}

/**
 * POST /inbound-mail: a raw RFC 822 message from a mail provider's inbound webhook, authenticated by
 * `Authorization: Bearer <INBOUND_MAIL_TOKEN>`. Without the env var every call is refused. Answers 202
 * when the message was taken in (or held for agents, or already taken in), 422 when it will never be.
 */
export function inboundMailRoutes() {
  return new Hono<AppEnv>().post('/', throttleByAddress({ scope: 'inbound-mail', limit: 120, windowMs: 60_000 }), (c, next) => bodyLimit({ maxSize: c.get('deps').config.inboundMaxMessageBytes, onError: () => { throw new AppError('payload_too_large'); } })(c, next), async (c) => {
    const deps = c.get('deps');
    if (!tokenMatches(deps.config.inboundMailToken, c.req.header('authorization'))) throw new AppError('unauthenticated');
    const raw = Buffer.from(await c.req.arrayBuffer());
    try {
      const result = await receiveMail(deps, raw, [], { mailFrom: returnPathOf(raw) });
      // A message that names no ticket of ours (no valid ticket address, no References to our mail) is
      // refused permanently, as the SMTP listener refuses it at RCPT TO: the provider bounces it, so the
      // sender learns it reached nobody instead of it vanishing behind a 202.
      if (result.outcome === 'ignored' && (result.reason === 'no_ticket_token' || result.reason === 'ticket_missing')) throw new AppError('unknown_recipient');
      return c.json(result, 202);
    } catch (error) {
      // Permanent: a provider must not retry a message that will never parse.
      if (error instanceof MalformedMailError) throw new AppError('malformed_mail');
      throw error;
    }
  });
}
