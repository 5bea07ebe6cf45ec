import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../client.js';
import { TEST_NOW, createTestDatabase, makeAgent, makeContact } from '../testing/index.js';
import { findAccountByEmail } from './accounts.js';
import { completeRegistration, findUsablePendingRegistration, insertPendingRegistration, isAddressInUse } from './registrations.js';

const NOW = TEST_NOW;
const HOUR = 60 * 60_000;
let db: Db;
let dispose: () => void;

beforeEach(() => {
  ({ db, dispose } = createTestDatabase());
});
afterEach(() => dispose());

const signUp = (tokenHash: string, email = 'Nova@Example.com') =>
  insertPendingRegistration(db, { tokenHash, email, name: ' Nova Cliente ', language: 'en', now: NOW, expiresAt: NOW + HOUR });

describe('customer self-registration in the database', () => {
  it('creates no contact at sign-up; the link creates one, with its password and language, once', () => {
    signUp('h1');
    expect(findAccountByEmail(db, 'nova@example.com')).toBeNull();
    expect(findUsablePendingRegistration(db, 'h1', NOW)).toMatchObject({ email: 'nova@example.com', name: 'Nova Cliente' });

    const first = completeRegistration(db, { tokenHash: 'h1', passwordHash: 'hash', now: NOW + 1 });
    const second = completeRegistration(db, { tokenHash: 'h1', passwordHash: 'hash2', now: NOW + 2 });
    expect(first).toMatchObject({ ok: true, email: 'nova@example.com', name: 'Nova Cliente' });
    expect(second).toEqual({ ok: false, reason: 'link_invalid' });
    expect(findAccountByEmail(db, 'nova@example.com')).toMatchObject({ kind: 'contact', passwordHash: 'hash', active: true, name: 'Nova Cliente' });
  });

  it('a newer sign-up for the same address makes the older link stop working', () => {
    signUp('old');
    signUp('new', 'nova@example.com');
    expect(findUsablePendingRegistration(db, 'old', NOW)).toBeNull();
    expect(completeRegistration(db, { tokenHash: 'old', passwordHash: 'x', now: NOW }).ok).toBe(false);
    expect(completeRegistration(db, { tokenHash: 'new', passwordHash: 'x', now: NOW }).ok).toBe(true);
  });

  it('an expired link creates nothing', () => {
    signUp('h1');
    expect(findUsablePendingRegistration(db, 'h1', NOW + HOUR)).toBeNull();
    expect(completeRegistration(db, { tokenHash: 'h1', passwordHash: 'x', now: NOW + HOUR })).toEqual({ ok: false, reason: 'link_invalid' });
    expect(findAccountByEmail(db, 'nova@example.com')).toBeNull();
  });

  it('an address taken after the sign-up (an agent created the contact) spends the link and creates no second account', () => {
    signUp('h1');
    makeContact(db, { email: 'nova@example.com', name: 'Criada pelo agente', passwordHash: null });
    expect(completeRegistration(db, { tokenHash: 'h1', passwordHash: 'x', now: NOW })).toEqual({ ok: false, reason: 'email_taken' });
    expect(findAccountByEmail(db, 'nova@example.com')).toMatchObject({ name: 'Criada pelo agente', passwordHash: null });
  });

  it('knows an address used by an agent or a contact, whatever its case', () => {
    makeAgent(db, { email: 'agente@example.com' });
    expect(isAddressInUse(db, 'AGENTE@example.com')).toBe(true);
    expect(isAddressInUse(db, 'ninguem@example.com')).toBe(false);
  });
});
