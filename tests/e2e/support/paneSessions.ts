// The hooks every end-to-end file needs: one Chromium for the file, each test's pane closed after it.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { launchBrowser, openPane, type PaneSession, type PreviewOptions } from './pane';

export interface PaneSessions {
  /** The service every test talks to (started once by globalSetup). */
  baseUrl: string;
  /** Opens the preview with the pane in a fresh browser context; closed after the test. */
  open(options?: PreviewOptions): Promise<PaneSession>;
}

/** Call once at the top of a test file: registers its hooks. */
export function usePaneSessions(): PaneSessions {
  const baseUrl = inject('baseUrl');
  let browser: Browser | undefined;
  let current: PaneSession | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  afterAll(async () => {
    await browser?.close();
  });

  return {
    baseUrl,
    async open(options = {}) {
      if (!browser) throw new Error('The browser is not launched yet: open panes inside tests.');
      await current?.close();
      current = await openPane(browser, baseUrl, options);
      return current;
    },
  };
}
