export interface SplitName {
  firstName: string;
  lastName: string;
}

const looksLikeAddress = (value: string) => /^\S+@\S+$/.test(value);

/**
 * Seeds first/last name from an email display name: "Ana Souza", "Souza, Ana", "'Ana Souza'",
 * "Ana" alone. An address used as a display name gives no name at all rather than a wrong one.
 */
export function splitDisplayName(displayName: string | null | undefined): SplitName {
  let name = (displayName ?? '').replace(/\s+/g, ' ').trim();
  // Outlook often wraps names in quotes: "Ana Souza" or 'Ana Souza'.
  while (/^(["'“‘]).*(["'”’])$/.test(name) && name.length >= 2) name = name.slice(1, -1).trim();
  if (!name || looksLikeAddress(name) || looksLikeAddress(name.replace(/^<|>$/g, ''))) return { firstName: '', lastName: '' };

  const comma = name.indexOf(',');
  if (comma > 0) {
    const last = name.slice(0, comma).trim();
    const first = name.slice(comma + 1).trim();
    if (first && last) return { firstName: first, lastName: last };
    name = (first || last).trim();
  }

  const parts = name.split(' ');
  if (parts.length === 1) return { firstName: parts[0], lastName: '' };
  // Compound surnames are common ("Maria da Silva Santos"), so everything after the first word is the last name.
  return { firstName: parts[0], lastName: parts.slice(1).join(' ') };
}
