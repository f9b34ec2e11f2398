import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../api/types';
import { translatorFor } from '../i18n/bothCatalogs';
import { historyItem } from '../test/fixtures';
import { eventSentence, groupByDay } from './timelineText';

const en = translatorFor('en');
const pt = translatorFor('pt-BR');
const event = (overrides: Partial<HistoryEvent>): HistoryEvent => ({
  type: 'created',
  actorId: 'u1',
  address: null,
  as: null,
  label: null,
  properties: null,
  ...overrides,
});

describe('timeline day groups', () => {
  const now = new Date(2025, 2, 10, 15, 0); // local time, 10 March 2025
  const items = [
    historyItem({ id: 'a', occurredAt: new Date(2025, 2, 10, 9, 0).toISOString() }),
    historyItem({ id: 'b', occurredAt: new Date(2025, 2, 10, 8, 0).toISOString() }),
    historyItem({ id: 'c', occurredAt: new Date(2025, 2, 9, 23, 30).toISOString() }),
    historyItem({ id: 'd', occurredAt: new Date(2025, 1, 3, 12, 0).toISOString() }),
    historyItem({ id: 'e', occurredAt: new Date(2024, 11, 24, 12, 0).toISOString() }),
  ];

  it('groups consecutive items by local day: Today, Yesterday, then dates', () => {
    const groups = groupByDay(items, now, en);
    expect(groups.map((g) => [g.label, g.items.map((i) => i.id)])).toEqual([
      ['Today', ['a', 'b']],
      ['Yesterday', ['c']],
      ['Mon, Feb 3', ['d']],
      ['Tue, Dec 24, 2024', ['e']],
    ]);
  });

  it('labels days in Portuguese', () => {
    const labels = groupByDay(items, now, pt).map((g) => g.label);
    expect(labels[0]).toBe('Hoje');
    expect(labels[1]).toBe('Ontem');
    expect(labels[2]).toMatch(/^seg\.?, 3 de fev/);
    expect(labels[3]).toMatch(/24 de dez\.? de 2024/);
  });
});

describe('event sentences', () => {
  it('reads naturally in English', () => {
    expect(eventSentence(event({ type: 'created' }), en)).toBe('Record created');
    expect(eventSentence(event({ type: 'detailsUpdated', properties: ['phone', 'dateOfBirth'] }), en)).toBe(
      'Contact details updated: phone and date of birth',
    );
    expect(eventSentence(event({ type: 'addressLinked', address: 'ana@example.com', as: 'primary' }), en)).toBe(
      'ana@example.com linked as primary email',
    );
    expect(eventSentence(event({ type: 'addressLinked', address: 'ana.w@example.com', as: 'secondary', label: 'Work email' }), en)).toBe(
      'ana.w@example.com linked as “Work email”',
    );
    expect(eventSentence(event({ type: 'addressUnlinked', address: 'old@example.com' }), en)).toBe('old@example.com unlinked from the record');
    expect(eventSentence(event({ type: 'fieldChanged', label: 'Insurance' }), en)).toBe('“Insurance” changed');
    expect(eventSentence(event({ type: 'intakeSent', label: 'New client intake', address: 'ana@example.com' }), en)).toBe(
      'Intake form “New client intake” sent to ana@example.com',
    );
    expect(eventSentence(event({ type: 'intakeCompleted', label: 'New client intake' }), en)).toBe(
      'Intake form “New client intake” completed by the client',
    );
  });

  it('reads naturally in Portuguese', () => {
    expect(eventSentence(event({ type: 'created' }), pt)).toBe('Ficha criada');
    expect(eventSentence(event({ type: 'detailsUpdated', properties: ['phone', 'email'] }), pt)).toBe(
      'Dados de contato atualizados: telefone e e-mail principal',
    );
    expect(eventSentence(event({ type: 'fieldCleared', label: 'Convênio' }), pt)).toBe('“Convênio” apagado');
    expect(eventSentence(event({ type: 'intakeRevoked', label: 'Admissão de novo cliente' }), pt)).toBe(
      'Link do formulário de admissão “Admissão de novo cliente” revogado',
    );
  });

  it('never shows an empty placeholder', () => {
    expect(eventSentence(event({ type: 'fieldAdded', label: null }), en)).toBe('“a field” filled in');
    expect(eventSentence(event({ type: 'detailsUpdated', properties: [] }), en)).toBe('Contact details updated');
  });
});
