import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { Api, participant } from './support/pane';
import { usePaneSessions } from './support/paneSessions';

const { baseUrl, open } = usePaneSessions();

test('a save that conflicts with a change made meanwhile explains it and reloads the record with that change', async () => {
  const tenant = randomUUID();
  const api = await Api.forTenant(baseUrl, tenant);
  const sam = await api.createClient({ firstName: 'Sam', lastName: 'Rivera', email: 'sam.rivera@example.com' });

  const session = await open({ tenant, message: 'msg-unknown-sender' });
  const { pane } = session;
  await participant(pane, 'From: Sam Rivera').getByRole('button', { name: 'Open Sam Rivera' }).click();
  // The record's accessible name is its display name, which the other change renames.
  const record = pane.getByRole('article');
  await record.getByRole('heading', { name: 'Sam Rivera', level: 2 }).waitFor();
  const contact = record.getByRole('region', { name: 'Contact details' });
  await contact.getByRole('button', { name: 'Edit contact details' }).click();
  await contact.getByRole('textbox', { name: 'Phone' }).fill('+1 555 0100');

  // Meanwhile a colleague changes the preferred name (with the version they read).
  const current = await api.getClient(sam.id);
  const changed = await api.patchClient(sam.id, { preferredName: 'Sammy' }, current.version);
  expect(changed.version).not.toBe(current.version);

  await contact.getByRole('button', { name: 'Save', exact: true }).click();
  await contact
    .getByText('Someone else changed this record while you were editing. It has been reloaded with their changes; your edits are still in the form — check them and save again.')
    .waitFor();
  // The record is reloaded with the other change; the user's edit is kept in the form.
  await record.getByRole('heading', { name: 'Sammy Rivera', level: 2 }).waitFor();
  await expect.poll(() => contact.getByRole('textbox', { name: 'Preferred name' }).inputValue()).toBe('Sammy');
  expect(await contact.getByRole('textbox', { name: 'Phone' }).inputValue()).toBe('+1 555 0100');
  expect((await api.getClient(sam.id)).phone).toBeNull();
  await session.screenshot('06-conflict');

  // Saving again stores the user's change without undoing the colleague's.
  await contact.getByRole('button', { name: 'Save', exact: true }).click();
  await contact.getByRole('button', { name: 'Edit contact details' }).waitFor();
  await contact.getByText('+1 555 0100').waitFor();
  const stored = await api.getClient(sam.id);
  expect(stored).toMatchObject({ preferredName: 'Sammy', phone: '+1 555 0100', firstName: 'Sam' });
  await session.screenshot('06-conflict-saved');
});
