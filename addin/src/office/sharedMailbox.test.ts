import { describe, expect, it } from 'vitest';
import { createOfficeGateway, type MailItem } from './office';
import { readMailboxOwner } from './sharedMailbox';

const person = (displayName: string, emailAddress: string) => ({ displayName, emailAddress });
const supporting = (maxMinor: number) => ({
  context: { requirements: { isSetSupported: (name: string, version?: string) => name === 'Mailbox' && Number(version?.split('.')[1] ?? 0) <= maxMinor } },
});
const sharedBy = (owner: string, status = 'succeeded') => ({
  getSharedPropertiesAsync: (callback: (result: unknown) => void) => setTimeout(() => callback({ status, value: { owner, targetMailbox: owner } }), 0),
});

describe('readMailboxOwner', () => {
  it('names the owner of an item in a shared or delegate mailbox', async () => {
    expect(await readMailboxOwner(sharedBy('recepcao@example.com'), supporting(14), 'me@example.com')).toEqual({
      kind: 'shared',
      address: 'recepcao@example.com',
    });
  });

  it('is the own mailbox when Outlook offers no shared properties for the item', async () => {
    expect(await readMailboxOwner({ subject: 'x' }, supporting(14), 'me@example.com')).toEqual({ kind: 'own' });
  });

  it('is the own mailbox when the owner is the signed-in user', async () => {
    expect(await readMailboxOwner(sharedBy('ME@example.com'), supporting(14), 'me@example.com')).toEqual({ kind: 'own' });
  });

  it('cannot tell on an Outlook without Mailbox 1.8, even if the item carries the method', async () => {
    expect(await readMailboxOwner(sharedBy('recepcao@example.com'), supporting(7), 'me@example.com')).toEqual({ kind: 'unknown' });
    expect(await readMailboxOwner(sharedBy('recepcao@example.com'), {}, 'me@example.com')).toEqual({ kind: 'unknown' });
  });

  it('cannot tell when the call fails or throws', async () => {
    expect(await readMailboxOwner(sharedBy('recepcao@example.com', 'failed'), supporting(14), null)).toEqual({ kind: 'unknown' });
    const throwing = { getSharedPropertiesAsync: () => { throw new Error('not here'); } };
    expect(await readMailboxOwner(throwing, supporting(14), null)).toEqual({ kind: 'unknown' });
  });
});

describe('participants of a shared mailbox item', () => {
  it('leaves out the mailbox owner and the signed-in user', async () => {
    const item = {
      subject: 'Remarcar',
      from: person('Ana', 'ana@example.com'),
      to: [person('Recepção', 'RECEPCAO@example.com')],
      cc: [person('Me', 'me@example.com'), person('Caio', 'caio@example.org')],
      ...sharedBy('recepcao@example.com'),
    };
    const office = {
      ...supporting(14),
      EventType: {},
      context: { ...supporting(14).context, mailbox: { item, userProfile: { emailAddress: 'me@example.com', displayName: 'Me' } } },
    } as unknown as typeof Office;
    const gateway = createOfficeGateway(office);
    const participants = await gateway.readParticipants(item as unknown as MailItem);
    expect(participants).toEqual({ from: person('Ana', 'ana@example.com'), to: [], cc: [person('Caio', 'caio@example.org')] });
  });
});
