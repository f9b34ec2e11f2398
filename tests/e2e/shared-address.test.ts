import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { Api, participant } from './support/pane';
import { usePaneSessions } from './support/paneSessions';

const { baseUrl, open } = usePaneSessions();

test('a family address shared by two clients asks which record to open', async () => {
  const tenant = randomUUID();
  const api = await Api.forTenant(baseUrl, tenant);
  const chidi = await api.createClient({ firstName: 'Chidi', lastName: 'Okafor', email: 'okafor.family@example.org' });
  // Without allowSharedEmail the service refuses a second client on the same address.
  const refused = await api.send('POST', '/api/clients', { firstName: 'Amara', lastName: 'Okafor', email: 'okafor.family@example.org' });
  expect(refused.status).toBe(409);
  expect(await refused.json()).toMatchObject({ code: 'email-in-use', existingClientIds: [chidi.id] });
  const amara = await api.createClient({ firstName: 'Amara', lastName: 'Okafor', email: 'okafor.family@example.org', allowSharedEmail: true });

  const session = await open({ tenant, message: 'msg-shared-family' });
  const { pane } = session;
  const family = participant(pane, 'From: Okafor Family');
  await family.getByText('Shared address').waitFor();
  await family.getByText('Shared by 2 clients. Choose one:').waitFor();
  // Never a silent guess: both are offered, ordered by display name, and no create/link buttons.
  const choices = family.getByRole('button', { name: /^Open / });
  await expect.poll(() => choices.allTextContents()).toEqual(['Open Amara Okafor', 'Open Chidi Okafor']);
  expect(await family.getByRole('button', { name: /^New client: / }).count()).toBe(0);
  await session.screenshot('04-shared-address');

  await family.getByRole('button', { name: 'Open Chidi Okafor' }).click();
  const chidiRecord = pane.getByRole('article', { name: 'Chidi Okafor' });
  await chidiRecord.getByRole('heading', { name: 'Chidi Okafor' }).waitFor();
  await session.screenshot('04-shared-address-record');

  await pane.getByRole('button', { name: 'Back to people in this email' }).click();
  await participant(pane, 'From: Okafor Family').getByRole('button', { name: 'Open Amara Okafor' }).click();
  await pane.getByRole('article', { name: 'Amara Okafor' }).getByRole('heading', { name: 'Amara Okafor' }).waitFor();
  expect((await api.getClient(amara.id)).email).toBe('okafor.family@example.org');
});
