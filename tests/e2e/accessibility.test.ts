// Issue #21, item 1: axe-core inside the pane's frame on every screen and dialog, in both languages and
// both themes. One page per language × theme, one seeded workspace each; every screen's findings are
// collected and the test fails listing all of them (zero allowed).
import type { FrameLocator, Route } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Locale } from '../../addin/src/i18n/translator';
import { seedA11yWorkspace, wordsFor } from './support/a11ySeed';
import { axeFindings, describeFindings, type AxeFinding } from './support/axe';
import { participant, type PaneSession } from './support/pane';
import { usePaneSessions } from './support/paneSessions';

const { baseUrl, open } = usePaneSessions();

const variants: { lang: Locale; theme: 'light' | 'dark' }[] = [
  { lang: 'en', theme: 'light' },
  { lang: 'en', theme: 'dark' },
  { lang: 'pt-BR', theme: 'light' },
  { lang: 'pt-BR', theme: 'dark' },
];

describe.each(variants)('axe on every pane screen ($lang, $theme)', ({ lang, theme }) => {
  test('no violations', async () => {
    const t = wordsFor(lang);
    const workspace = await seedA11yWorkspace(baseUrl, lang);
    const session = await open({ tenant: workspace.tenant, message: 'msg-unknown-sender', lang, ...(theme === 'dark' ? { theme: 'dark' } : {}) });
    const { pane, page } = session;
    const findings: AxeFinding[] = [];
    const check = async (screen: string) => findings.push(...(await axeFindings(session.paneFrame(), screen)));
    const row = (role: 'from' | 'to' | 'cc', name: string) => participant(pane, `${t(`participants.role.${role}`)}: ${name}`);

    // Participants: unknown, then its two dialogs.
    await row('from', 'Sam Rivera').getByText(t('participants.status.unknown'), { exact: true }).waitFor();
    await row('from', 'Sam Rivera').getByTestId('suggestion').first().waitFor();
    await check('participants: unknown, with a suggested client');
    await pane.getByRole('button', { name: t('header.newClient'), exact: true }).click();
    const newClient = pane.getByRole('dialog', { name: t('newClient.title') });
    await newClient.waitFor();
    await check('+ New client dialog');
    await page.keyboard.press('Escape');
    await newClient.waitFor({ state: 'hidden' });

    await row('from', 'Sam Rivera').getByRole('button').filter({ hasText: t('participants.linkExisting') }).click();
    const link = pane.getByRole('dialog', { name: t('link.title') });
    await link.getByRole('searchbox').fill('souza');
    await link.getByRole('radio', { name: /Ana Souza/ }).waitFor();
    await check('link dialog (with results)');
    await page.keyboard.press('Escape');
    await link.waitFor({ state: 'hidden' });

    // Shared, known (and saved), loading, error.
    await session.select('msg-shared-family');
    await row('from', 'Okafor Family').getByText(t('participants.status.shared'), { exact: true }).waitFor();
    await check('participants: shared');

    await session.select('msg-known-client');
    const ana = row('from', 'Ana Souza');
    await ana.getByText(t('participants.status.client'), { exact: true }).waitFor();
    await check('participants: known');
    await ana.getByRole('button').filter({ hasText: t('save.action') }).click();
    await ana.getByText(t('save.saved')).waitFor();
    await check('participants: known, saved to record');

    await showLoadingThenError(session, t, check);

    // A colleague and a never-tracked sender.
    await session.select('msg-practice-team');
    await row('from', 'Dra. Paula Menezes').getByText(t('participants.status.colleague'), { exact: true }).waitFor();
    await row('cc', 'Resultados Lab Vida').getByText(t('participants.status.notTracked'), { exact: true }).waitFor();
    await check('participants: colleague and not tracked');

    // The record: Personal, its edit forms and the unlink confirmation.
    await session.select('msg-known-client');
    await ana.getByRole('button', { name: t('participants.openClient', { name: 'Ana Souza' }) }).or(ana.getByRole('link', { name: t('participants.openClient', { name: 'Ana Souza' }) })).click();
    const record = pane.getByRole('article', { name: 'Ana Souza' });
    await record.getByText('Unimed 0042').waitFor();
    await check('record: Personal');
    await record.getByRole('button').filter({ hasText: t('common.edit') }).first().click();
    await record.getByRole('textbox', { name: t('contact.phone') }).waitFor();
    await check('record: edit contact details');
    await record.getByRole('button', { name: t('common.cancel'), exact: true }).click();
    await record.getByRole('button', { name: t('customFields.newField') }).click();
    await record.getByRole('form', { name: t('customFields.newFieldTitle') }).waitFor();
    await check('record: + New field');
    await record.getByRole('button', { name: t('common.cancel'), exact: true }).click();
    await confirmationOpensAndCancels(pane, record.getByRole('button', { name: t('record.removeAddressFor', { address: 'ana.souza@example.com' }) }), t('record.removeAddressTitle'), 'confirmation: remove address', check);

    // History: the saved email, the record's events, and the remove confirmation.
    await record.getByRole('tab', { name: t('record.tab.history') }).click();
    await record.getByTestId('timeline-item').first().waitFor();
    await check('record: History');
    await confirmationOpensAndCancels(pane, record.getByRole('button', { name: t('timeline.unsave') }).first(), t('timeline.unsaveTitle'), 'confirmation: remove saved email', check);

    // Intake: the sent intake, its revoke confirmation, and the send dialog.
    await record.getByRole('tab', { name: t('record.tab.intake') }).click();
    await record.getByTestId('intake').first().waitFor();
    await check('record: Intake');
    await confirmationOpensAndCancels(pane, record.getByRole('button', { name: t('intakes.revoke') }).first(), t('intakes.revokeTitle'), 'confirmation: revoke intake', check);

    // Create from the unknown sender: the intake modal follows.
    await pane.getByRole('button', { name: t('common.back') }).click();
    await session.select('msg-unknown-sender');
    await row('from', 'Sam Rivera').getByRole('button').filter({ hasText: t('participants.newClient') }).click();
    await newClient.getByRole('button', { name: t('newClient.create'), exact: true }).click();
    // A Sam Rivera exists: the dialog warns first.
    await newClient.getByTestId('same-name').waitFor();
    await check('+ New client: same-name warning');
    await newClient.getByRole('button', { name: t('newClient.createDuplicate'), exact: true }).click();
    const intake = pane.getByRole('alertdialog', { name: t('intake.dialogTitle') });
    await intake.getByTestId('intake-subject').waitFor();
    await check('intake modal (after create)');
    await intake.getByRole('button', { name: t('intake.skip'), exact: true }).click();
    await intake.waitFor({ state: 'hidden' });
    await pane.getByRole('article', { name: 'Sam Rivera' }).first().waitFor();
    await check('record: new client');

    expect(findings, describeFindings(findings)).toEqual([]);
    expect(session.dialogs).toEqual([]);
  });
});

type Check = (screen: string) => Promise<unknown>;
type Words = ReturnType<typeof wordsFor>;

/** The skeleton while a lookup is on its way, then the error bar when it fails. */
async function showLoadingThenError(session: PaneSession, t: Words, check: Check) {
  const { page, pane } = session;
  const held: Route[] = [];
  const unavailable = { status: 503, contentType: 'application/problem+json', body: JSON.stringify({ status: 503, code: 'unavailable' }) };
  let holding = true;
  await page.route('**/api/lookup', (route) => (holding ? void held.push(route) : route.fulfill(unavailable)));
  await session.select('msg-several-recipients');
  await pane.getByRole('progressbar', { name: t('participants.loading') }).waitFor();
  await check('participants: loading');
  holding = false;
  await Promise.all(held.map((route) => route.fulfill(unavailable)));
  await pane.getByRole('button', { name: t('common.retry') }).waitFor();
  await check('participants: error');
  await page.unroute('**/api/lookup');
}

async function confirmationOpensAndCancels(pane: FrameLocator, opener: ReturnType<FrameLocator['getByRole']>, title: string, screen: string, check: Check) {
  await opener.click();
  const dialog = pane.getByRole('alertdialog', { name: title }).or(pane.getByRole('dialog', { name: title }));
  await dialog.waitFor();
  await check(screen);
  await dialog.getByRole('button', { name: /^(Cancel|Cancelar)$/ }).click();
  await dialog.waitFor({ state: 'hidden' });
}

