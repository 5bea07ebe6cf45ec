import { describe, expect, it } from 'vitest';
import { createRatingToken, verifyRatingToken } from './rating-token.js';

const SECRET = 'test-secret';
const claims = { ticketId: 42, closing: 2, expiresAt: 1_000_000 };

describe('rating tokens', () => {
  it('verify while valid', () => {
    expect(verifyRatingToken(SECRET, createRatingToken(SECRET, claims), 999_999)).toEqual({ ok: true, claims });
  });
  it('expire', () => {
    expect(verifyRatingToken(SECRET, createRatingToken(SECRET, claims), 1_000_000)).toEqual({ ok: false, reason: 'expired' });
  });
  it('reject tampering with the ticket, the closing, the expiry or the key', () => {
    const token = createRatingToken(SECRET, claims);
    for (const forged of [token.replace(/^42/, '43'), token.replace('.2.', '.3.'), token.replace('1000000', '9000000')]) {
      expect(verifyRatingToken(SECRET, forged, 0)).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(verifyRatingToken('other', token, 0)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyRatingToken(SECRET, 'garbage', 0)).toEqual({ ok: false, reason: 'invalid' });
  });
});
