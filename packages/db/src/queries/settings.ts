import { randomBytes } from 'node:crypto';
import {
  DEFAULT_APPROVAL_TIMEOUT_POLICY,
  DEFAULT_INACTIVITY_POLICY,
  DEFAULT_PORTAL_POLICY,
  DEFAULT_SAME_DAY_ROUTING_POLICY,
  DEFAULT_SLA_POLICY,
  type ApprovalTimeoutPolicy,
  type InactivityPolicy,
  type PortalPolicy,
  type SameDayRoutingPolicy,
  type SlaPolicy,
} from '@atende/domain';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { settings } from '../schema.js';
import { cached } from './prepared.js';

/**
 * Settings are rows of key → JSON. Each group has typed defaults here, so a new setting needs no
 * migration and an old database reads the defaults for what it has never stored.
 */
function readSetting<T extends object>(db: Db, key: string, defaults: T): T {
  // Read on nearly every request (portal switches, company clock): a prepared statement, not a rebuilt query.
  const query = cached(db, 'readSetting', () => db.select().from(settings).where(eq(settings.key, sql.placeholder('key'))).prepare());
  const row = query.get({ key });
  return { ...defaults, ...((row?.value as Partial<T> | undefined) ?? {}) };
}

function writeSetting(db: Db, key: string, value: object): void {
  db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}

/** The customer portal's switches (seed 003) and the customer rules' windows. */
export interface PortalSettings extends PortalPolicy {
  /** Customers see their tickets (the Atendimentos menu). */
  customersSeeTickets: boolean;
  /** Customers open tickets from the portal. */
  customersOpenTickets: boolean;
  /** An agent's message is public unless they choose otherwise. */
  agentRepliesPublicByDefault: boolean;
  /** Issue 17: anyone may create a customer account, proven by a link e-mailed to the address. Off by default. */
  customersSelfRegister: boolean;
}

export const DEFAULT_PORTAL_SETTINGS: PortalSettings = {
  ...DEFAULT_PORTAL_POLICY,
  customersSeeTickets: true,
  customersOpenTickets: true,
  agentRepliesPublicByDefault: true,
  customersSelfRegister: false,
};

export function getPortalSettings(db: Db): PortalSettings {
  return readSetting(db, 'portal', DEFAULT_PORTAL_SETTINGS);
}

export function savePortalSettings(db: Db, value: PortalSettings): void {
  writeSetting(db, 'portal', value);
}

/** The service company's clock: its time zone and business hours (due dates, today's work, routing). */
export interface CompanySettings {
  timeZone: string;
  /** Business days, 0 = Sunday … 6 = Saturday. */
  businessDays: number[];
  /** Opening and closing time, "HH:MM", in the company's time zone. */
  businessHoursStart: string;
  businessHoursEnd: string;
  /** Holidays, 'YYYY-MM-DD' in the company's calendar: due dates and response targets skip them. */
  holidays: string[];
}

export const DEFAULT_COMPANY_SETTINGS: CompanySettings = {
  timeZone: 'America/Sao_Paulo',
  businessDays: [1, 2, 3, 4, 5],
  businessHoursStart: '08:00',
  businessHoursEnd: '18:00',
  holidays: [],
};

export function getCompanySettings(db: Db): CompanySettings {
  return readSetting(db, 'company', DEFAULT_COMPANY_SETTINGS);
}

export function saveCompanySettings(db: Db, value: CompanySettings): void {
  writeSetting(db, 'company', value);
}

/**
 * A server secret (e.g. the key that signs rating links), created on first use and kept in the
 * database so every process and restart signs alike.
 */
export function getOrCreateSecret(db: Db, name: string): string {
  const key = `secret:${name}`;
  db.insert(settings).values({ key, value: { secret: randomBytes(32).toString('base64url') } }).onConflictDoNothing().run();
  const row = db.select().from(settings).where(eq(settings.key, key)).get();
  return (row!.value as { secret: string }).secret;
}

/** The rules that run by themselves (seeds 000, 002, 004): an admin setting with presets. */
export interface AutomationSettings {
  inactivity: InactivityPolicy;
  approvalTimeout: ApprovalTimeoutPolicy;
  sameDayRouting: SameDayRoutingPolicy;
}

export const DEFAULT_AUTOMATION_SETTINGS: AutomationSettings = {
  inactivity: DEFAULT_INACTIVITY_POLICY,
  approvalTimeout: DEFAULT_APPROVAL_TIMEOUT_POLICY,
  sameDayRouting: DEFAULT_SAME_DAY_ROUTING_POLICY,
};

export function getAutomationSettings(db: Db): AutomationSettings {
  return readSetting(db, 'automation', DEFAULT_AUTOMATION_SETTINGS);
}

export function saveAutomationSettings(db: Db, value: AutomationSettings): void {
  writeSetting(db, 'automation', value);
}

/** Response targets (SLA) by priority, in business hours: first response and next response. */
export type SlaSettings = SlaPolicy;

export function getSlaSettings(db: Db): SlaSettings {
  const stored = readSetting<SlaSettings>(db, 'sla', DEFAULT_SLA_POLICY);
  // Per-priority tables merge too: a priority never stored reads its default.
  return {
    firstResponseHours: { ...DEFAULT_SLA_POLICY.firstResponseHours, ...stored.firstResponseHours },
    nextResponseHours: { ...DEFAULT_SLA_POLICY.nextResponseHours, ...stored.nextResponseHours },
  };
}

export function saveSlaSettings(db: Db, value: SlaSettings): void {
  writeSetting(db, 'sla', value);
}

/**
 * Passwordless sign-in by e-mail link (issue 15): on for contacts, off for agents until an admin turns
 * it on (a staff account is worth more to an attacker who reads someone's mailbox).
 */
export interface SignInSettings {
  emailLinkForContacts: boolean;
  emailLinkForAgents: boolean;
}

export const DEFAULT_SIGN_IN_SETTINGS: SignInSettings = { emailLinkForContacts: true, emailLinkForAgents: false };

export function getSignInSettings(db: Db): SignInSettings {
  return readSetting(db, 'sign_in', DEFAULT_SIGN_IN_SETTINGS);
}

export function saveSignInSettings(db: Db, value: SignInSettings): void {
  writeSetting(db, 'sign_in', value);
}
