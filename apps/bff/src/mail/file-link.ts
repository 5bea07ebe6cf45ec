import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Links to an e-mail's files when they are too big to attach: `<outboxId>.<attachmentId>.<expiresAt>.<hmac>`,
 * signed with a server secret over those numbers *and the e-mail's recipient address*. The link is the
 * permission (no sign-in), so it opens one file of one e-mail, for the person it was sent to, until it
 * expires; the route re-reads the e-mail's row for its recipient, so a link moved to another e-mail or
 * file fails the signature.
 */
export interface FileLinkClaims {
  outboxId: number;
  attachmentId: number;
  expiresAt: number;
}

function sign(secret: string, claims: FileLinkClaims, recipient: string): string {
  return createHmac('sha256', secret).update(`file:${claims.outboxId}.${claims.attachmentId}.${claims.expiresAt}:${recipient.toLowerCase()}`).digest('base64url');
}

export function createFileLinkToken(secret: string, claims: FileLinkClaims, recipient: string): string {
  return `${claims.outboxId}.${claims.attachmentId}.${claims.expiresAt}.${sign(secret, claims, recipient)}`;
}

/** The numbers of a well-formed token (not yet trusted: `verifyFileLink` checks the signature). */
export function parseFileLinkToken(token: string): (FileLinkClaims & { signature: string }) | null {
  const match = /^(\d{1,15})\.(\d{1,15})\.(\d{1,16})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  return { outboxId: Number(match[1]), attachmentId: Number(match[2]), expiresAt: Number(match[3]), signature: match[4]! };
}

export type FileLinkCheck = { ok: true } | { ok: false; reason: 'invalid' | 'expired' };

/** Signature first (a tampered link is invalid whatever its date), then expiry. */
export function verifyFileLink(secret: string, parsed: FileLinkClaims & { signature: string }, recipient: string, now: number): FileLinkCheck {
  const expected = Buffer.from(sign(secret, parsed, recipient));
  const given = Buffer.from(parsed.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  if (now >= parsed.expiresAt) return { ok: false, reason: 'expired' };
  return { ok: true };
}

export const FILE_LINK_SECRET = 'file_link';
