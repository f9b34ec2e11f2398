import { describe, expect, it } from 'vitest';
import { splitDisplayName } from './splitDisplayName';

describe('splitDisplayName', () => {
  it.each([
    ['Ana Souza', 'Ana', 'Souza'],
    ['Maria da Silva Santos', 'Maria', 'da Silva Santos'],
    ['Souza, Ana', 'Ana', 'Souza'],
    ['Costa,  Beatriz Helena', 'Beatriz Helena', 'Costa'],
    ['Cher', 'Cher', ''],
    ['  Ana    Souza  ', 'Ana', 'Souza'],
    ['"Priya Nair"', 'Priya', 'Nair'],
    ["'Souza, Ana'", 'Ana', 'Souza'],
    ['ana@example.com', '', ''],
    ['<ana@example.com>', '', ''],
    ['', '', ''],
    ['Souza,', 'Souza', ''],
  ])('splits %j into first %j and last %j', (input, firstName, lastName) => {
    expect(splitDisplayName(input)).toEqual({ firstName, lastName });
  });

  it('treats a missing name as empty', () => {
    expect(splitDisplayName(null)).toEqual({ firstName: '', lastName: '' });
    expect(splitDisplayName(undefined)).toEqual({ firstName: '', lastName: '' });
  });
});
