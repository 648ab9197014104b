/**
 * Vite build of the Lancaster web app (web/ → web/dist, served at / by `lancaster serve`).
 * The scenario parser of the CLI (src/scenario/parse.ts, zod + yaml) is bundled as is for live
 * in-browser validation; its one Node import (node:fs, for reading files) is shimmed.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [react()],
  resolve: { alias: { 'node:fs': here('./src/shims/fs.ts') } },
  build: { outDir: here('./dist'), emptyOutDir: true, chunkSizeWarningLimit: 2000, reportCompressedSize: false },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' }, fs: { allow: [here('..')] } },
});
