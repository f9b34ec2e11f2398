import { expect, test } from 'vitest';
import { participant } from './support/pane';
import { usePaneSessions } from './support/paneSessions';

const { open } = usePaneSessions();

const unavailable = {
  status: 503,
  headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '5' },
  body: JSON.stringify({
    type: 'https://outlookcrm.example/problems/unavailable',
    title: 'English title the pane must not show',
    status: 503,
    code: 'unavailable',
  }),
};

test('a 503 from lookup shows a message bar whose Retry works once the service is back', async () => {
  const session = await open({ message: 'msg-unknown-sender', waitFor: 'frame' });
  const { page, pane } = session;
  // Break lookups from now on; reload the pane so its first lookup fails.
  let failures = 0;
  await page.route('**/api/lookup', (route) => {
    failures++;
    return route.fulfill(unavailable);
  });
  await page.reload();

  const alert = pane.getByText("That didn't work");
  await alert.waitFor();
  await pane.getByText('The service is temporarily unavailable. Retry in a moment.').waitFor();
  expect(await pane.getByText('English title the pane must not show').count()).toBe(0);
  expect(await pane.getByTestId('participant').count()).toBe(0);
  await session.screenshot('10-lookup-503');

  // Still failing: Retry asks again and keeps explaining.
  const before = failures;
  await pane.getByRole('button', { name: 'Retry' }).click();
  await expect.poll(() => failures).toBe(before + 1);
  await pane.getByText('The service is temporarily unavailable. Retry in a moment.').waitFor();

  // The service is back.
  await page.unroute('**/api/lookup');
  await pane.getByRole('button', { name: 'Retry' }).click();
  await participant(pane, 'From: Sam Rivera').getByText('Not a client yet').waitFor();
  expect(await alert.count()).toBe(0);
  await session.screenshot('10-lookup-recovered');
});

test('an unreachable service (network failure) says so and recovers with Retry', async () => {
  const session = await open({ message: 'msg-shared-family', waitFor: 'frame' });
  const { page, pane } = session;
  await page.route('**/api/lookup', (route) => route.abort('internetdisconnected'));
  await page.reload();

  await pane.getByText("You seem to be offline or the service can't be reached. Check your connection and retry.").waitFor();
  await session.screenshot('10-lookup-offline');

  await page.unroute('**/api/lookup');
  await pane.getByRole('button', { name: 'Retry' }).click();
  await participant(pane, 'From: Okafor Family').waitFor();
  expect(await pane.getByText("That didn't work").count()).toBe(0);
  expect(session.dialogs).toEqual([]);
});

test('a 429 from lookup asks to wait a moment, and Retry works afterwards', async () => {
  const session = await open({ message: 'msg-unknown-sender', waitFor: 'frame' });
  const { page, pane } = session;
  await page.route('**/api/lookup', (route) =>
    route.fulfill({
      status: 429,
      headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '1' },
      body: JSON.stringify({ title: 'Too many requests.', status: 429, code: 'too-many-requests' }),
    }),
  );
  await page.reload();

  await pane.getByText('Too many requests in a short time. Wait a few seconds and retry.').waitFor();
  expect(await pane.getByText('Something unexpected happened. Retry.').count()).toBe(0);
  await session.screenshot('10-lookup-429');

  await page.unroute('**/api/lookup');
  await pane.getByRole('button', { name: 'Retry' }).click();
  await participant(pane, 'From: Sam Rivera').waitFor();
});
