import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { LookupResponse } from '../api/types';
import { ApiError } from '../api/errors';
import { translatorFor } from '../i18n/bothCatalogs';
import { fakeApi } from '../test/fakeApi';
import { fakeGateway } from '../test/fakeGateway';
import { App } from './App';

const ana = { displayName: 'Ana Souza', emailAddress: 'ana@example.com' };
const bia = { displayName: 'Bia Reis', emailAddress: 'bia@example.com' };
const conversation = 'AAQkADU3+/conv=';
const anaIsClient = async (addresses: string[]): Promise<LookupResponse> => ({
  results: addresses.map((address) => ({
    address,
    valid: true,
    matches: address === ana.emailAddress ? [{ clientId: 'c-ana', displayName: 'Ana Souza', matchedAs: 'primary' }] : [],
  })),
});
const savedToAna = async () => [{ clientId: 'c-ana', name: 'Ana Souza', messageSaved: false }];
const settings = (saveConversationsAutomatically: boolean) => async () => ({ saveToKnownClientsWhenSent: false, saveConversationsAutomatically });

describe('whole conversations', () => {
  it("offers to save a later email of a conversation saved to a client's record, in one click", async () => {
    const { gateway } = fakeGateway({ from: ana, to: [], cc: [] }, { message: { conversationId: conversation, internetMessageId: '<m2@example.com>' } });
    const api = fakeApi({ lookup: anaIsClient, conversationSaves: savedToAna, getSaveSettings: settings(false), saveEmail: async () => ({ id: 'se2' }) });
    render(<App translator={translatorFor('en')} office={gateway} api={api} />);

    const banner = await screen.findByTestId('conversation-banner');
    expect(within(banner).getByText("Part of a conversation saved to Ana Souza's record")).toBeTruthy();
    expect(api.conversationSaves).toHaveBeenCalledWith(conversation, '<m2@example.com>', expect.anything());
    expect(api.saveEmail).not.toHaveBeenCalled();

    await userEvent.click(within(banner).getByRole('button', { name: 'Save this one too', description: "Part of a conversation saved to Ana Souza's record" }));
    expect(await within(banner).findByText("Saved to Ana Souza's record too")).toBeTruthy();
    // The button is gone: focus moved to the banner that says it is saved.
    await waitFor(() => expect(document.activeElement).toBe(banner));
    expect(api.saveEmail).toHaveBeenCalledTimes(1);
    expect(api.saveEmail).toHaveBeenCalledWith('c-ana', expect.objectContaining({ internetMessageId: '<m2@example.com>', conversationId: conversation }));
    // The participant's own row agrees: the email is on Ana's record.
    const row = await screen.findByRole('listitem', { name: 'From: Ana Souza' });
    expect(within(row).getByText('Saved to record')).toBeTruthy();
  });

  it('with the setting on, saves it without a click, exactly once, and says so (pt-BR)', async () => {
    const { gateway, select } = fakeGateway({ from: ana, to: [], cc: [] }, { message: { conversationId: conversation, internetMessageId: '<m2@example.com>' } });
    const api = fakeApi({ lookup: anaIsClient, conversationSaves: savedToAna, getSaveSettings: settings(true), saveEmail: async () => ({ id: 'se2' }) });
    render(<App translator={translatorFor('pt-BR')} office={gateway} api={api} />);

    const banner = await screen.findByTestId('conversation-banner');
    expect(await within(banner).findByText('Salvo automaticamente na ficha de Ana Souza: faz parte de uma conversa salva nela')).toBeTruthy();
    expect(within(banner).getByRole('switch', { name: 'Salvar automaticamente os próximos e-mails de conversas salvas' })).toHaveProperty('checked', true);

    // The same email selected again (another ItemChanged): no second save from the pane.
    select({ from: ana, to: [], cc: [] });
    await waitFor(() => expect(api.conversationSaves).toHaveBeenCalledTimes(2));
    await screen.findByTestId('conversation-banner');
    expect(api.saveEmail).toHaveBeenCalledTimes(1);
  });

  it('the switch sets only this setting, and a failed automatic save can be retried by hand', async () => {
    const { gateway } = fakeGateway({ from: ana, to: [], cc: [] }, { message: { conversationId: conversation } });
    let calls = 0;
    const api = fakeApi({
      lookup: anaIsClient,
      conversationSaves: savedToAna,
      getSaveSettings: settings(true),
      setSaveSettings: async () => ({ saveToKnownClientsWhenSent: false, saveConversationsAutomatically: false }),
      saveEmail: async () => {
        if (calls++ === 0) throw new ApiError(503, 'unavailable');
        return { id: 'se2' };
      },
    });
    render(<App translator={translatorFor('en')} office={gateway} api={api} />);
    const banner = await screen.findByTestId('conversation-banner');
    expect(await within(banner).findByRole('alert')).toBeTruthy();
    await userEvent.click(within(banner).getByRole('button', { name: 'Save this one too', description: "Part of a conversation saved to Ana Souza's record" }));
    expect(await within(banner).findByText(/Saved automatically to Ana Souza's record/)).toBeTruthy();
    expect(api.saveEmail).toHaveBeenCalledTimes(2);

    await userEvent.click(within(banner).getByRole('switch', { name: 'Save later emails of saved conversations automatically' }));
    expect(api.setSaveSettings).toHaveBeenCalledWith({ saveConversationsAutomatically: false });
    await waitFor(() => expect(within(banner).getByRole('switch')).toHaveProperty('checked', false));
  });

  it('shows nothing for an email already saved, one without a conversation, or a draft', async () => {
    const saved = fakeGateway({ from: ana, to: [], cc: [] }, { message: { conversationId: conversation } });
    const alreadySaved = fakeApi({ lookup: anaIsClient, conversationSaves: async () => [{ clientId: 'c-ana', name: 'Ana Souza', messageSaved: true }] });
    const { unmount } = render(<App translator={translatorFor('en')} office={saved.gateway} api={alreadySaved} />);
    await screen.findByRole('listitem', { name: 'From: Ana Souza' });
    await waitFor(() => expect(alreadySaved.conversationSaves).toHaveBeenCalled());
    expect(screen.queryByTestId('conversation-banner')).toBeNull();
    expect(alreadySaved.getSaveSettings).not.toHaveBeenCalled();
    unmount();

    const none = fakeApi({ lookup: anaIsClient });
    render(<App translator={translatorFor('en')} office={fakeGateway({ from: bia, to: [ana], cc: [] }).gateway} api={none} />);
    await screen.findByRole('listitem', { name: 'To: Ana Souza' });
    expect(none.conversationSaves).not.toHaveBeenCalled();
  });
});
