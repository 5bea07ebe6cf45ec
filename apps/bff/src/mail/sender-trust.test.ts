import { describe, expect, it } from 'vitest';
import { senderTrust } from './sender-trust.js';

const base = { fromAddress: 'cliente@example.com', authservId: 'mx.atende.local' };

describe('sender trust (Authentication-Results from our MTA, else the envelope)', () => {
  it('DMARC pass from our authserv-id trusts the From', () => {
    expect(senderTrust({ ...base, envelopeFrom: null, authenticationResults: ['mx.atende.local; spf=pass smtp.mailfrom=example.com; dmarc=pass header.from=example.com'] })).toEqual({ trusted: true, via: 'authentication_results' });
  });

  it('DMARC fail holds, whatever the envelope says', () => {
    expect(senderTrust({ ...base, envelopeFrom: 'cliente@example.com', authenticationResults: ['mx.atende.local; dmarc=fail (p=none) header.from=example.com'] })).toEqual({ trusted: false, reason: 'auth_failed' });
  });

  it('without DMARC, an aligned DKIM or SPF pass trusts; an unaligned one holds', () => {
    expect(senderTrust({ ...base, envelopeFrom: null, authenticationResults: ['mx.atende.local; dkim=pass header.d=mail.example.com'] }).trusted).toBe(true);
    expect(senderTrust({ ...base, envelopeFrom: null, authenticationResults: ['mx.atende.local; dkim=pass header.d=evil.example; spf=pass smtp.mailfrom=bounce@evil.example'] })).toEqual({ trusted: false, reason: 'auth_failed' });
  });

  it("a header the sender added (another authserv-id) is ignored; only our MTA's topmost one counts", () => {
    const forged = 'mx.atende.local.evil; dmarc=pass header.from=example.com';
    expect(senderTrust({ ...base, envelopeFrom: 'x@evil.example', authenticationResults: [forged] })).toEqual({ trusted: false, reason: 'envelope_mismatch' });
    const ours = 'mx.atende.local; dmarc=fail header.from=example.com';
    const theirs = 'mx.atende.local; dmarc=pass header.from=example.com';
    expect(senderTrust({ ...base, envelopeFrom: null, authenticationResults: [ours, theirs] }).trusted).toBe(false);
  });

  it('with no trusted header, the envelope sender must have the From domain', () => {
    expect(senderTrust({ ...base, authservId: null, envelopeFrom: 'bounces@example.com', authenticationResults: [] })).toEqual({ trusted: true, via: 'envelope' });
    expect(senderTrust({ ...base, authservId: null, envelopeFrom: 'atacante@evil.example', authenticationResults: [] })).toEqual({ trusted: false, reason: 'envelope_mismatch' });
    expect(senderTrust({ ...base, authservId: null, envelopeFrom: null, authenticationResults: [] })).toEqual({ trusted: false, reason: 'envelope_mismatch' });
  });
});
