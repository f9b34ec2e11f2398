import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from '../api/client';
import { App } from '../app/App';
import { createAuthService } from '../auth/authService';
import { createOfficeGateway } from '../office/office';

async function start() {
  const office = createOfficeGateway();
  await office.ready();
  const api = createApiClient({ tokens: createAuthService({ office }) });
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App office={office} api={api} />
    </StrictMode>,
  );
}

void start();
