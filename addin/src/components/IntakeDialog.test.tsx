import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import { intake, intakeTemplate } from '../test/fixtures';
import { renderInPane } from '../test/render';
import { IntakeDialog, type IntakeClient } from './IntakeDialog';

const ana: IntakeClient = { id: 'c-ana', displayName: 'Ana Souza', firstName: 'Ana', preferredName: 'Aninha', email: 'ana@example.com' };

function setup(options: { client?: IntakeClient; send?: () => Promise<unknown>; locale?: 'en' | 'pt-BR' } = {}) {
  const loadTemplates = vi.fn(async () => [intakeTemplate(), intakeTemplate({ id: 't-2', name: 'Couples intake', emailSubject: 'Before we meet' })]);
  const sendIntake = vi.fn(options.send ?? (async () => intake()));
  const onSent = vi.fn();
  const onDismiss = vi.fn();
  renderInPane(
    <IntakeDialog client={options.client ?? ana} loadTemplates={loadTemplates} sendIntake={sendIntake as never} onSent={onSent} onDismiss={onDismiss} />,
    options.locale,
  );
  return { loadTemplates, sendIntake, onSent, onDismiss };
}

describe('intake dialog', () => {
  it('previews the email with the preferred name and sends the chosen template and language', async () => {
    const { sendIntake, onSent } = setup();
    expect(await screen.findByTestId('intake-message')).toHaveProperty('textContent', 'Hello Aninha,\n\nPlease fill in this short form.');
    expect(screen.getByText('To: ana@example.com')).toBeTruthy();

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Template' }), 'Couples intake');
    expect(screen.getByTestId('intake-subject').textContent).toBe('Before we meet');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language of the email and form' }), 'pt-BR');
    await userEvent.click(screen.getByRole('button', { name: 'Send intake form' }));

    expect(sendIntake).toHaveBeenCalledWith('c-ana', { templateId: 't-2', language: 'pt-BR' });
    await waitFor(() => expect(onSent).toHaveBeenCalled());
  });

  it('defaults to the pane language and speaks Portuguese', async () => {
    const { loadTemplates } = setup({ locale: 'pt-BR' });
    expect(await screen.findByRole('alertdialog', { name: 'Enviar formulário de admissão' })).toBeTruthy();
    expect(((await screen.findByRole('combobox', { name: 'Idioma do e-mail e do formulário' })) as HTMLSelectElement).value).toBe('pt-BR');
    expect(screen.getByRole('button', { name: 'Pular' })).toBeTruthy();
    expect(loadTemplates).toHaveBeenCalledWith('pt-BR');
  });

  it('shows the email in the language the user picks, as the service would send it', async () => {
    const portuguese = intakeTemplate({ language: 'pt-BR', emailSubject: 'Seu formulário de admissão', emailMessage: 'Olá, {firstName},\n\nPreencha este formulário.' });
    let answerPortuguese: (items: ReturnType<typeof intakeTemplate>[]) => void = () => undefined;
    const loadTemplates = vi.fn((language: string) =>
      language === 'pt-BR' ? new Promise<ReturnType<typeof intakeTemplate>[]>((resolve) => (answerPortuguese = resolve)) : Promise.resolve([intakeTemplate()]),
    );
    const sendIntake = vi.fn(async () => intake());
    renderInPane(<IntakeDialog client={ana} loadTemplates={loadTemplates} sendIntake={sendIntake as never} onSent={vi.fn()} onDismiss={vi.fn()} />);
    expect((await screen.findByTestId('intake-subject')).textContent).toBe('Your intake form');

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language of the email and form' }), 'pt-BR');
    expect(loadTemplates).toHaveBeenLastCalledWith('pt-BR');
    // While the other language loads, the form stays and sending waits for the preview to match.
    expect(screen.getByText('Showing the email in the chosen language…')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Send intake form' }) as HTMLButtonElement).disabled).toBe(true);

    answerPortuguese([portuguese]);
    await waitFor(() => expect(screen.getByTestId('intake-subject').textContent).toBe('Seu formulário de admissão'));
    expect(screen.getByTestId('intake-message').textContent).toBe('Olá, Aninha,\n\nPreencha este formulário.');
    expect(screen.queryByText('Showing the email in the chosen language…')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Send intake form' }));
    expect(sendIntake).toHaveBeenCalledWith('c-ana', { templateId: 't-1', language: 'pt-BR' });
  });

  it('explains a client without email and does not offer sending', async () => {
    const { sendIntake } = setup({ client: { ...ana, email: null } });
    expect(await screen.findByText(/has no primary email, so the form cannot be sent/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Send intake form' }) as HTMLButtonElement).disabled).toBe(true);
    expect(sendIntake).not.toHaveBeenCalled();
  });

  it('translates problems by code: 422 no email stops, 503 mail-unavailable offers a retry', async () => {
    const send = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(503, 'mail-unavailable'))
      .mockResolvedValueOnce(intake());
    const { onSent } = setup({ send });
    await userEvent.click(await screen.findByRole('button', { name: 'Send intake form' }));
    expect(await screen.findByText(/could not be sent right now; nothing was sent/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(onSent).toHaveBeenCalled());
  });

  it('stops on client-has-no-email and explains consent problems', async () => {
    setup({ send: async () => Promise.reject(new ApiError(422, 'client-has-no-email')) });
    await userEvent.click(await screen.findByRole('button', { name: 'Send intake form' }));
    expect(await screen.findByText(/This client has no primary email. Add one in Contact details/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect((screen.getByRole('button', { name: 'Send intake form' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('skips without sending', async () => {
    const { onDismiss, sendIntake } = setup();
    await userEvent.click(await screen.findByRole('button', { name: 'Skip' }));
    expect(onDismiss).toHaveBeenCalled();
    expect(sendIntake).not.toHaveBeenCalled();
  });
});
