import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from '../api/client';
import { App } from '../app/App';
import { createAuthService } from '../auth/authService';
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
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App office={gateway} api={api} requestMailboxConsent={auth.requestConsent} />
    </StrictMode>,
  );
}

void start();
