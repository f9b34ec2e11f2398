import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { Api, participant } from './support/pane';
import { usePaneSessions } from './support/paneSessions';

const { baseUrl, open } = usePaneSessions();

test('links a secondary email, then recognises mail from that address as the client', async () => {
  const tenant = randomUUID();
  const api = await Api.forTenant(baseUrl, tenant);
  const ana = await api.createClient({ firstName: 'Ana', lastName: 'Souza', email: 'ana.personal@example.net' });

  const session = await open({ tenant, message: 'msg-known-client' });
  const { pane } = session;
  const from = participant(pane, 'From: Ana Souza');
  await from.getByText('Not a client yet').waitFor();

  await from.getByRole('button', { name: 'Link to existing client: ana.souza@example.com' }).click();
  const dialog = pane.getByRole('dialog', { name: 'Link to existing client' });
  await dialog.getByRole('searchbox', { name: 'Search clients' }).pressSequentially('souza', { delay: 40 });
  await dialog.getByRole('radio', { name: /Ana Souza/ }).check();
  await dialog.getByRole('radio', { name: 'Secondary email' }).check();
  const label = dialog.getByRole('textbox', { name: 'Field label' });
  expect(await label.inputValue()).toBe('Secondary email');
  await session.screenshot('03-link-secondary-dialog');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await from.getByRole('button', { name: 'Open Ana Souza' }).waitFor();
  await from.getByText('Identified by Secondary email').waitFor();

  // Another message from the same address (in Cc, upper-case there) is recognised by the service.
  await session.select('msg-several-recipients');
  const cc = participant(pane, 'Cc: Souza, Ana');
  await cc.getByText('Client', { exact: true }).waitFor();
  await cc.getByRole('button', { name: 'Open Ana Souza' }).waitFor();
  await cc.getByText('Identified by Secondary email').waitFor();
  await session.screenshot('03-link-secondary-other-message');

  // The record shows the address in the "Secondary email" custom field, primary unchanged.
  await cc.getByRole('button', { name: 'Open Ana Souza' }).click();
  const record = pane.getByRole('article', { name: 'Ana Souza' });
  const addresses = record.getByRole('list', { name: 'Email addresses' });
  await addresses.getByRole('listitem').filter({ hasText: 'ana.personal@example.net' }).getByText('Primary').waitFor();
  await addresses.getByRole('listitem').filter({ hasText: 'ana.souza@example.com' }).getByText('Secondary email').waitFor();
  const customFields = record.getByRole('region', { name: 'Custom fields' });
  const row = customFields.getByRole('listitem').filter({ hasText: 'Secondary email' });
  await row.getByText('ana.souza@example.com').waitFor();
  await row.getByRole('button', { name: 'Edit Secondary email' }).waitFor();
  await session.screenshot('03-link-secondary-record');

  const stored = await api.getClient(ana.id);
  expect(stored.email).toBe('ana.personal@example.net');
  expect(stored.fields).toEqual([expect.objectContaining({ label: 'Secondary email', type: 'email', value: 'ana.souza@example.com' })]);

  // A fresh pane (reload) recognises the original message's sender too.
  await session.page.reload();
  await session.select('msg-known-client');
  await participant(pane, 'From: Ana Souza').getByRole('button', { name: 'Open Ana Souza' }).waitFor();
});
