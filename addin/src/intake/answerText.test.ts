import { describe, expect, it } from 'vitest';
import type { IntakeAnswer, IntakeQuestionType } from '../api/types';
import { translatorFor } from '../i18n/bothCatalogs';
import { answerText } from './answerText';

const en = translatorFor('en');
const pt = translatorFor('pt-BR');
const answer = (type: IntakeQuestionType, ...values: string[]): IntakeAnswer => ({ questionId: 'q', section: 'S', question: 'Q', type, values });

describe('intake answers in the reader’s language', () => {
  it('writes dates as the pane does, without a time-zone shift', () => {
    expect(answerText(answer('date', '1991-07-23'), pt)).toBe('23 de jul. de 1991');
    expect(answerText(answer('date', '1991-07-23'), en)).toBe('Jul 23, 1991');
    expect(answerText(answer('date', '1991-01-01'), en)).toBe('Jan 1, 1991');
  });

  it('writes numbers in the reader’s notation', () => {
    expect(answerText(answer('number', '1234.5'), pt)).toBe('1.234,5');
    expect(answerText(answer('number', '1234.5'), en)).toBe('1,234.5');
    expect(answerText(answer('number', '-3'), pt)).toBe('-3');
  });

  it('says yes, no and consent in the reader’s words', () => {
    expect(answerText(answer('yesNo', 'yes'), pt)).toBe('Sim');
    expect(answerText(answer('yesNo', 'no'), pt)).toBe('Não');
    expect(answerText(answer('yesNo', 'no'), en)).toBe('No');
    expect(answerText(answer('consent', 'yes'), pt)).toBe('Consentimento dado');
  });

  it('joins several choices as one phrase', () => {
    expect(answerText(answer('multipleChoice', 'Yoga', 'Pilates', 'Corrida'), pt)).toBe('Yoga, Pilates e Corrida');
    expect(answerText(answer('multipleChoice', 'Yoga', 'Pilates', 'Running'), en)).toBe('Yoga, Pilates, and Running');
  });

  it('shows text as the client wrote it, even when it looks like a date or a number', () => {
    expect(answerText(answer('shortText', '1991-07-23'), pt)).toBe('1991-07-23');
    expect(answerText(answer('shortText', '11987654321'), pt)).toBe('11987654321');
    expect(answerText(answer('singleChoice', 'Outro'), pt)).toBe('Outro');
  });

  it('says when a question was left unanswered, and leaves an unreadable value as it came', () => {
    expect(answerText(answer('date'), pt)).toBe('Sem resposta');
    expect(answerText(answer('number', '12,5'), pt)).toBe('12,5');
    expect(answerText(answer('date', 'soon'), en)).toBe('soon');
  });
});
