import { expect, test } from 'vitest';
import { Api, participant } from './support/pane';
import { usePaneSessions } from './support/paneSessions';

const { baseUrl, open } = usePaneSessions();

test('creates a client from a To recipient (not the sender), prefilled from the email', async () => {
  const session = await open({ message: 'msg-several-recipients' });
  const { pane } = session;

  // Everyone but the signed-in user (To and Cc, any case) is listed; the X.500 address cannot be matched.
  await expect.poll(() => pane.getByTestId('participant').count()).toBe(5);
  await participant(pane, 'From: Lena Fischer').waitFor();
  await participant(pane, 'To: Marco Bianchi').waitFor();
  await participant(pane, 'Cc: Okafor Family').waitFor();
  await participant(pane, 'Cc: Souza, Ana').waitFor();
  await participant(pane, 'Cc: Old Distribution List').getByText('Not an email address we can match').waitFor();
  await session.screenshot('01-create-client-participants');
  // The row recorder other tests rely on for "never shown" assertions does see rows.
  expect(await session.participantsEverShown()).toContain('To: Marco Bianchi');

  await pane.getByRole('button', { name: 'New client…', exact: true }).click();
  const dialog = pane.getByRole('dialog', { name: 'New client' });
  await dialog.waitFor();
  // The sender is preselected.
  await expect.poll(() => dialog.getByLabel('First name').inputValue()).toBe('Lena');

  await dialog.getByRole('radio', { name: 'Marco Bianchi · To · marco.bianchi@example.org' }).check();
  await expect.poll(() => dialog.getByLabel('First name').inputValue()).toBe('Marco');
  expect(await dialog.getByLabel('Last name').inputValue()).toBe('Bianchi');
  expect(await dialog.getByLabel('Email').inputValue()).toBe('marco.bianchi@example.org');
  await session.screenshot('01-create-client-dialog');

  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  // The intake step follows every create; these tests skip it (intake.test.ts sends it).
  const intakeStep = pane.getByRole('alertdialog', { name: 'Send an intake form' });
  await intakeStep.getByRole('button', { name: 'Skip', exact: true }).click();
  await intakeStep.waitFor({ state: 'hidden' });

  // The new record opens.
  const record = pane.getByRole('article', { name: 'Marco Bianchi' });
  await record.getByRole('heading', { name: 'Marco Bianchi', level: 2 }).waitFor();
  await record.getByRole('list', { name: 'Email addresses' }).getByText('marco.bianchi@example.org').waitFor();
  await record.getByRole('tab', { name: 'Personal', selected: true }).waitFor();
  await session.screenshot('01-create-client-record');

  // It is really stored, once, with the split name.
  const api = await Api.forTenant(baseUrl, session.tenant);
  const [result] = (await api.lookup(['marco.bianchi@example.org'])).results;
  expect(result.matches).toHaveLength(1);
  const stored = await api.getClient(result.matches[0].clientId);
  expect(stored).toMatchObject({ firstName: 'Marco', lastName: 'Bianchi', email: 'marco.bianchi@example.org' });

  // Back to the people of the email: the recipient is now a client, the sender still is not.
  await pane.getByRole('button', { name: 'Back to people in this email' }).click();
  const marco = participant(pane, 'To: Marco Bianchi');
  await marco.getByText('Client', { exact: true }).waitFor();
  await marco.getByRole('button', { name: 'Open Marco Bianchi' }).waitFor();
  await participant(pane, 'From: Lena Fischer').getByText('Not a client yet').waitFor();
  await session.screenshot('01-create-client-back-to-participants');

  // And the pane's "client" state is the service's truth: a fresh load shows the same.
  await session.page.reload();
  await participant(pane, 'To: Marco Bianchi').getByRole('button', { name: 'Open Marco Bianchi' }).waitFor();
});
