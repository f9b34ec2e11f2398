/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ptBR } from './pt-BR';
import { translatorFor } from './bothCatalogs';
import { createTranslator, localeFor, type Catalog, type Message } from './translator';

const shapeOf = (catalog: Record<string, Message>) =>
  Object.fromEntries(Object.entries(catalog).map(([key, value]) => [key, typeof value === 'string' ? 'string' : Object.keys(value).sort().join(',')]));
const placeholders = (message: Message) =>
  [...new Set((typeof message === 'string' ? message : Object.values(message).join(' ')).match(/\{\w+\}/g) ?? [])].sort();

describe('message catalogs', () => {
  it('pt-BR has exactly the keys of en, no more and no fewer', () => {
    const missing = Object.keys(en).filter((key) => !(key in ptBR));
    const extra = Object.keys(ptBR).filter((key) => !(key in en));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('pt-BR has the same plural forms and placeholders as en', () => {
    expect(shapeOf(ptBR)).toEqual(shapeOf(en));
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect([key, placeholders(ptBR[key])]).toEqual([key, placeholders(en[key])]);
    }
  });

  it('pt-BR calls the intake "admissão" wherever en speaks of an intake', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const english = typeof en[key] === 'string' ? en[key] : Object.values(en[key]).join(' ');
      const portuguese = typeof ptBR[key] === 'string' ? ptBR[key] : Object.values(ptBR[key]).join(' ');
      if (/intake/i.test(english)) expect([key, /admissão/i.test(portuguese)]).toEqual([key, true]);
    }
  });

  it('every message is used by the pane: by its key, or by a key built from its family (`error.${code}`)', () => {
    // The pane's own code, not its tests or the catalogs themselves.
    const sources = import.meta.glob(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../test/**', '!./en.ts', '!./pt-BR.ts'], {
      query: '?raw',
      import: 'default',
      eager: true,
    });
    const code = Object.values(sources).join('\n');
    const families = [...code.matchAll(/`([\w.-]+\.)\$\{/g)].map((m) => m[1]);
    const unused = Object.keys(en).filter(
      (key) => !new RegExp(`['"\`]${key.replace(/[.-]/g, '\\$&')}['"\`]`).test(code) && !families.some((family) => key.startsWith(family)),
    );
    expect(unused).toEqual([]);
  });

  it('no message is empty', () => {
    for (const catalog of [en, ptBR]) {
      for (const [key, value] of Object.entries(catalog)) {
        expect([key, typeof value === 'string' ? value.trim().length > 0 : true]).toEqual([key, true]);
      }
    }
  });
});

describe('translator', () => {
  it('picks Brazilian Portuguese for any pt language and English otherwise', () => {
    expect(localeFor('pt-BR')).toBe('pt-BR');
    expect(localeFor('pt-PT')).toBe('pt-BR');
    expect(localeFor('pt')).toBe('pt-BR');
    expect(localeFor('en-US')).toBe('en');
    expect(localeFor('de-DE')).toBe('en');
    expect(localeFor(undefined)).toBe('en');
  });

  it('shows a message missing from a catalog as its key, and knows which keys it has', () => {
    const partial = createTranslator('pt-BR', { 'app.loading': 'Carregando…' } as unknown as Catalog);
    expect(partial.t('app.loading')).toBe('Carregando…');
    expect(partial.t('participants.heading')).toBe('participants.heading');
    expect(partial.has('app.loading')).toBe(true);
    expect(partial.has('error.no-such-code')).toBe(false);
  });

  it('fills placeholders', () => {
    expect(translatorFor('en').t('participants.openClient', { name: 'Ana Souza' })).toBe('Open Ana Souza');
    expect(translatorFor('pt-BR').t('participants.openClient', { name: 'Ana Souza' })).toBe('Abrir Ana Souza');
  });

  it('chooses plural forms in both languages', () => {
    const english = translatorFor('en');
    const portuguese = translatorFor('pt-BR');
    expect(english.t('participants.sharedBy', { count: 1 })).toBe('Shared by 1 client. Choose one:');
    expect(english.t('participants.sharedBy', { count: 3 })).toBe('Shared by 3 clients. Choose one:');
    expect(portuguese.t('participants.sharedBy', { count: 1 })).toBe('Compartilhado por 1 cliente. Escolha um:');
    expect(portuguese.t('participants.sharedBy', { count: 2 })).toBe('Compartilhado por 2 clientes. Escolha um:');
    // Portuguese treats 0 as singular ("0 cliente"), English as plural.
    expect(english.t('participants.sharedBy', { count: 0 })).toBe('Shared by 0 clients. Choose one:');
    expect(portuguese.t('participants.sharedBy', { count: 0 })).toBe('Compartilhado por 0 cliente. Escolha um:');
    expect(portuguese.t('link.pickClient', { count: 1 })).toBe('Escolha o cliente (1 encontrado)');
    expect(portuguese.t('link.pickClient', { count: 2 })).toBe('Escolha o cliente (2 encontrados)');
  });

  it('formats calendar dates without shifting the day', () => {
    expect(translatorFor('en').formatDate('1990-04-01')).toBe('Apr 1, 1990');
    expect(translatorFor('pt-BR').formatDate('1990-04-01')).toBe('1 de abr. de 1990');
  });

  it('formats date-times in the locale', () => {
    expect(translatorFor('pt-BR').formatDateTime('2025-01-02T10:00:00Z')).toMatch(/2 de jan\. de 2025/);
    expect(translatorFor('en').formatDateTime('2025-01-02T10:00:00Z')).toMatch(/Jan 2, 2025/);
  });

  it('has the practice wording in Portuguese', () => {
    const t = translatorFor('pt-BR').t;
    expect(t('participants.newClient')).toBe('+ Novo cliente');
    expect(t('header.newClient')).toBe('Novo cliente…');
    expect(t('customFields.newField')).toBe('+ Novo campo');
    expect(t('fields.defaultSecondaryLabel')).toBe('E-mail secundário');
    expect(t('record.tab.personal')).toBe('Pessoal');
    expect(t('record.tab.history')).toBe('Histórico');
    expect(t('participants.linkExisting')).toBe('Vincular a cliente existente');
    // "Nome social" is the legal name of trans and non-binary people, not a preferred name.
    expect(t('contact.preferredName')).toBe('Como prefere ser chamado(a)');
    expect(t('record.tab.intake')).toBe('Admissão');
  });
});
