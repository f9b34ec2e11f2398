import type { MessageKey } from './en';

export type PluralMessage = { readonly one: string; readonly other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;
export type Message = string | PluralMessage;
export type Catalog = { readonly [K in MessageKey]: Message };
export type Locale = 'en' | 'pt-BR';
export type MessageParams = Record<string, string | number>;

/** Outlook's display language: any Portuguese variant gets Brazilian Portuguese, anything else English. */
export function localeFor(displayLanguage: string | null | undefined): Locale {
  return /^pt(-|$)/i.test(displayLanguage ?? '') ? 'pt-BR' : 'en';
}

/** The pane's words; a part loaded later (several emails at once) has its own keys, see i18n/multiSave. */
export type Translator = TranslatorOf<MessageKey>;

export interface TranslatorOf<K extends string> {
  locale: Locale;
  t(key: K, params?: MessageParams): string;
  /** Whether `key` is a message (a problem code the pane has words for, say). */
  has(key: string): key is K;
  /** A calendar date such as a date of birth ("yyyy-MM-dd"), shown without time-zone shifts. */
  formatDate(isoDate: string): string;
  formatDateTime(isoDateTime: string): string;
  /** A number written the invariant way ("1234.5", as the service stores it) in the reader's notation. */
  formatNumber(invariant: string): string;
  /** Several answers as one phrase ("a, b and c" / "a, b e c"). */
  formatList(items: readonly string[]): string;
}

const interpolate = (template: string, params: MessageParams = {}) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));

/** The catalog is the language's whole: the parity test keeps every language's keys those of `en`. */
export function createTranslator<K extends string = MessageKey>(locale: Locale, catalog: { readonly [P in K]: Message }): TranslatorOf<K> {
  const plurals = new Intl.PluralRules(locale);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 20 });
  const listFormat = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });

  return {
    locale,
    has: (key): key is K => Object.hasOwn(catalog, key),
    t(key, params) {
      const message: Message | undefined = catalog[key];
      // The parity test keeps this from happening; a missing message shows its key, never breaks the pane.
      if (message === undefined) return key;
      if (typeof message === 'string') return interpolate(message, params);
      const count = Number(params?.count ?? 0);
      const form = message[plurals.select(count)] ?? message.other;
      return interpolate(form, params);
    },
    formatDate(isoDate) {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
      if (!match) return isoDate;
      return dateFormat.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
    },
    formatDateTime(isoDateTime) {
      const date = new Date(isoDateTime);
      return Number.isNaN(date.getTime()) ? isoDateTime : dateTimeFormat.format(date);
    },
    formatNumber(invariant) {
      // Only the plain invariant notation: anything else is shown as it was written.
      if (!/^-?\d+(\.\d+)?$/.test(invariant.trim())) return invariant;
      const value = Number(invariant);
      return Number.isFinite(value) ? numberFormat.format(value) : invariant;
    },
    formatList(items) {
      return listFormat.format(items);
    },
  };
}
