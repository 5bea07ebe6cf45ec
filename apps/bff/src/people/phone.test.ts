import { whatsAppUrl } from '@atende/domain';
import { describe, expect, it } from 'vitest';
import { toE164 } from './phone.js';

describe('phones in E.164 (default region BR)', () => {
  it('normalizes the ways people write a Brazilian mobile, so the WhatsApp link has the country code', () => {
    for (const typed of ['(51) 99999-1234', '51 99999 1234', '+55 51 99999-1234', '5551999991234', '051 99999-1234']) {
      expect(toE164(typed), typed).toBe('+5551999991234');
    }
    expect(whatsAppUrl(toE164('(51) 99999-1234') as string)).toBe('https://wa.me/5551999991234');
  });

  it('keeps a landline and a foreign number, and refuses what cannot be a phone', () => {
    expect(toE164('(11) 3333-4444')).toBe('+551133334444');
    expect(toE164('+351 912 345 678')).toBe('+351912345678');
    expect(toE164('123')).toBe('invalid');
    expect(toE164('  ')).toBeNull();
  });
});
