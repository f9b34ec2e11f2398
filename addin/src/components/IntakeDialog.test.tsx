import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import { intake, intakeTemplate } from '../test/fixtures';
import { renderInPane } from '../test/render';
import { IntakeDialog, type IntakeClient } from './IntakeDialog';
import type { CopyText } from './IntakeLink';

const ana: IntakeClient = { id: 'c-ana', displayName: 'Ana Souza', firstName: 'Ana', preferredName: 'Aninha', email: 'ana@example.com' };

const manualLink = 'https://crm.example.com/intake/tok-123';

function setup(options: { client?: IntakeClient; send?: () => Promise<unknown>; locale?: 'en' | 'pt-BR'; copyText?: CopyText | null } = {}) {
  const loadTemplates = vi.fn(async () => [intakeTemplate(), intakeTemplate({ id: 't-2', name: 'Couples intake', emailSubject: 'Before we meet' })]);
  const sendIntake = vi.fn(options.send ?? (async () => intake()));
  const copyText = options.copyText === undefined ? vi.fn(async () => undefined) : options.copyText;
  const onSent = vi.fn();
  const onNotSent = vi.fn();
  const onDismiss = vi.fn();
  renderInPane(
    <IntakeDialog
      client={options.client ?? ana}
      loadTemplates={loadTemplates}
      sendIntake={sendIntake as never}
      copyText={copyText}
      onSent={onSent}
      onNotSent={onNotSent}
      onDismiss={onDismiss}
    />,
    options.locale,
  );
  return { loadTemplates, sendIntake, copyText, onSent, onNotSent, onDismiss };
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
    renderInPane(
      <IntakeDialog client={ana} loadTemplates={loadTemplates} sendIntake={sendIntake as never} copyText={null} onSent={vi.fn()} onNotSent={vi.fn()} onDismiss={vi.fn()} />,
    );
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

  it('offers to send again when the request failed before any intake was saved', async () => {
    const send = vi
      .fn()
      .mockRejectedValueOnce(ApiError.network())
      .mockResolvedValueOnce(intake());
    const { onSent, onNotSent } = setup({ send });
    await userEvent.click(await screen.findByRole('button', { name: 'Send intake form' }));
    expect(await screen.findByText(/You seem to be offline/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(onSent).toHaveBeenCalled());
    expect(onNotSent).not.toHaveBeenCalled();
  });

  it('after a failed email, explains it, points to the saved intake and offers no second send', async () => {
    const send = vi.fn(async () => Promise.reject(new ApiError(503, 'mail-unavailable', { code: 'mail-unavailable', intakeId: 'i-9' })));
    const { sendIntake, onNotSent, onSent, onDismiss } = setup({ send });
    await userEvent.click(await screen.findByRole('button', { name: 'Send intake form' }));

    expect(await screen.findByText(/could not be sent right now; nothing was sent/)).toBeTruthy();
    expect(screen.getByText('The form is kept in the Intake tab as not sent; send it again from there.')).toBeTruthy();
    expect(onNotSent).toHaveBeenCalledWith('i-9');
    expect(screen.queryByRole('button', { name: 'Send intake form' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onDismiss).toHaveBeenCalled();
    expect(sendIntake).toHaveBeenCalledTimes(1);
    expect(onSent).not.toHaveBeenCalled();
  });

  it('explains a missing consent to send, in Portuguese', async () => {
    const { onNotSent } = setup({
      locale: 'pt-BR',
      send: async () => Promise.reject(new ApiError(403, 'mail-consent-required', { code: 'mail-consent-required', intakeId: 'i-9' })),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Enviar formulário de admissão' }));
    expect(await screen.findByText(/exige sua permissão para enviar e-mails/)).toBeTruthy();
    expect(screen.getByText('O formulário fica na aba Admissão como não enviado; envie-o novamente por lá.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Fechar' })).toBeTruthy();
    expect(onNotSent).toHaveBeenCalledWith('i-9');
  });

  it('with manual delivery shows the link to pass on, says no email was sent, and copies it', async () => {
    const sent = intake({ delivery: 'manual', link: manualLink });
    const { copyText, onSent } = setup({ send: async () => sent });
    await userEvent.click(await screen.findByRole('button', { name: 'Send intake form' }));

    expect(await screen.findByRole('alertdialog', { name: 'Intake form link ready' })).toBeTruthy();
    expect(screen.getByText('No email was sent. Copy this link and pass it on to ana@example.com yourself.')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Link to the form' }) as HTMLTextAreaElement).value).toBe(manualLink);
    await userEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(copyText).toHaveBeenCalledWith(manualLink);
    expect(screen.getByRole('status').textContent).toBe('Link copied');
    // The list gets the intake once the user is done with the link.
    expect(onSent).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(onSent).toHaveBeenCalledWith(sent);
  });

  it('shows the manual link in Portuguese and leaves it to select when copying is refused', async () => {
    const refused = vi.fn(async () => Promise.reject(new DOMException('Not allowed', 'NotAllowedError')));
    setup({ locale: 'pt-BR', copyText: refused, send: async () => intake({ delivery: 'manual', link: manualLink }) });
    await userEvent.click(await screen.findByRole('button', { name: 'Enviar formulário de admissão' }));

    expect(await screen.findByRole('alertdialog', { name: 'Link do formulário de admissão pronto' })).toBeTruthy();
    expect(screen.getByText('Nenhum e-mail foi enviado. Copie este link e repasse-o você mesmo para ana@example.com.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Copiar link' }));
    expect(screen.getByRole('status').textContent).toBe('Não foi possível copiar. Selecione o link e copie-o você mesmo.');
    const field = screen.getByRole('textbox', { name: 'Link do formulário' }) as HTMLTextAreaElement;
    expect(document.activeElement).toBe(field);
    expect(field.value.slice(field.selectionStart, field.selectionEnd)).toBe(manualLink);
    expect(screen.getByRole('button', { name: 'Concluir' })).toBeTruthy();
  });

  it('without a Clipboard API shows the link with no copy button', async () => {
    setup({ copyText: null, send: async () => intake({ delivery: 'manual', link: manualLink }) });
    await userEvent.click(await screen.findByRole('button', { name: 'Send intake form' }));
    expect((await screen.findByRole('textbox', { name: 'Link to the form' }) as HTMLTextAreaElement).value).toBe(manualLink);
    expect(screen.queryByRole('button', { name: 'Copy link' })).toBeNull();
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
