import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from '../api/client';
import { App } from '../app/App';
import { createAuthService } from '../auth/authService';
import { paneTranslator } from '../i18n/catalogs';
import { createOfficeGateway, withEarlyParticipants } from '../office/office';

// The cold path to the participants is one chain: auth config → token → lookup. Everything that does
// not wait on React starts here, as soon as the script runs and as soon as Office is ready.
const office = createOfficeGateway();
const auth = createAuthService({ office });
auth.prefetchConfig();

async function start() {
  await office.ready();
  auth.getToken().catch(() => undefined); // a failure shows later, where the lookup reports it
  const gateway = withEarlyParticipants(office);
  const api = createApiClient({ tokens: auth });
  // Fetched while the token and the participants are on their way: only the first paint waits for it.
  const translator = await paneTranslator(office);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App office={gateway} api={api} translator={translator} requestMailboxConsent={auth.requestConsent} />
    </StrictMode>,
  );
}

void start();
