import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      input: {
        taskpane: resolve(import.meta.dirname, 'taskpane.html'),
        preview: resolve(import.meta.dirname, 'preview.html'),
        'auth-dialog': resolve(import.meta.dirname, 'auth-dialog.html'),
      },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // A guard against hangs, not a speed check: a jsdom render of the whole pane passed vitest's
    // default 5 s on a 2-core machine busy with other builds.
    testTimeout: 30_000,
  },
});
