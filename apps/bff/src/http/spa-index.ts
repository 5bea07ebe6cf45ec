import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import { contentSecurityPolicy } from './security-headers.js';

/** index.html as it is sent: the bytes, their compressed copies, the ETag and the CSP that lets its style apply. */
interface SpaIndex {
  modifiedMs: number;
  text: string;
  html: Uint8Array<ArrayBuffer>;
  brotli: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer>;
  etag: string;
  contentSecurityPolicy: string;
}

/** The sha256 (base64) of each inline `<style>` element's text, as a CSP hash source is written. */
export function inlineStyleHashes(html: string): string[] {
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => createHash('sha256').update(m[1]!, 'utf8').digest('base64'));
}

function prepare(file: string, modifiedMs: number): SpaIndex {
  const html = readFileSync(file);
  const text = html.toString('utf8');
  return {
    modifiedMs,
    text,
    // Copies with their own ArrayBuffer: what Response bodies are typed to take.
    html: new Uint8Array(html),
    brotli: new Uint8Array(brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: html.length } })),
    gzip: new Uint8Array(gzipSync(html, { level: 9 })),
    etag: `"${createHash('sha256').update(html).digest('base64url').slice(0, 22)}"`,
    contentSecurityPolicy: contentSecurityPolicy(inlineStyleHashes(text)),
  };
}

/** What a visitor's own page adds to index.html: elements for its head and for the end of its body. */
export interface PageAdditions {
  head?: string;
  body?: string;
}

/**
 * index.html with a visitor's additions: the head's at the end of the head (or, with no head, of the
 * body). The additions go in through replacer functions: as a replacement string, a ticket subject
 * holding "$`" or "$'" would have pasted parts of the page into the answers.
 */
export function withAdditions(html: string, additions: PageAdditions): string {
  const head = additions.head ?? '';
  const body = additions.body ?? '';
  if (head && html.includes('</head>')) return html.replace('</head>', () => `${head}\n</head>`).replace('</body>', () => `${body}\n</body>`);
  return html.replace('</body>', () => `${head ? `${head}\n` : ''}${body}\n</body>`);
}

/** The encoding to send, by the browser's Accept-Encoding: brotli, then gzip, else none. */
function encodingFor(c: Context): 'br' | 'gzip' | null {
  const accepted = c.req.header('accept-encoding') ?? '';
  return /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
}

/**
 * Answers every SPA page with index.html. It is read, hashed and compressed once per build (a new
 * build is noticed by its modification time), not on each request. It is `no-cache`, so a phone
 * revalidates it on every visit: the ETag turns that into a 304 with no body until the next deploy.
 *
 * `personalize` may return elements for this visitor's page (app.ts: the first screen's API answers,
 * and the page's lazily loaded scripts to preload); that page is then one person's, compressed on the
 * spot and never stored by anyone.
 * Returns null when the web app is not built.
 */
export function spaIndexAnswerer(file: string, personalize?: (c: Context) => Promise<PageAdditions | null>) {
  let cached: SpaIndex | null = null;
  return async (c: Context): Promise<Response | null> => {
    let modifiedMs: number;
    try {
      modifiedMs = statSync(file).mtimeMs;
    } catch {
      return null;
    }
    if (cached?.modifiedMs !== modifiedMs) cached = prepare(file, modifiedMs);
    const index = cached;
    const encoding = encodingFor(c);
    const additions = personalize ? await personalize(c) : null;
    if (additions) {
      const html = Buffer.from(withAdditions(index.text, additions), 'utf8');
      // Quick levels: this page is compressed on every visit (brotli 5 is about as small as gzip 9, and faster).
      const body = encoding === 'br' ? brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) : encoding === 'gzip' ? gzipSync(html) : html;
      return c.body(new Uint8Array(body), 200, {
        'Cache-Control': 'no-store',
        Vary: 'Accept-Encoding, Cookie',
        'Content-Security-Policy': index.contentSecurityPolicy,
        'Content-Type': 'text/html; charset=UTF-8',
        ...(encoding ? { 'Content-Encoding': encoding } : {}),
      });
    }
    const headers: Record<string, string> = {
      'Cache-Control': 'no-cache',
      ETag: index.etag,
      Vary: 'Accept-Encoding',
      'Content-Security-Policy': index.contentSecurityPolicy,
    };
    if (c.req.header('if-none-match') === index.etag) return c.body(null, 304, headers);
    const body = encoding === 'br' ? index.brotli : encoding === 'gzip' ? index.gzip : index.html;
    if (encoding) headers['Content-Encoding'] = encoding;
    return c.body(body, 200, { ...headers, 'Content-Type': 'text/html; charset=UTF-8' });
  };
}
