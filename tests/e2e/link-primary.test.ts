import { expect, test } from 'vitest';
import { Api, participant } from './support/pane';
import { usePaneSessions } from './support/paneSessions';
import { randomUUID } from 'node:crypto';

const { baseUrl, open } = usePaneSessions();

test('links an unknown sender as primary email of an existing client found by searching as you type', async () => {
  const tenant = randomUUID();
  const api = await Api.forTenant(baseUrl, tenant);
  const rita = await api.createClient({ firstName: 'Rita', lastName: 'Moreno' });
  await api.createClient({ firstName: 'Carla', lastName: 'Dias' });
  await api.createClient({ firstName: 'Mora', lastName: 'Quintela', email: 'mora.q@example.net' });

  const session = await open({ tenant, message: 'msg-unknown-sender' });
  const { pane } = session;
  const sam = participant(pane, 'From: Sam Rivera');
  await sam.getByText('Not a client yet').waitFor();

  await sam.getByRole('button', { name: 'Link to existing client: sam.rivera@example.com' }).click();
  const dialog = pane.getByRole('dialog', { name: 'Link to existing client' });
  await dialog.getByText('Address: sam.rivera@example.com').waitFor();

  // Search as you type: "mor" matches Rita Moreno by last name and Mora Quintela by first name.
  await dialog.getByRole('searchbox', { name: 'Search clients' }).pressSequentially('mor', { delay: 60 });
  await dialog.getByRole('radiogroup', { name: 'Choose the client (2 found)' }).waitFor();
  expect(await dialog.getByRole('radio', { name: /Carla Dias/ }).count()).toBe(0);
  // Narrowing the search keeps up with the typing.
  await dialog.getByRole('searchbox', { name: 'Search clients' }).pressSequentially('eno', { delay: 60 });
  await dialog.getByRole('radiogroup', { name: 'Choose the client (1 found)' }).waitFor();
  await dialog.getByRole('radio', { name: 'Rita Moreno' }).check();
  expect(await dialog.getByRole('radio', { name: 'Primary email' }).isChecked()).toBe(true);
  await session.screenshot('02-link-primary-dialog');

  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });

  // The participant turns into that client at once...
  await sam.getByText('Client', { exact: true }).waitFor();
  await sam.getByRole('button', { name: 'Open Rita Moreno' }).waitFor();
  await session.screenshot('02-link-primary-linked');
  // ...and the service stored the address as Rita's primary email.
  const stored = await api.getClient(rita.id);
  expect(stored.email).toBe('sam.rivera@example.com');
  expect(stored.emails).toEqual([expect.objectContaining({ address: 'sam.rivera@example.com', kind: 'primary' })]);

  // Opening the record from the row shows the new primary address.
  await sam.getByRole('button', { name: 'Open Rita Moreno' }).click();
  const record = pane.getByRole('article', { name: 'Rita Moreno' });
  await record.getByRole('list', { name: 'Email addresses' }).getByText('sam.rivera@example.com').waitFor();
  await record.getByRole('region', { name: 'Contact details' }).getByText('sam.rivera@example.com').waitFor();
});

test('asks before replacing a primary email, and keeps the old one as secondary when asked to', async () => {
  const tenant = randomUUID();
  const api = await Api.forTenant(baseUrl, tenant);
  const paula = await api.createClient({ firstName: 'Paula', lastName: 'Lima', email: 'paula.old@example.net' });

  const session = await open({ tenant, message: 'msg-unknown-sender' });
  const { pane } = session;
  const sam = participant(pane, 'From: Sam Rivera');
  await sam.getByRole('button', { name: 'Link to existing client: sam.rivera@example.com' }).click();
  const dialog = pane.getByRole('dialog', { name: 'Link to existing client' });
  await dialog.getByRole('searchbox', { name: 'Search clients' }).fill('paula');
  await dialog.getByRole('radio', { name: /Paula Lima/ }).check();
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();

  // Nothing is saved yet: the pane asks first.
  await dialog.getByText('Paula Lima already has paula.old@example.net as primary email. Replace it?').waitFor();
  const keepOld = dialog.getByRole('checkbox', { name: 'Keep the old one as a secondary email' });
  expect(await keepOld.isChecked()).toBe(true);
  await session.screenshot('02-link-primary-replace-confirmation');
  expect((await api.getClient(paula.id)).email).toBe('paula.old@example.net');

  await dialog.getByRole('button', { name: 'Replace and save' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await sam.getByRole('button', { name: 'Open Paula Lima' }).waitFor();

  const stored = await api.getClient(paula.id);
  expect(stored.email).toBe('sam.rivera@example.com');
  expect(stored.emails).toEqual([
    expect.objectContaining({ address: 'sam.rivera@example.com', kind: 'primary' }),
    expect.objectContaining({ address: 'paula.old@example.net', kind: 'field', label: 'Secondary email' }),
  ]);
  // Both addresses are recognised as Paula.
  const { results } = await api.lookup(['sam.rivera@example.com', 'PAULA.OLD@example.net']);
  expect(results.map((r) => r.matches.map((m) => m.displayName))).toEqual([['Paula Lima'], ['Paula Lima']]);
});
