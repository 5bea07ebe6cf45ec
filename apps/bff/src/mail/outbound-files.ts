import { attachmentsOfMessage, getOrCreateSecret, type Database, type OutboxRecord } from '@atende/db/store';
import type { BlobStore } from '../attachments/blob-store.js';
import { FILE_LINK_SECRET, createFileLinkToken } from './file-link.js';
import { escapeHtml } from './templates.js';

export interface OutboundFileOptions {
  store: BlobStore;
  /** Up to this total the files are attached; above it the e-mail carries signed links instead. */
  aboveBytes: number;
  ttlMs: number;
  /** Where the links point (PUBLIC_ORIGIN's first entry). */
  publicUrl: string;
  now: number;
}

export interface OutboundFiles {
  attachments: { filename: string; path: string; contentType: string }[];
  text: string;
  html: string;
}

/**
 * The files of the message an e-mail tells about (`source_message_id`), decided at sending time:
 * attached (streamed from the content store) while their total stays within `aboveBytes`, else listed
 * as signed, expiring links bound to this e-mail's recipient, below the e-mail's text. Either way the
 * customer gets the files without signing in; mail servers never see a 25 MB message.
 */
export async function outboundFiles(db: Database, row: OutboxRecord, options: OutboundFileOptions): Promise<OutboundFiles> {
  const unchanged = { attachments: [], text: row.textBody, html: row.htmlBody };
  if (row.sourceMessageId === null) return unchanged;
  const files = (await attachmentsOfMessage(db, row.sourceMessageId)).filter((f) => options.store.has(f.sha256));
  if (files.length === 0) return unchanged;
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total <= options.aboveBytes) {
    return { ...unchanged, attachments: files.map((f) => ({ filename: f.filename, path: options.store.pathOf(f.sha256), contentType: f.mime })) };
  }
  const secret = await getOrCreateSecret(db, FILE_LINK_SECRET);
  const expiresAt = options.now + options.ttlMs;
  const links = files.map((f) => ({
    name: f.filename,
    size: sizeText(f.size),
    url: `${options.publicUrl}/api/public/files/${createFileLinkToken(secret, { outboxId: row.id, attachmentId: f.id, expiresAt }, row.toAddress)}`,
  }));
  // The e-mail's own language, as its template wrote it.
  const english = /<html lang="en"/.test(row.htmlBody);
  const days = Math.round(options.ttlMs / 86_400_000);
  const heading = english ? `Attachments (too large to attach; the links work for ${days} days, for you only):` : `Anexos (grandes demais para anexar; os links valem por ${days} dias, só para você):`;
  const text = `${row.textBody}\n\n${heading}\n${links.map((l) => `- ${l.name} (${l.size}): ${l.url}`).join('\n')}\n`;
  const section = `<p>${escapeHtml(heading)}</p>\n<ul>\n${links.map((l) => `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.name)}</a> (${escapeHtml(l.size)})</li>`).join('\n')}\n</ul>\n`;
  const html = row.htmlBody.includes('</body>') ? row.htmlBody.replace('</body>', () => `${section}</body>`) : `${row.htmlBody}\n${section}`;
  return { attachments: [], text, html };
}

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
