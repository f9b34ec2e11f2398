import { describe, expect, it } from 'vitest';
import { formatFileSize } from './fileSize';

describe('formatFileSize', () => {
  it('uses bytes, kB and MB in the reader’s notation', () => {
    expect(formatFileSize(512, 'en')).toBe('512 byte');
    expect(formatFileSize(1500, 'en')).toBe('1.5 kB');
    expect(formatFileSize(10_400_000, 'en')).toBe('10.4 MB');
    expect(formatFileSize(10_400_000, 'pt-BR')).toBe('10,4 MB');
  });
});
