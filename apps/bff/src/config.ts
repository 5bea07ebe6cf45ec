import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /**
   * Comma-separated addresses of reverse proxies (nginx) whose X-Forwarded-For is believed: behind one,
   * every request comes from its address, so without this throttles and the audit log would lump all
   * customers together. Unset: X-Forwarded-For is never read (a client could forge it).
   */
  TRUSTED_PROXIES: z.string().default(''),
  DATA_DIR: z.string().default('./data'),
  /**
   * `postgres://user:pass@host:5432/atende` runs on PostgreSQL (several instances, replicas, managed
   * services); unset, the embedded SQLite file in DATA_DIR. Attachments stay under DATA_DIR either way:
   * with several instances it must be storage they all mount.
   */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL (unset: the embedded SQLite in DATA_DIR)')
    .optional(),
  /** Connections per instance in the PostgreSQL pool (mind max_connections, or a pgbouncer in front). */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  /**
   * Each query text prepared once per PostgreSQL connection. Turn off behind a pooler that cannot
   * carry prepared statements (pgbouncer before 1.21, or without max_prepared_statements).
   */
  DATABASE_PREPARED_STATEMENTS: z.enum(['on', 'off']).default('on'),
  /** Comma-separated origins allowed to make state-changing requests (CSRF check). */
  PUBLIC_ORIGIN: z.string().optional(),
  /** The built SPA served by this process. */
  WEB_DIST: z.string().optional(),
  /** Fill an empty database with the demo data of README (never in production). */
  DEMO_DATA: z.enum(['auto', 'off']).default('auto'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  /** Outgoing mail server (smtp://user:pass@host:port); unset keeps mail in the local mailbox. */
  SMTP_URL: z.string().optional(),
  /**
   * `mailbox` keeps every e-mail in the local mailbox (no delivery). Production without SMTP_URL must
   * say so explicitly; unset means SMTP when SMTP_URL is set, the mailbox otherwise (development).
   */
  MAIL_MODE: z.enum(['smtp', 'mailbox']).optional(),
  /** Port of the built-in SMTP listener for replies; unset: no listener. */
  SMTP_INBOUND_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** Bearer token of the inbound-mail HTTP endpoint; unset: endpoint refuses everything. */
  INBOUND_MAIL_TOKEN: z.string().min(24).optional(),
  MAIL_FROM: z.string().default('Atende <atendimento@atende.local>'),
  /** Domain of the per-ticket Reply-To addresses (its MX must reach the inbound listener). */
  MAIL_REPLY_DOMAIN: z.string().default('atende.local'),
  /** Hours between scheduled online backups into $DATA_DIR/backups; 0 = none. */
  BACKUP_INTERVAL_HOURS: z.coerce.number().min(0).max(24 * 30).default(0),
  /** How many scheduled backups to keep (the oldest are deleted). */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(10_000).default(14),
  /** Run the automations every minute inside the server. */
  AUTOMATIONS: z.enum(['on', 'off']).default('on'),
  /** `1` adds GET /api/bench/bare: a fixed JSON body, no database (the benchmark's ceiling). */
  BENCH_BARE_ROUTE: z.enum(['0', '1']).default('0'),
  /** `1` adds POST /api/bench/automations: the in-server automation pass on demand, at any `now` (the benchmark only). */
  BENCH_AUTOMATIONS_ROUTE: z.enum(['0', '1']).default('0'),
  /** Attachment limits (issue 13): per file, per message (all its files), files per message. */
  ATTACHMENT_MAX_FILE_MB: z.coerce.number().positive().max(1024).default(10),
  ATTACHMENT_MAX_MESSAGE_MB: z.coerce.number().positive().max(4096).default(25),
  ATTACHMENT_MAX_FILES: z.coerce.number().int().min(1).max(50).default(10),
  /**
   * Outbound ticket e-mails carry a message's files up to this total (MB); above it they carry signed
   * links instead (mail servers refuse or bounce large mail), valid ATTACHMENT_LINK_DAYS days.
   */
  ATTACHMENT_LINK_ABOVE_MB: z.coerce.number().min(0).max(1024).default(5),
  ATTACHMENT_LINK_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Largest inbound e-mail (MB): announced in the SMTP EHLO SIZE and enforced before parsing. */
  INBOUND_MAX_MESSAGE_MB: z.coerce.number().positive().max(200).default(35),
  /**
   * The receiving MTA's authserv-id: only `Authentication-Results` headers it wrote are trusted (RFC 8601);
   * unset: such headers are ignored and the envelope sender must match the From domain.
   */
  INBOUND_AUTHSERV_ID: z.string().trim().min(1).optional(),
  /** Live-event streams (GET /api/events) a session may hold at once (tabs). */
  EVENT_STREAMS_PER_SESSION: z.coerce.number().int().min(1).max(50).default(6),
  /** Seconds between heartbeats on a live-event stream (also when the session is checked again). */
  EVENTS_HEARTBEAT_SECONDS: z.coerce.number().positive().max(300).default(20),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  /** Reverse proxies whose X-Forwarded-For names the client (see TRUSTED_PROXIES). */
  trustedProxies: string[];
  databaseFile: string;
  /** PostgreSQL when set (see DATABASE_URL). */
  databaseUrl: string | null;
  databasePoolMax: number;
  databasePreparedStatements: boolean;
  allowedOrigins: string[];
  webDist: string;
  demoData: boolean;
  secureCookies: boolean;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  logLevel: string;
  /** Base of links in e-mails. */
  publicUrl: string;
  smtpUrl: string | null;
  /** `smtp`: the relay delivers; `mailbox`: mail stays in the local mailbox. */
  mailMode: 'smtp' | 'mailbox';
  /**
   * Whether the admin mailbox page may show the text of password-reset and invitation e-mails (their
   * links are credentials). Only outside production with no real delivery: development and demos.
   */
  mailboxShowsAccountLinks: boolean;
  smtpInboundPort: number | null;
  inboundMailToken: string | null;
  mailFrom: string;
  mailReplyDomain: string;
  automations: boolean;
  /** Scheduled backups: every N ms (0 = off), keeping the newest `backupKeep`. */
  backupIntervalMs: number;
  backupKeep: number;
  benchBareRoute: boolean;
  benchAutomationsRoute: boolean;
  /** DATA_DIR resolved: the database, attachments/ and backups/ live here. */
  dataDir: string;
  attachments: { maxFileBytes: number; maxMessageBytes: number; maxFiles: number };
  /** Outbound e-mails: files attached up to `aboveBytes` in total, else signed links valid `ttlMs`. */
  mailFiles: { aboveBytes: number; ttlMs: number };
  inboundMaxMessageBytes: number;
  inboundAuthservId: string | null;
  eventStreamsPerSession: number;
  eventsHeartbeatMs: number;
}

/** Thrown by loadConfig: one message listing every missing or invalid setting. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Atende cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** An origin is scheme://host[:port] and nothing else (what browsers send in the Origin header). */
function originProblem(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return `"${value}" is not an http(s) origin`;
    if (url.origin !== value.replace(/\/$/, '')) return `"${value}" must be only scheme://host[:port], without a path`;
    return null;
  } catch {
    return `"${value}" is not a URL`;
  }
}

/**
 * Production must be told where it lives and how mail leaves: a guessed localhost link in an e-mail or
 * a silently undelivered invitation is worse than refusing to start.
 */
function productionProblems(e: z.infer<typeof envSchema>): string[] {
  const problems: string[] = [];
  if (!e.PUBLIC_ORIGIN?.trim()) {
    problems.push('PUBLIC_ORIGIN: required in production: the public address people open, e.g. https://atende.example.com.br');
  }
  if (!e.SMTP_URL && e.MAIL_MODE !== 'mailbox') {
    problems.push('SMTP_URL: required in production (smtp://user:password@host:587), or set MAIL_MODE=mailbox to keep mail in the local mailbox without delivering it');
  }
  return problems;
}

/** Reads and checks the environment once at start: a bad setting stops the server with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = e.NODE_ENV === 'production' ? productionProblems(e) : [];
  for (const origin of (e.PUBLIC_ORIGIN ?? '').split(',').map((o) => o.trim()).filter(Boolean)) {
    const problem = originProblem(origin);
    if (problem) problems.push(`PUBLIC_ORIGIN: ${problem}`);
  }
  const trustedProxies = e.TRUSTED_PROXIES.split(',').map((a) => a.trim()).filter(Boolean);
  for (const address of trustedProxies) if (!isIP(address)) problems.push(`TRUSTED_PROXIES: "${address}" is not an IP address`);
  if (e.SMTP_URL && !/^smtps?:\/\//.test(e.SMTP_URL)) problems.push('SMTP_URL: must start with smtp:// or smtps://');
  if (e.MAIL_MODE === 'smtp' && !e.SMTP_URL) problems.push('MAIL_MODE: smtp needs SMTP_URL');
  if (problems.length) throw new ConfigError(problems);
  const origins = e.PUBLIC_ORIGIN
    ? e.PUBLIC_ORIGIN.split(',').map((o) => o.trim().replace(/\/$/, '')).filter(Boolean)
    : [`http://localhost:${e.PORT}`, `http://127.0.0.1:${e.PORT}`];
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    trustedProxies,
    // A relative DATA_DIR is taken from where the command was typed (pnpm runs scripts inside
    // apps/bff and says where it was invoked in INIT_CWD), so `pnpm start` keeps its data in ./data.
    databaseFile: resolve(env.INIT_CWD ?? process.cwd(), e.DATA_DIR, 'atende.db'),
    databaseUrl: e.DATABASE_URL ?? null,
    databasePoolMax: e.DATABASE_POOL_MAX,
    databasePreparedStatements: e.DATABASE_PREPARED_STATEMENTS === 'on',
    allowedOrigins: origins,
    webDist: resolve(e.WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
    demoData: e.DEMO_DATA === 'auto',
    secureCookies: e.NODE_ENV === 'production',
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    logLevel: e.LOG_LEVEL,
    publicUrl: origins[0]!,
    // MAIL_MODE=mailbox wins over a set SMTP_URL: nothing is delivered.
    smtpUrl: e.MAIL_MODE === 'mailbox' ? null : (e.SMTP_URL ?? null),
    mailMode: e.MAIL_MODE === 'mailbox' || !e.SMTP_URL ? 'mailbox' : 'smtp',
    mailboxShowsAccountLinks: e.NODE_ENV !== 'production' && !(e.MAIL_MODE !== 'mailbox' && e.SMTP_URL),
    smtpInboundPort: e.SMTP_INBOUND_PORT ?? null,
    inboundMailToken: e.INBOUND_MAIL_TOKEN ?? null,
    mailFrom: e.MAIL_FROM,
    mailReplyDomain: e.MAIL_REPLY_DOMAIN,
    automations: e.AUTOMATIONS === 'on',
    backupIntervalMs: e.BACKUP_INTERVAL_HOURS * 3_600_000,
    backupKeep: e.BACKUP_KEEP,
    benchBareRoute: e.BENCH_BARE_ROUTE === '1',
    benchAutomationsRoute: e.BENCH_AUTOMATIONS_ROUTE === '1',
    dataDir: resolve(env.INIT_CWD ?? process.cwd(), e.DATA_DIR),
    attachments: { maxFileBytes: Math.round(e.ATTACHMENT_MAX_FILE_MB * 1024 * 1024), maxMessageBytes: Math.round(e.ATTACHMENT_MAX_MESSAGE_MB * 1024 * 1024), maxFiles: e.ATTACHMENT_MAX_FILES },
    mailFiles: { aboveBytes: Math.round(e.ATTACHMENT_LINK_ABOVE_MB * 1024 * 1024), ttlMs: e.ATTACHMENT_LINK_DAYS * 86_400_000 },
    inboundMaxMessageBytes: Math.round(e.INBOUND_MAX_MESSAGE_MB * 1024 * 1024),
    inboundAuthservId: e.INBOUND_AUTHSERV_ID ?? null,
    eventStreamsPerSession: e.EVENT_STREAMS_PER_SESSION,
    eventsHeartbeatMs: Math.round(e.EVENTS_HEARTBEAT_SECONDS * 1000),
  };
}
