import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Rating links (closing e-mail and agent view): `<ticketId>.<closing>.<expiresAt>.<hmac>`, signed with a
 * server secret. Scoped to one ticket and one closing, expiring with the rating window; "used" is
 * known from the closing being rated already, so the token needs no table.
 */
export interface RatingTokenClaims {
  ticketId: number;
  closing: number;
  expiresAt: number;
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`rating:${payload}`).digest('base64url');
}

export function createRatingToken(secret: string, claims: RatingTokenClaims): string {
  const payload = `${claims.ticketId}.${claims.closing}.${claims.expiresAt}`;
  return `${payload}.${sign(secret, payload)}`;
}

export type RatingTokenCheck = { ok: true; claims: RatingTokenClaims } | { ok: false; reason: 'invalid' | 'expired' };

export function verifyRatingToken(secret: string, token: string, now: number): RatingTokenCheck {
  const match = /^(\d{1,15})\.(\d{1,6})\.(\d{1,16})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, reason: 'invalid' };
  const [, ticketId, closing, expiresAt, signature] = match;
  const expected = Buffer.from(sign(secret, `${ticketId}.${closing}.${expiresAt}`));
  const given = Buffer.from(signature!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  const claims = { ticketId: Number(ticketId), closing: Number(closing), expiresAt: Number(expiresAt) };
  if (now >= claims.expiresAt) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
