import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launchBrowser, openPane, type PaneSession } from './support/pane';

const baseUrl = inject('baseUrl');
let browser: Browser;
let session: PaneSession | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await session?.close();
  await browser?.close();
});

test('no item selected shows the calm empty state, not an error', async () => {
  session = await openPane(browser, baseUrl, { message: 'none', waitFor: 'frame' });
  const { pane } = session;

  await pane.getByRole('status').filter({ hasText: "Select a message to see who it's from" }).waitFor();
  await session.screenshot('08-empty-state');

  expect(await pane.getByText("That didn't work").count()).toBe(0);
  expect(await pane.getByRole('button', { name: 'Retry' }).count()).toBe(0);
  expect(await pane.getByTestId('participant').count()).toBe(0);
  // The header stays usable.
  await expect.poll(() => pane.getByRole('button', { name: '+ New client' }).isEnabled()).toBe(true);

  // Selecting a message afterwards brings its people in; deselecting goes back to calm.
  await session.select('msg-unknown-sender');
  await pane.getByRole('listitem', { name: 'From: Sam Rivera' }).waitFor();
  await session.select(null);
  await pane.getByText("Select a message to see who it's from").waitFor();
  expect(await pane.getByTestId('participant').count()).toBe(0);
  expect(session.dialogs).toEqual([]);
});
