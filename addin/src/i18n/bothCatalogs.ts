import { en } from './en';
import { ptBR } from './pt-BR';
import { createTranslator, type Catalog, type Locale, type Translator } from './translator';

// Both languages at hand, for what switches between them (the preview page) and for tests. The task
// pane itself loads only its own language (catalogs.ts).
export const catalogs: Record<Locale, Catalog> = { en, 'pt-BR': ptBR };

export const translatorFor = (locale: Locale): Translator => createTranslator(locale, catalogs[locale]);
