import { describe, expect, it } from 'vitest';
import { whatsAppUrl } from './whatsapp.js';

describe('WhatsApp link from a contact phone', () => {
  it('keeps only the digits', () => {
    expect(whatsAppUrl('+55 51 99999-1234')).toBe('https://wa.me/5551999991234');
  });
  it('no link for an empty or too short number', () => {
    expect(whatsAppUrl(null)).toBeNull();
    expect(whatsAppUrl('1234')).toBeNull();
  });
});
