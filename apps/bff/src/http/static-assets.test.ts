import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
});
