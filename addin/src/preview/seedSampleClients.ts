import type { ApiClient } from '../api/client';
import { sampleClients } from './sampleMessages';

export interface SeedResult {
  created: number;
  alreadyThere: number;
}

/**
 * Creates the preview's known clients through the API with the development token, so a person trying
 * the preview sees every status. Running it again creates nothing new.
 */
export async function seedSampleClients(api: ApiClient): Promise<SeedResult> {
  const { results } = await api.lookup(sampleClients.map((c) => c.email));
  let created = 0;
  let alreadyThere = 0;
  for (const [index, client] of sampleClients.entries()) {
    const displayName = `${client.firstName} ${client.lastName}`;
    if (results[index]?.matches.some((m) => m.displayName === displayName)) {
      alreadyThere++;
      continue;
    }
    const sharedAddress = sampleClients.some((other) => other !== client && other.email === client.email);
    const body = { ...client, ...(sharedAddress ? { allowSharedEmail: true } : {}) };
    await api.createClient(body, crypto.randomUUID());
    created++;
  }
  return { created, alreadyThere };
}
