import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * Vite writes the stylesheet link after the entry script and its modulepreload links. The stylesheet is
 * the one file the first paint waits for (the shell in index.html needs it; scripts do not block it),
 * and a browser on HTTP/1.1 fetches six files at a time, in document order: the stylesheet queued
 * behind the scripts. Put first, it is fetched first and the shell paints while the scripts download.
 */
export function stylesheetFirst(): Plugin {
  return {
    name: 'atende:stylesheet-first',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const links = html.match(/[ \t]*<link rel="stylesheet"[^>]*>\n?/g) ?? [];
        if (links.length === 0) return html;
        let rest = html;
        for (const link of links) rest = rest.replace(link, '');
        const firstScript = rest.search(/[ \t]*<script type="module"/);
        if (firstScript === -1) return html;
        return rest.slice(0, firstScript) + links.map((l) => (l.endsWith('\n') ? l : `${l}\n`)).join('') + rest.slice(firstScript);
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
