import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// The UI is built once (`npm run web:build`) into dist/, which the gateway serves; no dev server is
// needed to run the system.
export default defineConfig({
  root: __dirname,
  plugins: [preact()],
  build: {
    outDir: resolve(__dirname, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  logLevel: 'warn',
});
