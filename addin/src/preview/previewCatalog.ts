import { createTranslator, type Locale, type Message, type TranslatorOf } from '../i18n/translator';

/**
 * The preview page's own words (its toolbar, message list, outbox), in both languages. They are not in the
 * pane's catalogs: the pane loads its catalog before its first paint, and never shows these.
 */
export const previewEn = {
  'preview.pageTitle': 'OutlookCrm preview',
  'preview.settings': 'Preview settings',
  'preview.title': 'Outlook preview',
  'preview.account': 'Account',
  'preview.language': 'Language',
  'preview.language.en-US': 'English',
  'preview.language.pt-BR': 'Português (Brasil)',
  'preview.darkTheme': 'Dark theme',
  'preview.send': 'Send',
  'preview.sent': 'Sent. The pane opened again, as it would on your next email.',
  'preview.sendFailed': 'Not sent ({code}).',
  'preview.seed': 'Seed sample clients',
  'preview.seeding': 'Seeding…',
  'preview.seeded': 'Sample clients ready ({created} created, {alreadyThere} already there).',
  'preview.seedFailed': 'Seeding failed ({code}). Is the service running in Development?',
  'preview.outbox': 'Outbox',
  'preview.messages': 'Messages',
  'preview.noMessage': 'No message selected',
  'preview.draft': '[Draft] {to}',
  'preview.readingPane': 'Reading pane',
  'preview.from': 'From',
  'preview.to': 'To',
  'preview.cc': 'Cc',
  'preview.selectItem': 'Select an item to read',
  'preview.paneFrame': 'OutlookCrm task pane',
  'preview.outbox.refresh': 'Refresh',
  'preview.outbox.close': 'Close outbox',
  'preview.outbox.failed': 'The outbox could not be read. Is the service running in Development?',
  'preview.outbox.loading': 'Loading the outbox…',
  'preview.outbox.empty': 'No emails sent yet. Send an intake form from the pane.',
  'preview.outbox.item': '{subject} to {to}',
  'preview.outbox.sent': 'To {to} · {date}',
  'preview.outbox.openForm': 'Open the intake form',
} as const satisfies Record<string, Message>;

export type PreviewKey = keyof typeof previewEn;

/** Brazilian Portuguese: the type makes it complete at compile time. */
export const previewPtBR: { readonly [K in PreviewKey]: Message } = {
  'preview.pageTitle': 'Pré-visualização do OutlookCrm',
  'preview.settings': 'Configurações da pré-visualização',
  'preview.title': 'Pré-visualização do Outlook',
  'preview.account': 'Conta',
  'preview.language': 'Idioma',
  'preview.language.en-US': 'English',
  'preview.language.pt-BR': 'Português (Brasil)',
  'preview.darkTheme': 'Tema escuro',
  'preview.send': 'Enviar',
  'preview.sent': 'Enviado. O painel abriu de novo, como abriria no seu próximo e-mail.',
  'preview.sendFailed': 'Não enviado ({code}).',
  'preview.seed': 'Criar clientes de exemplo',
  'preview.seeding': 'Criando clientes de exemplo…',
  'preview.seeded': 'Clientes de exemplo prontos (criados: {created}; já existentes: {alreadyThere}).',
  'preview.seedFailed': 'Não foi possível criar os clientes de exemplo ({code}). O serviço está rodando em Development?',
  'preview.outbox': 'Caixa de saída',
  'preview.messages': 'Mensagens',
  'preview.noMessage': 'Nenhuma mensagem selecionada',
  'preview.draft': '[Rascunho] {to}',
  'preview.readingPane': 'Painel de leitura',
  'preview.from': 'De',
  'preview.to': 'Para',
  'preview.cc': 'Cc',
  'preview.selectItem': 'Selecione um item para ler',
  'preview.paneFrame': 'Painel de tarefas do OutlookCrm',
  'preview.outbox.refresh': 'Atualizar',
  'preview.outbox.close': 'Fechar caixa de saída',
  'preview.outbox.failed': 'Não foi possível ler a caixa de saída. O serviço está rodando em Development?',
  'preview.outbox.loading': 'Carregando a caixa de saída…',
  'preview.outbox.empty': 'Nenhum e-mail enviado ainda. Envie um formulário de admissão pelo painel.',
  'preview.outbox.item': '{subject} para {to}',
  'preview.outbox.sent': 'Para {to} · {date}',
  'preview.outbox.openForm': 'Abrir o formulário de admissão',
};

export type PreviewTranslator = TranslatorOf<PreviewKey>;

export const previewTranslator = (locale: Locale): PreviewTranslator =>
  createTranslator<PreviewKey>(locale, locale === 'pt-BR' ? previewPtBR : previewEn);
