import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let dist: string;
afterEach(() => {
  t.dispose();
  rmSync(dist, { recursive: true, force: true });
});

describe('SPA assets', () => {
  it('are sent gzipped to a browser that accepts it, and cached for good', async () => {
    dist = mkdtempSync(join(tmpdir(), 'atende-dist-'));
    mkdirSync(join(dist, 'assets'));
    const script = `console.log(${JSON.stringify('painel '.repeat(2000))});`;
    writeFileSync(join(dist, 'assets', 'index-abc.js'), script);
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Atende</title>');
    t = await createTestApp({ env: { WEB_DIST: dist } });
    const response = await t.app.request('/assets/index-abc.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('cache-control')).toContain('immutable');
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.length).toBeLessThan(script.length / 10);
    expect(gunzipSync(body).toString()).toBe(script);
  });

  it('are sent as the build compressed them (brotli) when it wrote one, not compressed again', async () => {
    dist = mkdtempSync(join(tmpdir(), 'atende-dist-'));
    mkdirSync(join(dist, 'assets'));
    const script = `console.log(${JSON.stringify('chamado '.repeat(2000))});`;
    writeFileSync(join(dist, 'assets', 'index-def.js'), script);
    writeFileSync(join(dist, 'assets', 'index-def.js.br'), brotliCompressSync(script));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Atende</title>');
    t = await createTestApp({ env: { WEB_DIST: dist } });
    const response = await t.app.request('/assets/index-def.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('content-type')).toContain('javascript');
    expect(response.headers.get('vary')).toContain('Accept-Encoding');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(brotliDecompressSync(Buffer.from(await response.arrayBuffer())).toString()).toBe(script);
    // A browser that does not take brotli still gets the file compressed (gzip, on the fly).
    const gzipOnly = await t.app.request('/assets/index-def.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gzipOnly.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzipOnly.arrayBuffer())).toString()).toBe(script);
  });

  it('a missing asset is 404, never index.html cached for a year', async () => {
    dist = mkdtempSync(join(tmpdir(), 'atende-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Atende</title>');
    t = await createTestApp({ env: { WEB_DIST: dist } });
    const response = await t.app.request('/assets/index-gone.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control') ?? '').not.toContain('immutable');
    expect(await response.text()).not.toContain('<title>Atende</title>');
    // Pages of the SPA still get index.html.
    expect(await (await t.app.request('/painel')).text()).toContain('<title>Atende</title>');
  });

  it('index.html carries its inline stylesheet, allowed by hash, compressed and answered 304 when unchanged', async () => {
    dist = mkdtempSync(join(tmpdir(), 'atende-dist-'));
    mkdirSync(join(dist, 'assets'));
    const css = `.topbar{display:flex}${'.x{color:red}'.repeat(200)}`;
    writeFileSync(join(dist, 'index.html'), `<!doctype html><title>Atende</title><style>${css}</style><div id="root"></div>`);
    t = await createTestApp({ env: { WEB_DIST: dist } });
    const hash = createHash('sha256').update(css).digest('base64');
    for (const path of ['/', '/index.html', '/painel']) {
      const page = await t.app.request(path, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(page.status, path).toBe(200);
      // The browser applies the style only if the CSP names its hash; nothing else inline is allowed.
      expect(page.headers.get('content-security-policy'), path).toContain(`style-src 'self' 'sha256-${hash}';`);
      expect(page.headers.get('content-security-policy')).not.toContain('unsafe-inline');
      expect(page.headers.get('content-encoding')).toBe('br');
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(brotliDecompressSync(Buffer.from(await page.arrayBuffer())).toString()).toContain(`<style>${css}</style>`);
    }
    // Revalidated on the next visit: no body until the next deploy changes the file.
    const first = await t.app.request('/painel');
    expect(await first.text()).toContain('<title>Atende</title>');
    const again = await t.app.request('/painel', { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // A new build is sent at once, with the hash of its own style.
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Atende 2</title><style>main{padding:0}</style>');
    utimesSync(join(dist, 'index.html'), new Date(), new Date(Date.now() + 5_000));
    const rebuilt = await t.app.request('/painel', { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(rebuilt.status).toBe(200);
    expect(await rebuilt.text()).toContain('Atende 2');
    expect(rebuilt.headers.get('content-security-policy')).toContain(`'sha256-${createHash('sha256').update('main{padding:0}').digest('base64')}'`);
    // API answers keep the closed policy.
    expect((await t.app.request('/healthz')).headers.get('content-security-policy')).toContain("style-src 'self';");
  });
});
