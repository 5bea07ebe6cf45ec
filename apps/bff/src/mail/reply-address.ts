import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Reply-To of every ticket e-mail: `ticket-<id>-<signature>@<domain>`. The signature (HMAC with a server
 * secret) means a forged address for another ticket is refused, not routed.
 */
function sign(secret: string, ticketId: number): string {
  return createHmac('sha256', secret).update(`reply:${ticketId}`).digest('hex').slice(0, 20);
}

export function replyAddressFor(secret: string, ticketId: number, domain: string): string {
  return `ticket-${ticketId}-${sign(secret, ticketId)}@${domain}`;
}

/** The ticket a reply address names, or null when it is not one of ours or the signature is wrong. */
export function ticketOfReplyAddress(secret: string, address: string): number | null {
  const match = /^ticket-(\d{1,15})-([0-9a-f]{20})@/i.exec(address.trim());
  if (!match) return null;
  const ticketId = Number(match[1]);
  const expected = Buffer.from(sign(secret, ticketId));
  const given = Buffer.from(match[2]!.toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given) ? ticketId : null;
}
