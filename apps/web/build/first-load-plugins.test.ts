import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { inlineStylesheet, precompressAssets } from './first-load-plugins.js';

type Hook = (...args: unknown[]) => unknown;
const hook = (value: unknown): Hook => (typeof value === 'function' ? value : (value as { handler: Hook }).handler) as Hook;

const builtHtml = `<!doctype html>
<html lang="pt-BR">
  <head>
    <title>Atende</title>
    <script type="module" crossorigin src="/assets/index-a.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/i18n-b.js">
    <link rel="stylesheet" crossorigin href="/assets/index-c.css">
  </head>
  <body><div id="root"></div></body>
</html>`;

describe('the web build', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('puts the stylesheet into index.html, so the first paint waits for no second file', () => {
    const css = ':root{--brand:#0b5cad}.topbar{display:flex}\n';
    const bundle = { 'assets/index-c.css': { type: 'asset', fileName: 'assets/index-c.css', source: css } };
    const html = hook(inlineStylesheet().transformIndexHtml)(builtHtml, { bundle }) as string;
    expect(html).toContain('<style>:root{--brand:#0b5cad}.topbar{display:flex}</style>');
    expect(html).not.toContain('index-c.css');
    expect(html.match(/<link|<script/g)).toHaveLength(2);
  });

  it('refuses a stylesheet that would end its <style> element early', () => {
    const bundle = { 'assets/index-c.css': { type: 'asset', fileName: 'assets/index-c.css', source: 'a::after{content:"</style>"}' } };
    expect(() => hook(inlineStylesheet().transformIndexHtml)(builtHtml, { bundle })).toThrow(/<\/style/);
  });

  it('writes a brotli and a gzip copy of each text asset, the same bytes once decoded', () => {
    dir = mkdtempSync(join(tmpdir(), 'atende-web-dist-'));
    mkdirSync(join(dir, 'dist', 'assets'), { recursive: true });
    const script = `export const t = ${JSON.stringify('chamado '.repeat(500))};`;
    writeFileSync(join(dir, 'dist', 'assets', 'index-a.js'), script);
    writeFileSync(join(dir, 'dist', 'assets', 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const plugin = precompressAssets();
    hook(plugin.configResolved)({ root: dir, build: { outDir: 'dist' } });
    hook(plugin.closeBundle)();
    const assets = join(dir, 'dist', 'assets');
    expect(brotliDecompressSync(readFileSync(join(assets, 'index-a.js.br'))).toString()).toBe(script);
    expect(gunzipSync(readFileSync(join(assets, 'index-a.js.gz'))).toString()).toBe(script);
    expect(() => readFileSync(join(assets, 'photo.png.br'))).toThrow();
  });
});
