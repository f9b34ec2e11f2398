import { isApiError } from '../api/errors';
import type { MessageKey } from '../i18n/en';
import { OfficeCallError } from '../office/office';

/**
 * Chooses the message for a failure from the problem `code`, never from the service's English title.
 * `known` says which `error.{code}` messages the catalogs have (the translator's `has`).
 */
export function errorMessageKey(error: unknown, known: (key: string) => key is MessageKey): MessageKey {
  if (error instanceof OfficeCallError) return 'error.office';
  if (!isApiError(error)) return 'error.unexpected-response';
  const key = `error.${error.code}`;
  if (known(key)) return key;
  if (error.status === 0) return 'error.network';
  if (error.status >= 500) return 'error.server-error';
  return 'error.unexpected-response';
}
