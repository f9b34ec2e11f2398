import { describe, expect, it } from 'vitest';
import { multiSaveEn, multiSavePtBR, multiSaveTranslator } from './multiSave';
import type { Message } from './translator';

const placeholders = (message: Message) => [...new Set((typeof message === 'string' ? message : Object.values(message).join(' ')).match(/\{\w+\}/g) ?? [])].sort();

describe('the words of several emails at once', () => {
  it('pt-BR has the keys and placeholders of en', () => {
    expect(Object.keys(multiSavePtBR).sort()).toEqual(Object.keys(multiSaveEn).sort());
    for (const key of Object.keys(multiSaveEn) as (keyof typeof multiSaveEn)[]) expect([key, placeholders(multiSavePtBR[key])]).toEqual([key, placeholders(multiSaveEn[key])]);
  });

  it('speaks the pane\'s language, with plurals', () => {
    expect(multiSaveTranslator('pt-BR').t('multi.heading', { count: 1 })).toBe('1 e-mail selecionado');
    expect(multiSaveTranslator('en').t('multi.save', { count: 3 })).toBe('Save 3 emails to client records');
  });
});
