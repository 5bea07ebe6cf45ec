import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_ERROR_MESSAGES_PT } from './errors.js';
import { API_ERROR_MESSAGES_EN, FIELD_MESSAGES_EN, localizeErrorBody } from './messages-en.js';

/** Every .ts source (not test) under a directory. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && e.name !== 'messages-en.ts')
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));
}

const here = new URL('.', import.meta.url).pathname;
const bff = new URL('../../../apps/bff/src/', import.meta.url).pathname;

/** pt-BR sentences the schemas give zod as messages (quoted, capitalised, ending in a full stop). */
function schemaMessages(): Set<string> {
  const table = new Set(Object.values(API_ERROR_MESSAGES_PT));
  const found = new Set<string>();
  for (const text of sources(here)) for (const [, m] of text.matchAll(/'([A-ZÁÉÍÓÚÂÊÔÃÕÇ][^'\n]{2,}\.)'/g)) if (!table.has(m!)) found.add(m!);
  return found;
}

/** Field messages the routes write: `fields: { name: '…' }`, unknown keys, and the password policy. */
function routeMessages(): Set<string> {
  const found = new Set<string>();
  for (const text of sources(bff)) {
    for (const [, m] of text.matchAll(/fields: \{ \w+: '([^']+)' \}/g)) found.add(m!);
    for (const [, m] of text.matchAll(/'unrecognized_keys' \? '([^']+)'/g)) found.add(m!);
  }
  for (const [, m] of readFileSync(join(bff, 'auth/password-policy.ts'), 'utf8').matchAll(/return '([^']+)'/g)) found.add(m!);
  return found;
}

describe('every API message exists in pt-BR and English', () => {
  it('each error code has both texts, none empty', () => {
    expect(Object.keys(API_ERROR_MESSAGES_EN).sort()).toEqual(Object.keys(API_ERROR_MESSAGES_PT).sort());
    for (const text of [...Object.values(API_ERROR_MESSAGES_EN), ...Object.values(API_ERROR_MESSAGES_PT)]) expect(text.trim()).not.toBe('');
  });

  it('each field message of the schemas and routes has its English', () => {
    const messages = [...schemaMessages(), ...routeMessages()];
    expect(messages.length).toBeGreaterThan(40);
    expect(messages.filter((m) => !(m in FIELD_MESSAGES_EN))).toEqual([]);
  });

  it('renders an error body in English: message, fields and the wait', () => {
    expect(localizeErrorBody({ code: 'validation_failed', message: API_ERROR_MESSAGES_PT.validation_failed, fields: { body: 'Escreva sua mensagem.' } }, 'en')).toEqual({
      code: 'validation_failed',
      message: 'Some fields are not right. Check them and try again.',
      fields: { body: 'Write your message.' },
    });
    expect(localizeErrorBody({ code: 'too_many_attempts', message: '…', retryAfterSeconds: 90 }, 'en').message).toBe('Too many attempts. Wait 2 minutes and try again.');
    const pt = { code: 'not_found' as const, message: 'Não encontrado.' };
    expect(localizeErrorBody(pt, 'pt-BR')).toBe(pt);
  });
});
