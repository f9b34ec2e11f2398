import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import type { Message } from '../i18n/translator';
import { previewEn, previewPtBR, previewTranslator } from './previewCatalog';

const placeholders = (message: Message) => [...new Set((typeof message === 'string' ? message : Object.values(message).join(' ')).match(/\{\w+\}/g) ?? [])].sort();

describe('the preview page\'s words', () => {
  it('pt-BR has the keys and placeholders of en', () => {
    expect(Object.keys(previewPtBR).sort()).toEqual(Object.keys(previewEn).sort());
    for (const key of Object.keys(previewEn) as (keyof typeof previewEn)[]) expect([key, placeholders(previewPtBR[key])]).toEqual([key, placeholders(previewEn[key])]);
  });

  it('are not in the pane\'s catalog, which the pane loads before its first paint', () => {
    expect(Object.keys(en).filter((key) => key.startsWith('preview.'))).toEqual([]);
    expect(previewTranslator('pt-BR').t('preview.seed')).toBe('Criar clientes de exemplo');
  });
});
