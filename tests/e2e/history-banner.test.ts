import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { Api, participant } from './support/pane';
import { usePaneSessions } from './support/paneSessions';

const { baseUrl, open } = usePaneSessions();

test('the History tab warns when mailbox emails are unavailable and still shows the record events', async () => {
  const tenant = randomUUID();
  const api = await Api.forTenant(baseUrl, tenant);
  await api.createClient({ firstName: 'Ana', lastName: 'Souza', email: 'ana.souza@example.com' });
  const session = await open({ tenant, message: 'msg-known-client' });
  const { pane, page } = session;

  let intercepted = 0;
  await page.route(/\/api\/clients\/[^/]+\/history/, async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { sources: { mailbox: string } };
    body.sources.mailbox = 'unavailable';
    intercepted++;
    await route.fulfill({ response, json: body });
  });

  await participant(pane, 'From: Ana Souza').getByRole('button', { name: 'Open Ana Souza' }).click();
  const record = pane.getByRole('article', { name: 'Ana Souza' });
  await record.getByRole('tab', { name: 'History' }).click();
  await record.getByText('Emails from your mailbox could not be loaded right now; showing saved emails and record events.').waitFor();
  await record.getByText('Record created').waitFor();
  await session.screenshot('12-history-mailbox-unavailable');
  expect(intercepted).toBe(1);

  // Retry asks again; with the route gone the service's own answer (Development: not connected) shows.
  await page.unroute(/\/api\/clients\/[^/]+\/history/);
  await record.getByRole('button', { name: 'Retry' }).click();
  await record.getByText(/Emails from your mailbox appear here when you are signed in with Microsoft 365/).waitFor();
  expect(await record.getByText(/could not be loaded right now/).count()).toBe(0);
});
