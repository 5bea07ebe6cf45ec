import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { inlineStylesheet, precompressAssets } from './build/first-load-plugins.js';

export default defineConfig({
  plugins: [react(), inlineStylesheet(), precompressAssets()],
  build: {
    // No inline scripts; the one inline style is allowed by its hash (inlineStylesheet, the BFF's CSP).
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // dist/.vite/manifest.json: the BFF names a lazily loaded page's chunks in the page it sends
    // (apps/bff/src/http/page-chunks.ts). Only /assets is served, so the manifest itself never is.
    manifest: true,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
