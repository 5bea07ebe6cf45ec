import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { ptBR } from './pt-BR.js';

/** Issue 15: the SPA is complete in both languages; a key missing in either fails here. */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('web texts in pt-BR and English', () => {
  it('have the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ptBR).sort());
  });

  it('have no empty text and the same {placeholders} in both languages', () => {
    for (const key of Object.keys(ptBR) as (keyof typeof ptBR)[]) {
      expect(ptBR[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(ptBR[key]));
    }
  });
});
