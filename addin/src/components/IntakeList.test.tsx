import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Intake } from '../api/types';
import { intake } from '../test/fixtures';
import { renderInPane } from '../test/render';
import type { Locale } from '../i18n/translator';
import { IntakeList, type AnswersState } from './IntakeList';

function setup(intakes: Intake[], locale: Locale = 'en', answers: Record<string, AnswersState | undefined> = {}) {
  const onResend = vi.fn();
  const onRevoke = vi.fn();
  const copyText = vi.fn(async () => undefined);
  renderInPane(
    <IntakeList
      intakes={intakes}
      loadError={null}
      actionError={null}
      notice={null}
      onRetry={vi.fn()}
      onSend={vi.fn()}
      onResend={onResend}
      onRevoke={onRevoke}
      answers={answers}
      onToggleAnswers={vi.fn()}
      copyText={copyText}
    />,
    locale,
  );
  return { onResend, onRevoke, copyText, row: screen.getByRole('listitem', { name: intakes[0]?.templateName }) };
}

const notSent = (deliveryProblem: Intake['deliveryProblem']) =>
  intake({ status: 'notSent', delivery: deliveryProblem ? 'failed' : 'pending', deliveryProblem });

describe('intake list', () => {
  it.each([
    ['mail-unavailable', 'The email could not be sent and nothing went out. Try again later.'],
    ['mail-consent-required', /sending needs your permission to send email from your mailbox\. Sign in again and accept/],
    // Still pending long after it began: the service stopped between saving the link and recording the send.
    [null, 'The email may not have gone out. Send again to be sure; the new link replaces the previous one.'],
  ] as const)('shows a not-sent intake (%s) in words, with Send again', async (problem, reason) => {
    const { row, onResend } = setup([notSent(problem)]);

    expect(within(row).getByText('Not sent')).toBeTruthy();
    expect(within(row).getByText(reason)).toBeTruthy();
    expect(within(row).getByText(/^Sending to ana@example\.com began /)).toBeTruthy();
    expect(within(row).queryByText(/^Sent /)).toBeNull();
    expect(within(row).queryByRole('button', { name: 'Resend' })).toBeNull();
    await userEvent.click(within(row).getByRole('button', { name: 'Send again' }));
    expect(onResend).toHaveBeenCalledWith(notSent(problem));
  });

  it('shows a not-sent intake in Portuguese', () => {
    const { row } = setup([notSent('mail-unavailable')], 'pt-BR');
    expect(within(row).getByText('Não enviado')).toBeTruthy();
    expect(within(row).getByText('Não foi possível enviar o e-mail e nada foi enviado. Tente novamente mais tarde.')).toBeTruthy();
    expect(within(row).getByRole('button', { name: 'Enviar novamente' })).toBeTruthy();
  });

  it('shows an intake whose email is on its way as sending, with nothing to do yet', () => {
    const { row } = setup([intake({ status: 'sending', delivery: 'pending' })]);
    expect(within(row).getByText('Sending…')).toBeTruthy();
    expect(within(row).queryAllByRole('button')).toEqual([]);
    expect(row.getAttribute('data-status')).toBe('sending');
  });

  it('says Enviando… in Portuguese', () => {
    const { row } = setup([intake({ status: 'sending', delivery: 'pending' })], 'pt-BR');
    expect(within(row).getByText('Enviando…')).toBeTruthy();
  });

  it('shows the link of an intake just sent by hand, to copy and pass on', async () => {
    const link = 'https://crm.example.com/intake/tok-456';
    const { row, copyText } = setup([intake({ delivery: 'manual', link })]);

    expect(within(row).getByText('Link created')).toBeTruthy();
    expect(within(row).getByText('No email was sent. Copy this link and pass it on to ana@example.com yourself.')).toBeTruthy();
    expect((within(row).getByRole('textbox', { name: 'Link to the form' }) as HTMLTextAreaElement).value).toBe(link);
    await userEvent.click(within(row).getByRole('button', { name: 'Copy link' }));
    expect(copyText).toHaveBeenCalledWith(link);
    expect(within(row).getByRole('button', { name: 'New link' })).toBeTruthy();
  });

  it('shows a manual intake loaded later without its link (the service keeps only its hash)', () => {
    const { row } = setup([intake({ delivery: 'manual', link: null })], 'pt-BR');
    expect(within(row).getByText('Link gerado')).toBeTruthy();
    expect(within(row).getByText(/^Link gerado em .* para ana@example\.com; nenhum e-mail foi enviado$/)).toBeTruthy();
    expect(within(row).queryByRole('textbox')).toBeNull();
    expect(within(row).getByRole('button', { name: 'Novo link' })).toBeTruthy();
  });

  it('keeps Sent and Resend for an emailed intake', () => {
    const { row } = setup([intake()]);
    expect(within(row).getByText('Sent')).toBeTruthy();
    expect(within(row).getByText(/^Sent .* to ana@example\.com$/)).toBeTruthy();
    expect(within(row).getByRole('button', { name: 'Resend' })).toBeTruthy();
    expect(within(row).queryByRole('textbox')).toBeNull();
  });

  it('shows the answers in the reader’s language, by the kind of each question', () => {
    const completed = intake({
      status: 'completed',
      completedAt: '2025-03-11T10:00:00Z',
      answers: [
        { questionId: 'date-of-birth', section: 'Seus dados', question: 'Data de nascimento', type: 'date', values: ['1991-07-23'] },
        { questionId: 'phone', section: 'Seus dados', question: 'Telefone', type: 'shortText', values: ['11987654321'] },
        { questionId: 'sessions', section: 'Seus dados', question: 'Sessões por semana', type: 'number', values: ['1.5'] },
        { questionId: 'details-correct', section: 'Seus dados', question: 'Os dados estão corretos?', type: 'yesNo', values: ['no'] },
      ],
    });
    const { row } = setup([completed], 'pt-BR', { [completed.id]: { kind: 'ready', intake: completed } });
    const answers = within(row).getByRole('region', { name: 'Respostas' });
    const value = (question: string) => within(answers).getByText(question).closest('div')!.querySelector('dd')!.textContent;
    expect(value('Data de nascimento')).toBe('23 de jul. de 1991');
    expect(value('Telefone')).toBe('11987654321');
    expect(value('Sessões por semana')).toBe('1,5');
    expect(value('Os dados estão corretos?')).toBe('Não');
  });
});
