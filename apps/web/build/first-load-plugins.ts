import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * The stylesheet goes into index.html as a `<style>` element instead of a `<link>`. It is the one file
 * the first paint waits for (the shell in index.html needs it; module scripts do not block it): inline,
 * the shell paints as soon as the HTML arrives, one round trip instead of two, whatever order the phone
 * fetches the scripts in. It is 4 KB gzipped, and index.html is sent compressed and revalidated by ETag.
 * The BFF allows this one element by its hash in the CSP (apps/bff/src/http/spa-index.ts), so
 * `style-src` stays closed to any other inline style. The .css file is still written (nothing links it).
 */
export function inlineStylesheet(): Plugin {
  return {
    name: 'atende:inline-stylesheet',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        return html.replace(/[ \t]*<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>\n?/g, (link, fileName: string) => {
          const asset = context.bundle?.[fileName];
          if (!asset || asset.type !== 'asset') throw new Error(`inline-stylesheet: ${fileName} is not in the bundle`);
          const css = typeof asset.source === 'string' ? asset.source : Buffer.from(asset.source).toString('utf8');
          // The CSP hash covers the element's text exactly; a "</style" inside would end it early.
          if (/<\/style/i.test(css)) throw new Error(`inline-stylesheet: ${fileName} contains "</style"`);
          return `    <style>${css.trim()}</style>\n`;
        });
      },
    },
  };
}

const COMPRESSIBLE = /\.(js|css|svg|json|txt)$/;

/**
 * Writes `.br` and `.gz` beside each text asset, compressed once at their best levels, so the BFF sends
 * them as they are (serveStatic's `precompressed`) instead of gzipping the same bytes on every request:
 * no compression CPU on the server, and brotli's smaller files for every browser that accepts it.
 */
export function precompressAssets(): Plugin {
  let outDir = 'dist';
  return {
    name: 'atende:precompress-assets',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      const assets = join(outDir, 'assets');
      for (const name of readdirSync(assets)) {
        if (!COMPRESSIBLE.test(name)) continue;
        const content = readFileSync(join(assets, name));
        writeFileSync(join(assets, `${name}.br`), brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }));
        writeFileSync(join(assets, `${name}.gz`), gzipSync(content, { level: 9 }));
      }
    },
  };
}
