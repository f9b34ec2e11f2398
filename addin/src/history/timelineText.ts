import type { HistoryEvent, HistoryItem } from '../api/types';
import type { MessageKey } from '../i18n/en';
import type { Locale, Translator } from '../i18n/translator';

export interface DayGroup {
  key: string;
  label: string;
  items: HistoryItem[];
}

const localDayKey = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** "Today", "Yesterday", then the date in the display language (the year only when it is not this year's). */
export function dayLabel(date: Date, now: Date, translator: Pick<Translator, 't' | 'locale'>): string {
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  const key = localDayKey(date);
  if (key === localDayKey(now)) return translator.t('timeline.today');
  if (key === localDayKey(yesterday)) return translator.t('timeline.yesterday');
  return new Intl.DateTimeFormat(translator.locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(date.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
  }).format(date);
}

/** Items are already newest first: consecutive items of one local day form a group. */
export function groupByDay(items: HistoryItem[], now: Date, translator: Pick<Translator, 't' | 'locale'>): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const item of items) {
    const date = new Date(item.occurredAt);
    const key = Number.isNaN(date.getTime()) ? 'unknown' : localDayKey(date);
    const last = groups[groups.length - 1];
    if (last && last.key === key) last.items.push(item);
    else groups.push({ key, label: key === 'unknown' ? item.occurredAt : dayLabel(date, now, translator), items: [item] });
  }
  return groups;
}

export function timeOfDay(isoDateTime: string, locale: Locale): string {
  const date = new Date(isoDateTime);
  return Number.isNaN(date.getTime()) ? '' : new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(date);
}

const propertyKeys: Record<string, MessageKey> = {
  firstName: 'contact.firstName',
  lastName: 'contact.lastName',
  preferredName: 'contact.preferredName',
  dateOfBirth: 'contact.dateOfBirth',
  phone: 'contact.phone',
  email: 'contact.email',
  status: 'contact.status',
};

/** One readable sentence per record event, in the display language. */
export function eventSentence(event: HistoryEvent, translator: Pick<Translator, 't' | 'locale'>): string {
  const { t } = translator;
  const address = event.address || t('event.unknownAddress');
  const label = event.label || t('event.unknownLabel');
  switch (event.type) {
    case 'created':
      return t('event.created');
    case 'detailsUpdated': {
      const names = (event.properties ?? []).map((p) => (p in propertyKeys ? t(propertyKeys[p]) : p));
      if (names.length === 0) return t('event.detailsUpdated');
      const list = new Intl.ListFormat(translator.locale, { style: 'long', type: 'conjunction' }).format(names);
      return t('event.detailsUpdatedProperties', { properties: list.toLocaleLowerCase(translator.locale) });
    }
    case 'addressLinked':
      return event.as === 'secondary' && event.label
        ? t('event.addressLinkedField', { address, label: event.label })
        : t('event.addressLinkedPrimary', { address });
    case 'addressUnlinked':
      return t('event.addressUnlinked', { address });
    case 'fieldAdded':
    case 'fieldChanged':
    case 'fieldCleared':
    case 'intakeOpened':
    case 'intakeCompleted':
    case 'intakeRevoked':
      return t(`event.${event.type}`, { label });
    case 'intakeSent':
      return t('event.intakeSent', { label, address });
    default:
      return t('event.detailsUpdated');
  }
}
