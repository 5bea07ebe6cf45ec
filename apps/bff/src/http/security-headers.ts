import type { MiddlewareHandler } from 'hono';

/**
 * The policy on every answer. `styleHashes` are added to `style-src` for index.html alone: its one
 * inline `<style>` (the web build inlines the stylesheet for the first paint) is allowed by its sha256,
 * so no other inline style, injected or not, ever applies.
 */
export function contentSecurityPolicy(styleHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    ["style-src 'self'", ...styleHashes.map((hash) => `'sha256-${hash}'`)].join(' '),
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/**
 * Security headers on every response. The SPA is built without inline script, so the CSP allows only
 * this origin's files (and index.html's own stylesheet, by hash: spa-index.ts); frames are refused outright.
 *
 * The headers are prepared on the context before the handler runs, so `c.json()` builds the response
 * with them. Setting them afterwards (as hono/secure-headers does) copies every finished response once
 * more, which cost about a tenth of a cheap API answer in the benchmark. A response built outside the
 * context (rare: a raw `new Response`) is caught after the handler and gets them then.
 */
export function securityHeaders(options: { hsts: boolean }): MiddlewareHandler {
  const headers: [string, string][] = [
    ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Cross-Origin-Resource-Policy', 'same-origin'],
    ['Origin-Agent-Cluster', '?1'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ...(options.hsts ? [['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'] as [string, string]] : []),
    ['X-Content-Type-Options', 'nosniff'],
    ['X-DNS-Prefetch-Control', 'off'],
    ['X-Download-Options', 'noopen'],
    ['X-Frame-Options', 'DENY'],
    ['X-Permitted-Cross-Domain-Policies', 'none'],
    ['X-XSS-Protection', '0'],
  ];
  return async (c, next) => {
    for (const [name, value] of headers) c.header(name, value);
    await next();
    if (c.res.headers.get('Content-Security-Policy') === null) {
      for (const [name, value] of headers) c.res.headers.set(name, value);
    }
  };
}
