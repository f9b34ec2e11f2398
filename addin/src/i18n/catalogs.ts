import type { OfficeGateway } from '../office/office';
import { createTranslator, localeFor, type Catalog, type Locale, type Translator } from './translator';

/**
 * One language's messages, fetched once the pane knows Outlook's language: the entry script carries
 * neither catalog (about 5 KB gzip each, 3 KB more together than the one a reader ever needs).
 */
export async function loadCatalog(locale: Locale): Promise<Catalog> {
  return locale === 'pt-BR' ? (await import('./pt-BR')).ptBR : (await import('./en')).en;
}

/** The pane speaks Outlook's display language (any Portuguese gets Brazilian Portuguese). */
export async function paneTranslator(office: Pick<OfficeGateway, 'displayLanguage'>): Promise<Translator> {
  const locale = localeFor(office.displayLanguage());
  return createTranslator(locale, await loadCatalog(locale));
}
