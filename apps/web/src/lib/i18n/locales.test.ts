import { describe, expect, it } from 'vitest';
import { consoleEn } from './console.en.js';
import { consolePtBR } from './console.pt-BR.js';
import { en } from './en.js';
import { ptBR } from './pt-BR.js';

/** Issue 15: the SPA is complete in both languages; a key missing in either fails here. */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each([
  { name: 'shared texts', portuguese: ptBR as Record<string, string>, english: en as Record<string, string> },
  { name: 'agent console texts', portuguese: consolePtBR as Record<string, string>, english: consoleEn as Record<string, string> },
])('web $name in pt-BR and English', ({ portuguese, english }) => {
  it('have the same keys', () => {
    expect(Object.keys(english).sort()).toEqual(Object.keys(portuguese).sort());
  });

  it('have no empty text and the same {placeholders} in both languages', () => {
    for (const key of Object.keys(portuguese)) {
      expect(portuguese[key]!.trim(), key).not.toBe('');
      expect(english[key]!.trim(), key).not.toBe('');
      expect(placeholders(english[key]!), key).toEqual(placeholders(portuguese[key]!));
    }
  });
});

describe('the two dictionaries', () => {
  it('never define one key twice (the console’s texts are looked up after the shared ones)', () => {
    expect(Object.keys(consolePtBR).filter((key) => key in ptBR)).toEqual([]);
  });
});
