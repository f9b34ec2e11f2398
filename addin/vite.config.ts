import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import griffel from '@griffel/vite-plugin';
import { resolve } from 'node:path';

const page = (name: string) => resolve(import.meta.dirname, `${name}.html`);

// Two builds into one dist: the task pane (with its sign-in dialog) and, with `--mode preview-page`,
// the browser preview of Outlook (and its bare variant for bench/pane-load.mjs). Built together, the chunks they share pulled preview-only code into
// the task pane's first JavaScript.
export default defineConfig(({ command, mode }) => {
  // Save on send's OnMessageSend handler: one classic script (classic Outlook on Windows runs it without
  // a page, and without module support), never part of the pane's first paint. send-event.html (public/) loads it.
  if (mode === 'send-event') {
    return {
      publicDir: false,
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        lib: { entry: resolve(import.meta.dirname, 'src/sendEvent/main.ts'), formats: ['iife'], name: 'OutlookCrmSendEvent', fileName: () => 'send-event.js' },
      },
    };
  }
  const previewPage = mode === 'preview-page';
  return {
    base: '/',
    // Griffel's build-time transform turns makeStyles into ready class names: the pane ships no CSS-in-JS
    // compiler (stylis, rtl-css-js) and computes no styles on its first render.
    plugins: [react(), command === 'build' && griffel()],
    build: {
      outDir: 'dist',
      emptyOutDir: !previewPage,
      // Read by scripts/bundle-size.mjs: which chunks the task pane loads before its first paint.
      manifest: !previewPage,
      // Every host the pane runs in (Edge WebView2, Safari 17+ on Mac and iOS, Chromium) preloads modules itself.
      modulePreload: { polyfill: false },
      rollupOptions: {
        input: previewPage ? { preview: page('preview'), 'preview-bare': page('preview-bare') } : { taskpane: page('taskpane'), 'auth-dialog': page('auth-dialog') },
        // Every preview file is named preview…: outside Development the service serves none of them (PaneHosting).
        output: previewPage ? { chunkFileNames: 'assets/preview-[name]-[hash].js' } : {},
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
  };
});
