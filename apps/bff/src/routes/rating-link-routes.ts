import { ratingLinkCommentInput, ratingLinkRateInput, ratingTokenParam } from '@atende/contracts';
import { addRatingComment, getRating, getTicket, type Database } from '@atende/db/store';
import { throttleByAddress } from '../http/throttle.js';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import { validate } from '../http/validate.js';
import { ratingSecret } from '../ratings/rating-link.js';
import { verifyRatingToken, type RatingTokenClaims } from '../ratings/rating-token.js';
import { commitTicketAction } from '../tickets/apply-ticket-action.js';

/** Checks the link's signature; a tampered link is `rating_link_invalid`, an old one `rating_link_expired`. */
async function claimsOf(db: Database, token: string, now: number): Promise<RatingTokenClaims> {
  const check = verifyRatingToken(await ratingSecret(db), token, now);
  if (!check.ok) throw new AppError(check.reason === 'expired' ? 'rating_link_expired' : 'rating_link_invalid');
  return check.claims;
}

/**
 * The public rating link (closing e-mail, agent view): no sign-in, the signed token is the permission.
 * GET only reads (mail scanners follow links); the page's POST records the rating, then the comment.
 */
export function ratingLinkRoutes() {
  return new Hono<AppEnv>()
    // A link is a bearer token: guessing them is throttled per address.
    .use(throttleByAddress({ scope: 'rating-link', limit: 60, windowMs: 60_000 }))
    .get('/:token', validate('param', ratingTokenParam), async (c) => {
      const { db, now } = c.get('deps');
      const claims = await claimsOf(db, c.req.valid('param').token, now());
      const ticket = await getTicket(db, claims.ticketId);
      if (!ticket) throw new AppError('rating_link_invalid');
      const rating = await getRating(db, claims.ticketId, claims.closing);
      // Due only while this very closing still awaits its rating.
      const due = rating === null && ticket.closingCount === claims.closing && ticket.ratingDueUntil !== null;
      return c.json(
        {
          ticket: { id: ticket.id, subject: ticket.subject },
          state: due ? ('due' as const) : rating ? ('rated' as const) : ('not_due' as const),
          rating: rating ? { score: rating.score, hasComment: rating.comment !== null } : null,
        },
        200,
      );
    })
    .post('/:token', validate('param', ratingTokenParam), validate('json', ratingLinkRateInput), async (c) => {
      const { db, now } = c.get('deps');
      const claims = await claimsOf(db, c.req.valid('param').token, now());
      // The link speaks for the ticket's contact, for this closing only.
      await commitTicketAction(c.get('deps'), {
        ticketId: claims.ticketId,
        actor: 'ticket_contact',
        closing: claims.closing,
        action: { type: 'rate', score: c.req.valid('json').score },
      }).catch((error: unknown) => {
        // A link to a ticket that is gone is as invalid as a tampered one.
        throw error instanceof AppError && error.code === 'not_found' ? new AppError('rating_link_invalid') : error;
      });
      return c.json({ rating: { score: c.req.valid('json').score, hasComment: false } }, 201);
    })
    .post('/:token/comment', validate('param', ratingTokenParam), validate('json', ratingLinkCommentInput), async (c) => {
      const { db, now } = c.get('deps');
      const claims = await claimsOf(db, c.req.valid('param').token, now());
      const rating = await getRating(db, claims.ticketId, claims.closing);
      if (!rating) throw new AppError('rating_not_due');
      if (!await addRatingComment(db, rating.id, c.req.valid('json').comment)) throw new AppError('conflict');
      return c.json({ rating: { score: rating.score, hasComment: true } }, 200);
    });
}
