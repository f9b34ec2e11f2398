export type ParticipantRole = 'from' | 'to' | 'cc';

export interface EmailParticipant {
  displayName: string;
  emailAddress: string;
}

export interface ItemParticipants {
  from: EmailParticipant | null;
  to: EmailParticipant[];
  cc: EmailParticipant[];
}

export interface RoledParticipant extends EmailParticipant {
  role: ParticipantRole;
}

const sameAddressKey = (address: string) => address.trim().toLowerCase();

/** Outlook sometimes hands over a display name still wrapped in its header quotes: "\"Priya Nair\"". */
function cleanDisplayName(displayName: string | null | undefined): string {
  let name = (displayName ?? '').trim();
  while (name.length >= 2 && /^(["'“‘]).*(["'”’])$/.test(name)) name = name.slice(1, -1).trim();
  return name;
}

/**
 * Drops the signed-in user's own address (and a shared mailbox's owner) and keeps each address once, in the first role it
 * appears in (from, then to, then cc), so a lookup never asks about the same address twice.
 */
export function cleanParticipants(raw: ItemParticipants, ownAddress: string | null | readonly (string | null)[]): ItemParticipants {
  const seen = new Set<string>();
  for (const own of typeof ownAddress === 'string' || ownAddress === null ? [ownAddress] : ownAddress) if (own) seen.add(sameAddressKey(own));
  const keep = (p: EmailParticipant | null | undefined): p is EmailParticipant => {
    if (!p || !p.emailAddress || !p.emailAddress.trim()) return false;
    const key = sameAddressKey(p.emailAddress);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  const normalise = (p: EmailParticipant): EmailParticipant => ({
    displayName: cleanDisplayName(p.displayName),
    emailAddress: p.emailAddress.trim(),
  });
  const from = keep(raw.from) ? normalise(raw.from as EmailParticipant) : null;
  const to = raw.to.filter(keep).map(normalise);
  const cc = raw.cc.filter(keep).map(normalise);
  return { from, to, cc };
}

export function listWithRoles(participants: ItemParticipants): RoledParticipant[] {
  return [
    ...(participants.from ? [{ ...participants.from, role: 'from' as const }] : []),
    ...participants.to.map((p) => ({ ...p, role: 'to' as const })),
    ...participants.cc.map((p) => ({ ...p, role: 'cc' as const })),
  ];
}
