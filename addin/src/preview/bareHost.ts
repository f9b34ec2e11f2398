import { loadCatalog } from '../i18n/catalogs';
import { createTranslator, localeFor } from '../i18n/translator';
import { paneUrl } from './paneUrl';
import { installPreviewHost } from './previewHost';

/**
 * The task pane on fake Office.js with nothing else on the page: what bench/pane-load.mjs measures.
 * The preview page shares the pane's main thread (same origin) and runs React and its own translator
 * while the pane loads, which a pane inside Outlook never competes with.
 */
const query = new URLSearchParams(location.search);
const host = installPreviewHost(query);
const pane = document.createElement('iframe');
pane.src = paneUrl(query);
document.body.append(pane);

// The frame's accessible name waits for the pane's own load, so the host adds no work beside it.
pane.addEventListener(
  'load',
  async () => {
    const locale = localeFor(host.displayLanguage);
    pane.title = createTranslator(locale, await loadCatalog(locale)).t('preview.paneFrame');
  },
  { once: true },
);

