import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
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
