import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from './app-env.js';

/** `::ffff:127.0.0.1` (an IPv4 client on a dual-stack socket) is 127.0.0.1. */
function plain(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

/**
 * The client's address as the socket and the trusted proxies say. X-Forwarded-For is read only when the
 * socket's peer is a trusted proxy, and then from the right: each trusted hop appended the address it
 * saw, so the rightmost address that is not a trusted proxy is the client. Anything to its left was
 * written by the client and is ignored.
 */
export function addressBehindProxies(socketAddress: string | undefined, forwardedFor: string | undefined, trustedProxies: readonly string[]): string {
  if (!socketAddress) return 'unknown';
  const peer = plain(socketAddress);
  if (!forwardedFor || !trustedProxies.includes(peer)) return peer;
  const hops = forwardedFor.split(',').map((hop) => plain(hop.trim())).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i -= 1) if (!trustedProxies.includes(hops[i]!)) return hops[i]!;
  return hops[0] ?? peer;
}

/** The client's address for throttling and the audit log (see TRUSTED_PROXIES). */
export function clientAddress(c: Context<AppEnv>): string {
  let socketAddress: string | undefined;
  try {
    socketAddress = getConnInfo(c).remote.address;
  } catch {
    return 'unknown'; // in-process requests (tests) have no socket
  }
  return addressBehindProxies(socketAddress, c.req.header('x-forwarded-for'), c.get('deps')?.config.trustedProxies ?? []);
}
