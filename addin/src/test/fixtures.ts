import type { ClientRecord } from '../api/types';

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
    createdBy: 'Preview User',
    updatedAt: '2025-01-03T10:00:00Z',
    updatedBy: 'Preview User',
    ...overrides,
  };
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const contentType = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType, ...headers } });
}
