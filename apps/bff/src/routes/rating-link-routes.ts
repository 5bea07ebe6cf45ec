import { ratingLinkCommentInput, ratingLinkRateInput, ratingTokenParam } from '@atende/contracts';
import { addRatingComment, getRating, getTicket, type Db } from '@atende/db';
import { throttleByAddress } from '../http/throttle.js';
import { Hono } from 'hono';
import type { AppEnv, SignedInActor } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import { validate } from '../http/validate.js';
import { ratingSecret } from '../ratings/rating-link.js';
import { verifyRatingToken, type RatingTokenClaims } from '../ratings/rating-token.js';
import { commitTicketAction } from '../tickets/apply-ticket-action.js';

/** Checks the link; a tampered or unknown link is `rating_link_invalid`, an old one `rating_link_expired`. */
function claimsOf(db: Db, token: string, now: number): RatingTokenClaims {
  const check = verifyRatingToken(ratingSecret(db), token, now);
  if (!check.ok) throw new AppError(check.reason === 'expired' ? 'rating_link_expired' : 'rating_link_invalid');
  if (!getTicket(db, check.claims.ticketId)) throw new AppError('rating_link_invalid');
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
    .get('/:token', validate('param', ratingTokenParam), (c) => {
      const { db, now } = c.var.deps;
      const claims = claimsOf(db, c.req.valid('param').token, now());
      const ticket = getTicket(db, claims.ticketId)!;
      const rating = getRating(db, claims.ticketId, claims.closing);
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
      const { db, now } = c.var.deps;
      const claims = claimsOf(db, c.req.valid('param').token, now());
      const ticket = getTicket(db, claims.ticketId)!;
      // The link speaks for the ticket's requester, for this closing only.
      const session: SignedInActor = { actor: { kind: 'contact', id: ticket.requesterId }, name: '', sessionTokenHash: '' };
      await commitTicketAction(c.var.deps, session, {
        ticketId: ticket.id,
        expectedVersion: undefined,
        closing: claims.closing,
        action: { type: 'rate', score: c.req.valid('json').score },
      });
      return c.json({ rating: { score: c.req.valid('json').score, hasComment: false } }, 201);
    })
    .post('/:token/comment', validate('param', ratingTokenParam), validate('json', ratingLinkCommentInput), (c) => {
      const { db, now } = c.var.deps;
      const claims = claimsOf(db, c.req.valid('param').token, now());
      const rating = getRating(db, claims.ticketId, claims.closing);
      if (!rating) throw new AppError('rating_not_due');
      if (!addRatingComment(db, rating.id, c.req.valid('json').comment)) throw new AppError('conflict');
      return c.json({ rating: { score: rating.score, hasComment: true } }, 200);
    });
}
