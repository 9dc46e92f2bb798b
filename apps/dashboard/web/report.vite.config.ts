/**
 * The report's chart module for the server (src/report/charts.ts): web/src/report/report-charts.ts
 * and ECharts bundled into one ESM file for Node, dist/report-charts/report-charts.js.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Bundle ECharts (a devDependency, like the web app's) rather than import it at run time.
  ssr: { noExternal: true },
  build: {
    ssr: fileURLToPath(new URL('src/report/report-charts.ts', import.meta.url)),
    outDir: fileURLToPath(new URL('../dist/report-charts', import.meta.url)),
    emptyOutDir: true,
    target: 'node20',
    minify: true,
    rollupOptions: { output: { format: 'es', entryFileNames: 'report-charts.js' } },
  },
});
