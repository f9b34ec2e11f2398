import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from '../api/client';
import { App } from '../app/App';
import { createAuthService } from '../auth/authService';
import { paneTranslator } from '../i18n/catalogs';
import { createOfficeGateway } from '../office/office';
import { startEarly } from './earlyStart';

// The cold path to the participants is one chain: Office ready → token and people → lookup. Everything
// that does not wait on React starts here, as soon as the script runs and as soon as Office is ready.
const office = createOfficeGateway();
const auth = createAuthService({ office });
auth.prefetchConfig();

async function start() {
  await office.ready();
  auth.getToken().catch(() => undefined); // a failure shows later, where the lookup reports it
  const early = startEarly(office, createApiClient({ tokens: auth }));
  // Fetched while the token and the participants are on their way: only the first paint waits for it.
  const translator = await paneTranslator(office);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App office={early.office} api={early.api} translator={translator} requestMailboxConsent={auth.requestConsent} />
    </StrictMode>,
  );
}

void start();
