/**
 * The dashboard's web app. `vite build -c web/vite.config.ts` (from apps/dashboard) writes
 * dist/web, which the server serves at `/`. For development, `LOOPSWEEP_API=http://127.0.0.1:PORT
 * vite -c web/vite.config.ts` proxies /api to a running `sweep dashboard`.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const api = process.env['LOOPSWEEP_API'];

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Charts are most of the bytes; the sweeps list should not wait for them.
    chunkSizeWarningLimit: 900,
    reportCompressedSize: true,
  },
  server: api ? { proxy: { '/api': { target: api, changeOrigin: false } } } : {},
});
