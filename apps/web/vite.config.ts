import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompressAssets, stylesheetFirst } from './build/first-load-plugins.js';

export default defineConfig({
  plugins: [react(), stylesheetFirst(), precompressAssets()],
  build: {
    // No inline scripts or styles: the BFF's CSP allows only files from this origin.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
