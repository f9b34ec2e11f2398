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
  // Save on send's background resolve waits an hour here: save-on-send.test.ts follows the pane's own resolve
  // and its report, which a background save 15 s after the send (as in production) would race on a busy
  // machine. The background path has its own tests (SendSaveBackgroundTests, the preview's send included).
  const service = await startService({
    build: process.env.E2E_SKIP_SERVICE_BUILD !== '1',
    configuration: { SendSaves__BackgroundDelays__0: '01:00:00' },
  });
  project.provide('baseUrl', service.baseUrl);
  return async () => {
    await service.stop();
  };
}
