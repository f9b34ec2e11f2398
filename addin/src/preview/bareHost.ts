import { localeFor } from '../i18n/translator';
import { previewTranslator } from './previewCatalog';
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
  () => {
    pane.title = previewTranslator(localeFor(host.displayLanguage)).t('preview.paneFrame');
  },
  { once: true },
);

