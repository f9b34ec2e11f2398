/**
 * The send-event bundle (send-event.js, built apart from the pane: vite --mode send-event). Outlook
 * loads it in send-event.html (web, new Outlook, Mac) or on its own in classic Outlook on Windows'
 * JavaScript-only runtime, so it is one classic script with no imports at run time.
 */
import { createApiClient } from '../api/client';
import {
  associateSendHandler,
  draftRecipients,
  newSendKey,
  officeAccessToken,
  readSendKey,
  readSendSettings,
  stampSendKey,
  type SendEventLike,
} from '../office/sendOnSend';
import { handleMessageSend } from './handler';
import { sendEventTokens } from './tokens';

/** The page's origin where there is a page; in the JavaScript-only runtime, the origin the pane stored. */
function serviceOrigin(): string | null {
  const origin = globalThis.location?.origin;
  if (origin && /^https?:\/\//.test(origin)) return origin;
  return readSendSettings().serviceOrigin;
}

function onMessageSendHandler(event: SendEventLike) {
  const baseUrl = serviceOrigin();
  const fetchImpl = globalThis.fetch.bind(globalThis);
  const tokens = sendEventTokens({ baseUrl: baseUrl ?? '', fetch: fetchImpl, officeToken: officeAccessToken, profile: { name: null, email: null }, search: globalThis.location?.search ?? '' });
  const api = createApiClient({ tokens, baseUrl: baseUrl ?? '', fetch: fetchImpl });
  void handleMessageSend(event, {
    readSendKey,
    stampSendKey,
    recipients: draftRecipients,
    saveOnSendDefault: () => baseUrl !== null && readSendSettings().saveOnSendDefault,
    newKey: newSendKey,
    report: (key, recipients, signal) => (baseUrl ? api.reportSend(key, recipients, signal) : Promise.resolve()),
  });
}

associateSendHandler('onMessageSendHandler', onMessageSendHandler);
