import { splitDisplayName } from './splitDisplayName';

const startsWithLetter = (word: string) => /^\p{L}/u.test(word);
// The first character as the reader sees it (a letter with its accent, not half a surrogate pair).
const firstLetter = (word: string) => Array.from(word.normalize('NFC'))[0] ?? '';

/**
 * Up to two letters for a person's picture: the first and last names' first letters ("Ana Souza",
 * "Souza, Ana" and "Ana da Silva Souza" all give "AS"). Notes in brackets ("Ana (clínica)") and words
 * that are not names (numbers, symbols) are left out; a display name with no name in it gives "".
 */
export function initialsOf(displayName: string | null | undefined, locale?: string): string {
  const withoutNotes = (displayName ?? '').replace(/\([^)]*\)|\[[^\]]*\]|\{[^}]*\}/g, ' ');
  const { firstName, lastName } = splitDisplayName(withoutNotes);
  const words = [...firstName.split(' '), ...lastName.split(' ')].filter(startsWithLetter);
  if (words.length === 0) return '';
  const picked = words.length === 1 ? [words[0]] : [words[0], words[words.length - 1]];
  return picked.map(firstLetter).join('').toLocaleUpperCase(locale);
}
