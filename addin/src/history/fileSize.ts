import type { Locale } from '../i18n/translator';

/** A file size in the reader's notation: bytes under a kilobyte, then kB, then MB (one decimal). */
export function formatFileSize(bytes: number, locale: Locale): string {
  const [value, unit] = bytes < 1000 ? [bytes, 'byte'] : bytes < 1_000_000 ? [bytes / 1000, 'kilobyte'] : [bytes / 1_000_000, 'megabyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: unit === 'byte' ? 0 : 1 }).format(value);
}
