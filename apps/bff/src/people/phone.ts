import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * A phone as people type it in Brazil ("(51) 99999-1234", "+55 51 99999-1234", "051 99999 1234") in
 * E.164 ("+5551999991234"), so the WhatsApp link and the country code are right. Numbers without a
 * country code are Brazilian. Null for an empty value; 'invalid' when it cannot be a phone number.
 */
export function toE164(raw: string | null | undefined, defaultRegion: 'BR' = 'BR'): string | null | 'invalid' {
  const value = (raw ?? '').trim();
  if (!value) return null;
  const parsed = parsePhoneNumberFromString(value, defaultRegion);
  return parsed?.isValid() ? parsed.number : 'invalid';
}
