import { panelStampOf, type PanelTagParts } from '@atende/db/store';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { signedIn } from '../http/session-middleware.js';

/**
 * Conditional GET for the Painel do Cliente's counts and tab pages (issue 18). A panel refetches often
 * (a live event, the window regaining focus) and mostly finds nothing new; then it gets a 304 for the
 * price of one indexed read instead of counting and listing the contact's tickets again.
 *
 * The ETag names the contact, their panel stamp (migration 0019: database triggers change it on every
 * write to one of their tickets, through any path, and on a department rename) and the moment the
 * answer expires by itself: the next rating window to close, because "Não avaliados" drops a ticket
 * then without any write. A tag is honoured only for the same contact, the same stamp, and before
 * that moment. The browser never stores these answers (`Cache-Control: no-store` stays): the SPA keeps
 * the last body and sends the tag itself (apps/web/src/lib/revalidating-fetch.ts).
 *
 * This middleware answers the 304s. An answer sent whole is read with its tag's parts by the route
 * (customerTabCountsTagged, listCustomerTicketsTagged: one statement on PostgreSQL), which tags it
 * with `tagPanelAnswer`; the tag is never newer than the answer.
 */
export function answerUnchangedPanel(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const presented = c.req.header('If-None-Match');
    if (presented !== undefined) {
      const { db, now } = c.get('deps');
      const contactId = signedIn(c).actor.id;
      const stamp = await panelStampOf(db, contactId);
      if (presentedTags(presented).some((tag) => isCurrent(tag, contactId, stamp, now()))) {
        return c.body(null, 304, { ETag: presented });
      }
    }
    await next();
  };
}

/** Tags an answer sent whole with the parts read beside it. */
export function tagPanelAnswer(c: Context<AppEnv>, contactId: number, tag: PanelTagParts): void {
  c.header('ETag', panelTag(contactId, tag.stamp, tag.ratingDeadline));
}

/** `"panel.<contact>.<own stamp>.<shared stamp>.<expires at ms | never>"` */
export function panelTag(contactId: number, stamp: string, expiresAt: number | null): string {
  return `"panel.${contactId}.${stamp}.${expiresAt ?? 'never'}"`;
}

function presentedTags(header: string): string[] {
  return header.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
}

function isCurrent(tag: string, contactId: number, stamp: string, at: number): boolean {
  const match = /^"panel\.(\d+)\.([^".]+\.[^".]+)\.(\d+|never)"$/.exec(tag);
  if (!match || Number(match[1]) !== contactId || match[2] !== stamp) return false;
  return match[3] === 'never' || at < Number(match[3]);
}
