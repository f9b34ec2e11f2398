// Issue #21, item 4: the public intake form (served by the service, no script) passes axe, labels every
// field, is filled in and sent with the keyboard alone, and on a refused send puts focus on a summary that
// is read out and links to each field, whose message sits next to it (aria-invalid, aria-describedby);
// in English and Portuguese, light and dark.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { axeFindings, describeFindings } from './support/axe';
import { Api, launchBrowser, outbox } from './support/pane';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const words = {
  en: { fullName: 'Full name', reason: 'What would you like help with?', yes: 'Yes', submit: 'Send my answers', thanks: 'Thank you', required: 'This answer is required.', error: /^Error: / },
  'pt-BR': { fullName: 'Nome completo', reason: 'Em que podemos ajudar?', yes: 'Sim', submit: 'Enviar minhas respostas', thanks: 'Obrigado', required: 'Esta resposta é obrigatória.', error: /^Erro: / },
} as const;

/** A fresh client's intake link, sent in `language`, from the development outbox. */
async function intakeLink(language: 'en' | 'pt-BR') {
  const api = await Api.forTenant(baseUrl, randomUUID());
  const address = `intake.${randomUUID().slice(0, 8)}@example.com`;
  const client = await api.createClient({ firstName: 'Iolanda', lastName: 'Saraiva', email: address });
  const sent = await api.send('POST', `/api/clients/${client.id}/intakes`, { language });
  expect(sent.status).toBe(201);
  const email = (await outbox(api)).find((m) => m.to === address);
  if (!email) throw new Error('The intake email is not in the outbox.');
  return email.link;
}

/** Every form control and how it is named: its <label>, or its group's <legend> for choices. */
const unlabelled = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>('form input:not([type="hidden"]), form textarea, form select')]
      .filter((control) => !control.labels?.length || !control.labels[0].innerText.trim())
      .map((control) => control.id || control.name),
  );

/** Tab until the focused element matches; each stop must show the page's focus outline. */
async function tabTo(page: Page, matches: (el: { tag: string; type: string; label: string }) => boolean) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement;
      const style = getComputedStyle(el);
      return { tag: el.tagName.toLowerCase(), type: el.type ?? '', label: (el.labels?.[0]?.innerText ?? el.innerText ?? '').trim(), outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 };
    });
    expect(focused.outline, `no focus outline on ${focused.tag} "${focused.label}"`).toBe(true);
    if (matches(focused)) return;
  }
  throw new Error('Tab never reached the field.');
}

describe.each([
  { lang: 'en', theme: 'light' },
  { lang: 'en', theme: 'dark' },
  { lang: 'pt-BR', theme: 'light' },
  { lang: 'pt-BR', theme: 'dark' },
] as const)('the public intake form ($lang, $theme)', ({ lang, theme }) => {
  test('passes axe, labels every field, tells errors next to them and takes the answers by keyboard', async () => {
    const w = words[lang];
    const context = await browser.newContext({ colorScheme: theme, viewport: { width: 800, height: 900 } });
    context.setDefaultTimeout(10_000);
    try {
      const page = await context.newPage();
      await page.goto(await intakeLink(lang));
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      const findings = await axeFindings(page, 'intake form');
      expect(await unlabelled(page)).toEqual([]);

      // Sent empty, by keyboard: the page comes back with focus on the summary, which names each answer.
      await tabTo(page, (el) => el.tag === 'button');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/intake\//);
      await page.locator('.summary').waitFor();
      expect(await page.title()).toMatch(w.error);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
      findings.push(...(await axeFindings(page, 'intake form with errors')));
      const fullName = page.getByRole('textbox', { name: w.fullName });
      expect(await fullName.getAttribute('aria-invalid')).toBe('true');
      const message = page.locator(`#${await fullName.getAttribute('aria-describedby')}`);
      expect(await message.innerText()).toBe(w.required);
      // Next to the field: between its label and the box.
      const [label, text, box] = await Promise.all([page.locator('label[for="q-full-name"]').boundingBox(), message.boundingBox(), fullName.boundingBox()]);
      expect(label!.y < text!.y && text!.y < box!.y).toBe(true);
      // A required choice: the group is described by its message, its options are marked invalid.
      expect(await page.locator('.question > fieldset:has(input[type="radio"][aria-invalid="true"])').first().getAttribute('aria-describedby')).toMatch(/-error$/);
      // The summary's link takes focus to the field.
      await page.getByRole('alert').getByRole('link', { name: new RegExp(w.fullName) }).press('Enter');
      expect(await page.evaluate(() => location.hash)).toBe('#q-full-name');

      // Filled in with the keyboard only: type, Space on a choice and on the consent, Enter to send.
      await fullName.focus();
      await page.keyboard.type('Iolanda Saraiva');
      await tabTo(page, (el) => el.type === 'radio' && el.label === w.yes);
      await page.keyboard.press('Space');
      await tabTo(page, (el) => el.tag === 'textarea' && el.label.startsWith(w.reason));
      await page.keyboard.type('Sleep.');
      await tabTo(page, (el) => el.type === 'checkbox');
      await page.keyboard.press('Space');
      await tabTo(page, (el) => el.tag === 'button');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: w.thanks }).waitFor();
      findings.push(...(await axeFindings(page, 'intake form sent')));

      expect(findings, describeFindings(findings)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
