import { describe, expect, it } from 'vitest';
import { initialsOf } from './initials';

describe('initialsOf', () => {
  it.each([
    ['Ana Souza', 'AS'],
    ['Souza, Ana', 'AS'],
    ['Ana Maria da Silva Souza', 'AS'],
    ['"Beatriz Costa"', 'BC'],
    ['beatriz', 'B'],
    ['Ícaro Ávila', 'ÍÁ'],
    ['Ana Souza (Clínica Aurora)', 'AS'],
    ['[Ext] Iolanda Saraiva', 'IS'],
    ['Tomás 2º Andar', 'TA'],
  ])('%s → %s', (name, expected) => expect(initialsOf(name)).toBe(expected));

  it.each([[''], [null], [undefined], ['ana@example.com'], ['+55 11 99999-0000'], ['(só notas)']])('%s has no initials', (name) =>
    expect(initialsOf(name)).toBe(''),
  );

  it('keeps a letter written with a combining accent whole', () => {
    expect(initialsOf('E\u0301lia Nunes')).toBe('ÉN');
  });

  it('upper-cases by the reader’s locale', () => {
    expect(initialsOf('irmak yılmaz', 'tr')).toBe('İY');
  });
});
