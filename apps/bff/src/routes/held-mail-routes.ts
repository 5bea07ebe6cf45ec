import { acceptHeldMailInput, discardHeldMailInput, heldMailParam } from '@atende/contracts';
import { attachmentsOfHeldMail, decideHeldMail, findAccountByEmail, getHeldMail, getTicket, insertContactForSender, lastMessageIdOfTicket, transaction } from '@atende/db/store';
import { Hono } from 'hono';
import type { NewLiveEvent } from '../events/live-event.js';
import type { AppEnv } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import { requireRole, signedIn } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';
import { lockAddressBook } from '../people/address-book.js';
import { applyTicketAction, publishLive } from '../tickets/apply-ticket-action.js';

/**
 * "E-mail de remetente não reconhecido": an agent accepts a held e-mail (it becomes a public message
 * from its sender, optionally added as a contact of the ticket's company, with its files) or discards
 * it. Either decision is taken once (a second agent's click finds it decided: conflict).
 */
export function heldMailRoutes() {
  const agentOnly = requireRole('agent');
  return new Hono<AppEnv>()
    .post('/tickets/:id/held-mail/:heldId/accept', agentOnly, validate('param', heldMailParam), validate('json', acceptHeldMailInput), async (c) => {
      const deps = c.get('deps');
      const { id, heldId } = c.req.valid('param');
      const { addContact, expectedVersion } = c.req.valid('json');
      const agent = signedIn(c).actor;
      const live: NewLiveEvent[] = [];
      const ticket = await transaction(deps.db, async (tx) => {
        const held = await getHeldMail(tx, heldId);
        const current = await getTicket(tx, id);
        if (!held || !current || held.ticketId !== id) throw new AppError('not_found');
        if (held.status !== 'held') throw new AppError('conflict');
        const now = deps.now();
        // The sender may become a contact: "is the address free?" and the insert are one step.
        if (addContact) await lockAddressBook(tx);
        const known = await findAccountByEmail(tx, held.fromAddress);
        const contactId = known?.kind === 'contact' ? known.id : addContact && !known ? await insertContactForSender(tx, { name: held.fromName || held.fromAddress.split('@')[0]!, email: held.fromAddress, companyId: current.companyId, now }) : null;
        const changed = await applyTicketAction(
          { ...deps, db: tx },
          {
            ticketId: id,
            actor: agent,
            expectedVersion,
            action: { type: 'internal_note' }, // the agent's act changes no status: the words are the sender's
            message: { body: held.body, visibility: 'public', attachmentIds: (await attachmentsOfHeldMail(tx, heldId)).map((a) => a.id) },
            messageAuthor: contactId !== null ? { contactId } : { email: held.fromAddress },
          },
          live,
        );
        if (!(await decideHeldMail(tx, { id: heldId, status: 'accepted', agentId: agent.id, now, messageId: await lastMessageIdOfTicket(tx, id) }))) throw new AppError('conflict');
        return changed;
      });
      publishLive(deps, live);
      return c.json({ ticket: { id: ticket.id, version: ticket.version } }, 200);
    })
    .post('/tickets/:id/held-mail/:heldId/discard', agentOnly, validate('param', heldMailParam), validate('json', discardHeldMailInput), async (c) => {
      const deps = c.get('deps');
      const { id, heldId } = c.req.valid('param');
      await transaction(deps.db, async (tx) => {
        const held = await getHeldMail(tx, heldId);
        if (!held || held.ticketId !== id) throw new AppError('not_found');
        if (!(await decideHeldMail(tx, { id: heldId, status: 'discarded', agentId: signedIn(c).actor.id, now: deps.now() }))) throw new AppError('conflict');
      });
      publishLive(deps, [{ type: 'ticket_changed', ticketId: id, audience: { agents: 'all', contactId: null } }]);
      return c.json({ ok: true }, 200);
    });
}
