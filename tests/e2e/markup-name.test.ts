import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { Api, participant } from './support/pane';
import { usePaneSessions } from './support/paneSessions';

const { baseUrl, open } = usePaneSessions();
const markup = '<img src=x onerror=alert(1)>';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('a sender display name made of markup is shown as text and never runs', async () => {
  const tenant = randomUUID();
  const session = await open({ tenant, message: 'msg-markup-name' });
  const { page, pane } = session;
  const failedImages: string[] = [];
  page.on('requestfailed', (request) => request.resourceType() === 'image' && failedImages.push(request.url()));

  const sender = participant(pane, `From: ${markup}`);
  await sender.getByText(markup, { exact: true }).waitFor();
  await sender.getByText('markup.test@example.org').waitFor();
  await session.screenshot('07-markup-name');

  const countImages = () => session.paneFrame().evaluate(() => document.querySelectorAll('img').length);
  expect(await countImages()).toBe(0);

  // Create a client from it: the name goes through the form and the record as text too.
  await sender.getByRole('button', { name: 'New client: markup.test@example.org' }).click();
  const dialog = pane.getByRole('dialog', { name: 'New client' });
  await expect.poll(() => dialog.getByLabel('First name').inputValue()).toBe('<img');
  expect(await dialog.getByLabel('Last name').inputValue()).toBe('src=x onerror=alert(1)>');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  // The intake step follows every create; these tests skip it (intake.test.ts sends it).
  const intakeStep = pane.getByRole('alertdialog', { name: 'Send an intake form' });
  await intakeStep.getByRole('button', { name: 'Skip', exact: true }).click();
  await intakeStep.waitFor({ state: 'hidden' });
  const record = pane.getByRole('article', { name: markup });
  await record.getByRole('heading', { name: markup, level: 2 }).waitFor();
  await session.screenshot('07-markup-name-record');

  const api = await Api.forTenant(baseUrl, tenant);
  const [result] = (await api.lookup(['markup.test@example.org'])).results;
  expect(result.matches.map((m) => m.displayName)).toEqual([markup]);

  await pane.getByRole('button', { name: 'Back to people in this email' }).click();
  await participant(pane, `From: ${markup}`).getByRole('button', { name: `Open ${markup}` }).waitFor();

  await sleep(300); // an onerror handler would have fired by now
  expect(await countImages()).toBe(0);
  expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
  expect(failedImages).toEqual([]);
  expect(session.dialogs).toEqual([]);
});
