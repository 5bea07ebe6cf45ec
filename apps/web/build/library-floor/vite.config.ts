import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** `vite build --config build/library-floor/vite.config.ts` (from apps/web): the floor, into a temporary directory. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  logLevel: 'warn',
  build: { outDir: process.env.LIBRARY_FLOOR_OUT ?? 'dist', emptyOutDir: true, modulePreload: { polyfill: false } },
});
