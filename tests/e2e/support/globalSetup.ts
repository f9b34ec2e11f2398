import type { TestProject } from 'vitest/node';
import { startService } from './service.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Builds and starts the real service once for the whole run; tests read its address with inject('baseUrl'). */
export default async function setup(project: TestProject) {
  // E2E_SKIP_SERVICE_BUILD=1 reuses the last build (handy while iterating on the tests alone).
  const service = await startService({ build: process.env.E2E_SKIP_SERVICE_BUILD !== '1' });
  project.provide('baseUrl', service.baseUrl);
  return async () => {
    await service.stop();
  };
}
