// The workspace the accessibility tests walk through: one of each participant status, a record with a
// custom field, a saved email and an intake, so every screen and dialog has something to show.
import { randomUUID } from 'node:crypto';
import { translatorFor } from '../../../addin/src/i18n/bothCatalogs';
import type { Locale } from '../../../addin/src/i18n/translator';
import { Api, type Client } from './pane';

export interface A11yWorkspace {
  tenant: string;
  api: Api;
  ana: Client;
}

/**
 * Seeds a fresh tenant once: Ana Souza (known, with a custom field and an intake), the Okafor family
 * (shared), a Sam Rivera to suggest for the unknown sender, and a never-tracked lab.
 */
export async function seedA11yWorkspace(baseUrl: string, language: Locale): Promise<A11yWorkspace> {
  const tenant = randomUUID();
  const api = await Api.forTenant(baseUrl, tenant);
  const ana = await api.createClient({ firstName: 'Ana', lastName: 'Souza', email: 'ana.souza@example.com', phone: '+55 11 5555-0000' });
  await api.createClient({ firstName: 'Chidi', lastName: 'Okafor', email: 'okafor.family@example.org' });
  await api.createClient({ firstName: 'Amara', lastName: 'Okafor', email: 'okafor.family@example.org', allowSharedEmail: true });
  const field = await api.send('POST', '/api/fields', { label: 'Insurance', type: 'text' });
  if (!field.ok) throw new Error(`POST /api/fields → ${field.status}`);
  const { id: fieldId } = (await field.json()) as { id: string };
  const value = await api.send('PUT', `/api/clients/${ana.id}/fields/${fieldId}`, { value: 'Unimed 0042' });
  if (!value.ok) throw new Error(`PUT field value → ${value.status}`);
  const intake = await api.send('POST', `/api/clients/${ana.id}/intakes`, { language });
  if (intake.status !== 201) throw new Error(`POST intakes → ${intake.status}`);
  // Unknown senders: Sam Rivera is suggested (same name, another address); the lab is never tracked.
  await api.createClient({ firstName: 'Sam', lastName: 'Rivera', email: 'sam.r@family.example' });
  const listed = await api.send('POST', '/api/never-track', { value: 'labvida.example' });
  if (listed.status !== 201) throw new Error(`POST never-track → ${listed.status}`);
  return { tenant, api, ana: await api.getClient(ana.id) };
}

/** The pane's own words in `locale`, so one test reads the same in English and Portuguese. */
export const wordsFor = (locale: Locale) => translatorFor(locale).t;
