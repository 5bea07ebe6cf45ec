import { sqliteStore, type Database } from '@atende/db/store';
import { createTestDatabase } from '@atende/db/testing';
import { claimDueMail, enqueueMail, getOutboxMail, type Db } from '@atende/db';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capturingSmtp } from '../testing/capturing-smtp.js';
import { relayOutbox, smtpTransport } from './relay.js';

let db: Db;
let store: Database;
let dispose: () => void;
beforeEach(() => {
  ({ db, dispose } = createTestDatabase());
  store = sqliteStore(db);
});
afterEach(() => {
  if (store.engine === 'sqlite') store.reader.$client.close();
  dispose();
});

const NOW = Date.UTC(2026, 10, 23, 15, 0, 0);
const mail = (key: string) => ({
  dedupeKey: key,
  ticketId: null,
  kind: 'reminder',
  toAddress: 'cliente@example.com',
  replyTo: 'ticket-1-0123456789abcdef0123@atende.local',
  subject: 'Aguardamos sua resposta',
  textBody: 'Olá <b>!',
  htmlBody: '<p>Olá &lt;b&gt;!</p>',
  messageDomain: 'atende.local',
});

describe('outbox relay over real SMTP', () => {
  it('delivers text and HTML with the stable Message-ID and Reply-To, then marks it sent; a dedupe key records once', async () => {
    expect(enqueueMail(db, mail('reminder:1:0:1'), NOW)).toBe(true);
    expect(enqueueMail(db, mail('reminder:1:0:1'), NOW)).toBe(false);
    const smtp = capturingSmtp();
    const url = await smtp.start();
    try {
      const report = await relayOutbox(store, smtpTransport(url), { from: 'Atende <a@atende.local>', now: () => NOW });
      expect(report).toEqual({ sent: 1, retried: 0, failed: 0 });
      expect(smtp.received).toHaveLength(1);
      const parsed = await simpleParser(smtp.received[0]!.raw);
      const row = getOutboxMail(db, 1)!;
      expect(parsed.messageId).toBe(row.messageId);
      expect(parsed.replyTo?.text).toBe('ticket-1-0123456789abcdef0123@atende.local');
      expect(parsed.text?.trim()).toBe('Olá <b>!');
      expect(parsed.html).toContain('&lt;b&gt;');
      expect(row).toMatchObject({ status: 'sent', attempts: 1, sentAt: NOW });
      // Nothing left to send.
      expect((await relayOutbox(store, smtpTransport(url), { from: 'a@atende.local', now: () => NOW })).sent).toBe(0);
    } finally {
      await smtp.stop();
    }
  });

  it('retries a temporary failure with backoff and records a permanent one, never dropping it', async () => {
    enqueueMail(db, mail('a'), NOW);
    const temp = capturingSmtp({ code: 451 });
    let url = await temp.start();
    try {
      expect(await relayOutbox(store, smtpTransport(url), { from: 'a@atende.local', now: () => NOW })).toEqual({ sent: 0, retried: 1, failed: 0 });
      expect(getOutboxMail(db, 1)).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: NOW + 60_000 });
      // Not due before the backoff.
      expect((await relayOutbox(store, smtpTransport(url), { from: 'a@atende.local', now: () => NOW + 59_000 })).retried).toBe(0);
    } finally {
      await temp.stop();
    }
    const perm = capturingSmtp({ code: 550 });
    url = await perm.start();
    try {
      expect(await relayOutbox(store, smtpTransport(url), { from: 'a@atende.local', now: () => NOW + 60_000 })).toEqual({ sent: 0, retried: 0, failed: 1 });
      expect(getOutboxMail(db, 1)).toMatchObject({ status: 'failed', attempts: 2, lastError: expect.stringContaining('refused') });
    } finally {
      await perm.stop();
    }
  });

  it('a claimed row is leased: a second relay does not take it until the lease lapses', () => {
    enqueueMail(db, mail('b'), NOW);
    expect(claimDueMail(db, { now: NOW, leaseMs: 60_000, limit: 10 })).toHaveLength(1);
    expect(claimDueMail(db, { now: NOW + 30_000, leaseMs: 60_000, limit: 10 })).toHaveLength(0);
    const again = claimDueMail(db, { now: NOW + 61_000, leaseMs: 60_000, limit: 10 });
    expect(again).toHaveLength(1);
    expect(again[0]!.messageId).toBe(getOutboxMail(db, 1)!.messageId);
  });
});
