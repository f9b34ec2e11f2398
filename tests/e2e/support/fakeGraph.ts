// A Microsoft Graph stand-in on 127.0.0.1 for the end-to-end tests, in Graph's HTTP protocol: the
// service runs with Mailbox:Source=Graph and Mailbox:GraphBaseUrl pointing here (development sign-in
// then gets a token per user, DevelopmentGraphTokens). It serves a message's attachments (found by
// $filter on internetMessageId, listed, raw bytes from /$value), an empty Sent Items, an empty mailbox
// search and no verified domains; and scripted faults for the next attachment requests (429 with
// Retry-After, 503). The service tests' FakeGraphServer (C#) is its model; this one only needs
// what a pane in Chromium reaches.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface FakeAttachment {
  name: string;
  content: Buffer;
  contentType: string;
}

type Fault = (response: ServerResponse) => void;

export const throttled = (retryAfterSeconds: number): Fault => (response) => {
  response.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': String(retryAfterSeconds) });
  response.end(JSON.stringify({ error: { code: 'TooManyRequests', message: 'Too many requests.' } }));
};

export const unavailable: Fault = (response) => {
  response.writeHead(503, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify({ error: { code: 'ServiceNotAvailable', message: 'Service unavailable.' } }));
};

export class FakeGraph {
  /** Attachments by the Internet message id of their message. */
  readonly messages = new Map<string, { id: string; attachments: (FakeAttachment & { id: string })[] }>();
  /** Faults for the next attachment requests (find, list, content), one each. */
  readonly attachmentFaults: Fault[] = [];
  /** While set, every attachment request past the scripted faults gets this (an outage), until the test clears it. */
  attachmentOutage: Fault | null = null;
  /** Every attachment request (each carried a development Graph token): its path and the status answered. */
  readonly attachmentRequests: { path: string; status: number }[] = [];

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<FakeGraph> {
    let graph: FakeGraph | undefined;
    const server = createServer((request, response) => graph!.serve(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('The fake Graph has no port.');
    graph = new FakeGraph(server, `http://127.0.0.1:${address.port}/v1.0`);
    return graph;
  }

  addMessage(internetMessageId: string, attachments: FakeAttachment[]) {
    const id = `msg-${this.messages.size}`;
    this.messages.set(internetMessageId, { id, attachments: attachments.map((a, i) => ({ ...a, id: `att-${i}` })) });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private serve(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    // As Graph: no bearer token, no answer. The service sends the signed-in user's (development) token.
    if (!/^Bearer development-graph-token-for-\S+$/.test(request.headers.authorization ?? '')) {
      json(401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } });
      return;
    }
    const path = decodeURIComponent(url.pathname);
    const attachmentRequest = path.startsWith('/v1.0/me/messages') && (url.searchParams.get('$filter')?.includes('internetMessageId') || path.includes('/attachments'));
    if (attachmentRequest) {
      const fault = this.attachmentFaults.shift() ?? this.attachmentOutage;
      if (fault) {
        fault(response);
        this.attachmentRequests.push({ path, status: response.statusCode });
        return;
      }
      this.attachmentRequests.push({ path, status: 200 });
    }

    const filter = url.searchParams.get('$filter') ?? '';
    const byInternetId = /internetMessageId eq '((?:[^']|'')*)'/.exec(filter);
    if (path === '/v1.0/me/messages' && byInternetId) {
      const message = this.messages.get(byInternetId[1].replaceAll("''", "'"));
      json(200, { value: message ? [{ id: message.id, hasAttachments: message.attachments.length > 0 }] : [] });
      return;
    }
    const list = /^\/v1\.0\/me\/messages\/([^/]+)\/attachments$/.exec(path);
    const value = /^\/v1\.0\/me\/messages\/([^/]+)\/attachments\/([^/]+)\/\$value$/.exec(path);
    const message = (id: string) => [...this.messages.values()].find((m) => m.id === id);
    if (list) {
      const found = message(list[1]);
      if (!found) return json(404, { error: { code: 'ErrorItemNotFound', message: 'Not found.' } });
      json(200, {
        value: found.attachments.map((a) => ({
          '@odata.type': '#microsoft.graph.fileAttachment',
          id: a.id,
          name: a.name,
          contentType: a.contentType,
          size: a.content.length,
          isInline: false,
        })),
      });
      return;
    }
    if (value) {
      const attachment = message(value[1])?.attachments.find((a) => a.id === value[2]);
      if (!attachment) return json(404, { error: { code: 'ErrorItemNotFound', message: 'Not found.' } });
      response.writeHead(200, { 'Content-Type': attachment.contentType, 'Content-Length': attachment.content.length });
      response.end(attachment.content);
      return;
    }
    // The rest of the mailbox the pane reaches: nothing found, nothing sent, no verified domains.
    if (path === '/v1.0/me/messages' || path === '/v1.0/me/mailFolders/sentitems/messages' || /^\/v1\.0\/users\/[^/]+\/messages$/.test(path)) return json(200, { value: [] });
    if (path === '/v1.0/organization') return json(200, { value: [{ id: 'fake-organization', verifiedDomains: [] }] });
    json(404, { error: { code: 'ResourceNotFound', message: `Not in the fake Graph: ${path}` } });
  }
}
