import type { Locale, Message, TranslatorOf } from './translator';
import { createTranslator } from './translator';

/**
 * The words of "several emails at once", in both languages. They travel with that part of the pane, which
 * is loaded only when several messages are selected, so they do not weigh on the pane's first paint.
 */
export const multiSaveEn = {
  'multi.heading': { one: '{count} email selected', other: '{count} emails selected' },
  'multi.intro': 'Save them to the records of the clients they involve, in one step.',
  'multi.save': { one: 'Save {count} email to client records', other: 'Save {count} emails to client records' },
  'multi.saving': 'Saving {done} of {count}…',
  'multi.summaryHeading': 'What was saved',
  'multi.summary.saved': { one: '{count} email saved', other: '{count} emails saved' },
  'multi.summary.alreadySaved': { one: '{count} already saved', other: '{count} already saved' },
  'multi.summary.notSaved': { one: '{count} not saved', other: '{count} not saved' },
  'multi.results': 'Each email',
  'multi.noSubject': '(no subject)',
  'multi.client.saved': 'Saved to the record of {name}',
  'multi.client.alreadySaved': 'Already on the record of {name}',
  'multi.client.failed': 'Not saved to the record of {name}: {reason}',
  'multi.unknownOnly': 'Not saved: no one on it is a client yet',
  'multi.unreadable': 'Not saved: Outlook could not read it ({reason})',
  'multi.draft': 'Not saved: a draft has nothing to save yet',
  'multi.failed': 'Not saved: {reason}',
  'multi.status.saved': 'Saved',
  'multi.status.alreadySaved': 'Already saved',
  'multi.status.notSaved': 'Not saved',
} as const satisfies Record<string, Message>;

export type MultiSaveKey = keyof typeof multiSaveEn;
export type MultiSaveCatalog = { readonly [K in MultiSaveKey]: Message };

/** Brazilian Portuguese: the type makes it complete at compile time. */
export const multiSavePtBR: MultiSaveCatalog = {
  'multi.heading': { one: '{count} e-mail selecionado', other: '{count} e-mails selecionados' },
  'multi.intro': 'Salve-os nas fichas dos clientes envolvidos, de uma vez.',
  'multi.save': { one: 'Salvar {count} e-mail nas fichas dos clientes', other: 'Salvar {count} e-mails nas fichas dos clientes' },
  'multi.saving': 'Salvando {done} de {count}…',
  'multi.summaryHeading': 'O que foi salvo',
  'multi.summary.saved': { one: '{count} e-mail salvo', other: '{count} e-mails salvos' },
  'multi.summary.alreadySaved': { one: '{count} já estava salvo', other: '{count} já estavam salvos' },
  'multi.summary.notSaved': { one: '{count} não salvo', other: '{count} não salvos' },
  'multi.results': 'Cada e-mail',
  'multi.noSubject': '(sem assunto)',
  'multi.client.saved': 'Salvo na ficha de {name}',
  'multi.client.alreadySaved': 'Já estava na ficha de {name}',
  'multi.client.failed': 'Não salvo na ficha de {name}: {reason}',
  'multi.unknownOnly': 'Não salvo: ninguém nele é cliente ainda',
  'multi.unreadable': 'Não salvo: o Outlook não conseguiu lê-lo ({reason})',
  'multi.draft': 'Não salvo: um rascunho ainda não tem o que salvar',
  'multi.failed': 'Não salvo: {reason}',
  'multi.status.saved': 'Salvo',
  'multi.status.alreadySaved': 'Já salvo',
  'multi.status.notSaved': 'Não salvo',
};

export type MultiSaveTranslator = TranslatorOf<MultiSaveKey>;

export const multiSaveTranslator = (locale: Locale): MultiSaveTranslator =>
  createTranslator<MultiSaveKey>(locale, locale === 'pt-BR' ? multiSavePtBR : multiSaveEn);
