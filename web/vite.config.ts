/**
 * Vite build of the Lancaster web app (web/ → web/dist, served at / by `lancaster serve`).
 * Nothing of the server is bundled: the app imports only types of src/spec and src/contract, and
 * two display helpers of src/spec (`npm run lint:deps` checks it), and the server validates scenarios.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [react()],
  build: { outDir: here('./dist'), emptyOutDir: true, chunkSizeWarningLimit: 2000, reportCompressedSize: false },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' }, fs: { allow: [here('..')] } },
});
