/**
 * Whether an inbound e-mail may be taken as written by its From address. `From:` is whatever the sender
 * typed, so it is trusted only:
 * - through the receiving MTA's `Authentication-Results` (RFC 8601) — only a header whose authserv-id is
 *   the configured one (INBOUND_AUTHSERV_ID), and only the topmost such header, the one our MTA added
 *   (anything below it came with the message): DMARC pass, or SPF/DKIM pass for a domain aligned with
 *   the From domain. A DMARC/SPF/DKIM failure holds the message;
 * - or, with no such header, when the envelope sender (MAIL FROM / Return-Path) has the From domain.
 * Otherwise the message is held for an agent, never posted as the customer.
 */
export type SenderTrust = { trusted: true; via: 'authentication_results' | 'envelope' } | { trusted: false; reason: 'auth_failed' | 'envelope_mismatch' };

export function senderTrust(params: { fromAddress: string; envelopeFrom: string | null; authenticationResults: string[]; authservId: string | null }): SenderTrust {
  const fromDomain = domainOf(params.fromAddress);
  if (!fromDomain) return { trusted: false, reason: 'envelope_mismatch' };
  const ours = params.authservId ? params.authenticationResults.find((h) => authservIdOf(h) === params.authservId!.toLowerCase()) : undefined;
  if (ours !== undefined) {
    const results = parseResults(ours);
    const dmarc = results.find((r) => r.method === 'dmarc');
    if (dmarc) return dmarc.result === 'pass' && (!dmarc.props['header.from'] || aligned(dmarc.props['header.from'], fromDomain)) ? { trusted: true, via: 'authentication_results' } : { trusted: false, reason: 'auth_failed' };
    const passAligned = results.some(
      (r) =>
        r.result === 'pass' &&
        ((r.method === 'dkim' && aligned(r.props['header.d'] ?? r.props['header.i'] ?? '', fromDomain)) ||
          (r.method === 'spf' && aligned(domainOf(r.props['smtp.mailfrom'] ?? '') ?? r.props['smtp.mailfrom'] ?? '', fromDomain))),
    );
    return passAligned ? { trusted: true, via: 'authentication_results' } : { trusted: false, reason: 'auth_failed' };
  }
  const envelopeDomain = params.envelopeFrom ? domainOf(params.envelopeFrom) : null;
  return envelopeDomain && aligned(envelopeDomain, fromDomain) ? { trusted: true, via: 'envelope' } : { trusted: false, reason: 'envelope_mismatch' };
}

function domainOf(address: string): string | null {
  const at = address.trim().replace(/^<|>$/g, '').lastIndexOf('@');
  if (at < 0) return null;
  const domain = address.trim().replace(/^<|>$/g, '').slice(at + 1).toLowerCase().replace(/\.$/, '');
  return domain === '' ? null : domain;
}

/** Relaxed alignment (DMARC): the same domain, or one a subdomain of the other. */
function aligned(a: string, b: string): boolean {
  const x = a.toLowerCase().replace(/^@/, '');
  const y = b.toLowerCase();
  return x !== '' && (x === y || x.endsWith(`.${y}`) || y.endsWith(`.${x}`));
}

function authservIdOf(header: string): string {
  return (header.split(';')[0] ?? '').trim().split(/\s+/)[0]!.toLowerCase();
}

interface MethodResult {
  method: string;
  result: string;
  props: Record<string, string>;
}

function parseResults(header: string): MethodResult[] {
  const withoutComments = header.replace(/\([^)]*\)/g, ' ');
  return withoutComments
    .split(';')
    .slice(1)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [first, ...rest] = part.split(/\s+/);
      const [method, result] = (first ?? '').split('=');
      const props: Record<string, string> = {};
      for (const token of rest) {
        const eq = token.indexOf('=');
        if (eq > 0) props[token.slice(0, eq).toLowerCase()] = token.slice(eq + 1).replace(/^"|"$/g, '').toLowerCase();
      }
      return { method: (method ?? '').toLowerCase(), result: (result ?? '').toLowerCase(), props };
    });
}
