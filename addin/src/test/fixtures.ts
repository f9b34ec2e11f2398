import type { ClientRecord, HistoryItem, Intake, IntakeTemplate } from '../api/types';

export function clientRecord(overrides: Partial<ClientRecord> = {}): ClientRecord {
  return {
    id: 'c-ana',
    firstName: 'Ana',
    lastName: 'Souza',
    preferredName: null,
    displayName: 'Ana Souza',
    dateOfBirth: '1990-04-01',
    phone: '+55 11 5555-0000',
    email: 'ana@example.com',
    status: 'active',
    emails: [{ address: 'ana@example.com', kind: 'primary', fieldId: null, label: null }],
    fields: [],
    version: '"v1"',
    createdAt: '2025-01-02T10:00:00Z',
    createdBy: 'a1b2c3d4-0000-4000-8000-000000000001',
    createdByName: 'Preview User',
    updatedAt: '2025-01-03T10:00:00Z',
    updatedBy: 'a1b2c3d4-0000-4000-8000-000000000001',
    updatedByName: 'Preview User',
    ...overrides,
  };
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const contentType = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType, ...headers } });
}

export function intakeTemplate(overrides: Partial<IntakeTemplate> = {}): IntakeTemplate {
  return {
    id: 't-1',
    name: 'New client intake',
    emailSubject: 'Your intake form',
    emailMessage: 'Hello {firstName},\n\nPlease fill in this short form.',
    form: { sections: [] },
    language: 'en',
    version: '1',
    updatedAt: '2025-01-01T00:00:00Z',
    ...overrides,
  };
}

export function intake(overrides: Partial<Intake> = {}): Intake {
  return {
    id: 'i-1',
    clientId: 'c-ana',
    templateId: 't-1',
    templateName: 'New client intake',
    status: 'sent',
    language: 'en',
    sentTo: 'ana@example.com',
    sentAt: '2025-03-10T10:00:00Z',
    expiresAt: '2025-03-24T10:00:00Z',
    openedAt: null,
    completedAt: null,
    revokedAt: null,
    timesSent: 1,
    answers: null,
    delivery: 'sent',
    deliveryProblem: null,
    link: null,
    ...overrides,
  };
}

export function historyItem(overrides: Partial<HistoryItem> = {}): HistoryItem {
  return {
    id: 'm:1',
    kind: 'mailbox-email',
    source: 'mailbox',
    occurredAt: '2025-03-10T10:00:00Z',
    subject: 'Hello',
    from: { name: 'Ana Souza', address: 'ana@example.com' },
    to: [],
    cc: [],
    preview: 'Hi there',
    internetMessageId: '<m1@example.com>',
    itemId: 'AAMk1',
    webLink: null,
    inMailbox: true,
    savedBy: null,
    savedEmailId: null,
    event: null,
    ...overrides,
  };
}
