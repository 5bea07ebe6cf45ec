import { getOrCreateSecret, type Database, type TicketRecord } from '@atende/db/store';
import type { Deps } from '../http/app-env.js';
import { createRatingToken } from './rating-token.js';

/** The SPA page a rating link opens; `?nota=N` preselects N stars (the closing e-mail's five links). */
export const RATING_PAGE_PATH = '/avaliar';

export function ratingSecret(db: Database): Promise<string> {
  return getOrCreateSecret(db, 'rating_link');
}

/**
 * The signed link for the ticket's current closing, valid until its rating window ends; null when no
 * rating is due (not closed, already rated, window over).
 */
export async function ratingLinkFor(deps: Deps, ticket: TicketRecord): Promise<string | null> {
  if (ticket.status !== 'closed' || ticket.ratingDueUntil === null || ticket.ratingDueUntil <= deps.now()) return null;
  const token = createRatingToken(await ratingSecret(deps.db), {
    ticketId: ticket.id,
    closing: ticket.closingCount,
    expiresAt: ticket.ratingDueUntil,
  });
  const origin = deps.config.allowedOrigins[0] ?? '';
  return `${origin}${RATING_PAGE_PATH}/${token}`;
}
