import { claimDueMail, firstMailMessageIdOfTicket, markMailFailed, markMailSent, type Database, type OutboxRecord } from '@atende/db/store';
import { outboundFiles, type OutboundFileOptions } from './outbound-files.js';
import nodemailer, { type Transporter } from 'nodemailer';

/** Attempts before a message is recorded as permanently failed. */
export const MAX_ATTEMPTS = 8;

export function smtpTransport(url: string): Transporter {
  return nodemailer.createTransport(url);
}

/** Exponential backoff: 1, 2, 4 … minutes, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** attempts, 6 * 3_600_000);
}

/** Every e-mail of a ticket answers its first one, so mail apps keep a ticket in one thread. */
export async function threadHeaders(db: Database, row: OutboxRecord): Promise<{ inReplyTo?: string; references?: string }> {
  if (row.ticketId === null) return {};
  const first = await firstMailMessageIdOfTicket(db, row.ticketId);
  return first && first !== row.messageId ? { inReplyTo: first, references: first } : {};
}

export interface RelayReport {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Delivers due outbox rows: claim with a lease, send with the row's stable Message-ID, then mark. A
 * crash between the SMTP server's acceptance and the mark resends the same Message-ID after the lease
 * lapses (at-least-once delivery; receivers drop the duplicate). 5xx answers are permanent failures.
 */
export async function relayOutbox(db: Database, transport: Transporter, params: { from: string; now: () => number; limit?: number; leaseMs?: number; files?: Omit<OutboundFileOptions, 'now'> }): Promise<RelayReport> {
  const report: RelayReport = { sent: 0, retried: 0, failed: 0 };
  const rows = await claimDueMail(db, { now: params.now(), leaseMs: params.leaseMs ?? 5 * 60_000, limit: params.limit ?? 50 });
  for (const row of rows) {
    try {
      // The files of the message it tells about: attached, or signed links above the size setting.
      const files = params.files ? await outboundFiles(db, row, { ...params.files, now: params.now() }) : { attachments: [], text: row.textBody, html: row.htmlBody };
      await transport.sendMail({
        from: params.from,
        to: row.toAddress,
        ...(row.replyTo ? { replyTo: row.replyTo } : {}),
        subject: row.subject,
        text: files.text,
        html: files.html,
        messageId: row.messageId,
        headers: { 'Auto-Submitted': 'auto-generated' },
        ...await threadHeaders(db, row),
        ...(files.attachments.length > 0 ? { attachments: files.attachments } : {}),
      });
      await markMailSent(db, row.id, params.now());
      report.sent++;
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      const permanent = (code !== undefined && code >= 500) || row.attempts + 1 >= MAX_ATTEMPTS;
      const now = params.now();
      await markMailFailed(db, row.id, { now, error: error instanceof Error ? error.message : String(error), retryAt: permanent ? null : now + retryDelayMs(row.attempts) });
      if (permanent) report.failed++;
      else report.retried++;
    }
  }
  return report;
}
