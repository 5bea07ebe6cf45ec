import { CUSTOMER_AUTOMATIC_ACTIONS, companyTicketsQuery, contactPreferencesInput, customerListQuery, customerReplyInput, customerSearchQuery, ticketIdParam } from '@atende/contracts';
import { reopenRefusal } from '@atende/domain';
import {
  companyContacts,
  customerTabCountsTagged,
  customerTicketPage,
  getContactPreferences,
  getPortalSettings,
  listCompanyTickets,
  listCustomerTicketsTagged,
  managedCompanyOf,
  saveContactPreferences,
  searchCustomerTickets,
  ticketStateOf,
} from '@atende/db/store';
import { Hono } from 'hono';
import { customerViewerOf } from '../customer/customer-ticket-access.js';
import { answerUnchangedPanel, tagPanelAnswer } from '../customer/panel-etag.js';
import { customerTicketExtras } from '../customer/ticket-page-extras.js';
import type { AppEnv } from '../http/app-env.js';
import { requirePortalSwitch } from '../http/portal-switch.js';
import { requireRole, signedIn } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';
import { commitTicketAction } from '../tickets/apply-ticket-action.js';
import { checkMessageAttachments } from '../attachments/message-attachments.js';
import { decodeCursor, encodeCursor } from '../tickets/cursor.js';
import { customerAutomationView } from '../tickets/automation-view.js';
import { messagesView, ticketPageView, ticketSummaryView } from '../tickets/ticket-views.js';

const PAGE_SIZE = 20;

/** The Painel do Cliente API: a contact's own tickets only. */
export function customerRoutes() {
  return new Hono<AppEnv>()
    .use(requireRole('contact'))
    // The counts and the tab pages answer 304 when nothing the panel shows has changed (panel-etag.ts).
    .get('/tickets/counts', requirePortalSwitch('see'), answerUnchangedPanel(), async (c) => {
      const { db, now } = c.get('deps');
      const contactId = signedIn(c).actor.id;
      const { tag, answer } = await customerTabCountsTagged(db, contactId, now());
      tagPanelAnswer(c, contactId, tag);
      return c.json({ counts: answer }, 200);
    })
    .get('/tickets', requirePortalSwitch('see'), validate('query', customerListQuery), answerUnchangedPanel(), async (c) => {
      const { db, now } = c.get('deps');
      const contactId = signedIn(c).actor.id;
      const { tab, cursor } = c.req.valid('query');
      const after = decodeCursor(cursor);
      const { tag, answer } = await listCustomerTicketsTagged(db, { requesterId: contactId, tab, now: now(), cursor: after && { updatedAt: after.key, id: after.id }, limit: PAGE_SIZE });
      tagPanelAnswer(c, contactId, tag);
      return c.json(ticketPageView(answer), 200);
    })
    // Language and which ticket e-mails the contact wants (issue 15); security e-mails are always sent.
    .get('/preferences', async (c) => c.json({ preferences: (await getContactPreferences(c.get('deps').db, signedIn(c).actor.id))! }, 200))
    .put('/preferences', validate('json', contactPreferencesInput), async (c) => {
      const preferences = c.req.valid('json');
      await saveContactPreferences(c.get('deps').db, signedIn(c).actor.id, preferences);
      return c.json({ preferences }, 200);
    })
    // The company manager's view (issue 15): whether the contact manages a company, and its contacts.
    .get('/company', async (c) => {
      const company = await managedCompanyOf(c.get('deps').db, signedIn(c).actor.id);
      return c.json({ manager: company !== null, contacts: company === null ? [] : await companyContacts(c.get('deps').db, company) }, 200);
    })
    .get('/company/tickets', requirePortalSwitch('see'), validate('query', companyTicketsQuery), async (c) => {
      const { db } = c.get('deps');
      const me = signedIn(c).actor.id;
      const companyId = await managedCompanyOf(db, me);
      const { requesterId, cursor } = c.req.valid('query');
      // A contact who manages no company sees only their own tickets here.
      const scope = companyId === null ? { companyId: null, requesterId: me } : { companyId, requesterId };
      const after = decodeCursor(cursor);
      const page = await listCompanyTickets(db, { ...scope, cursor: after && { updatedAt: after.key, id: after.id }, limit: PAGE_SIZE });
      const next = page.nextCursor && { key: page.nextCursor.updatedAt, id: page.nextCursor.id };
      return c.json({ items: page.items.map((t) => ({ ...t, updatedAt: new Date(t.updatedAt).toISOString() })), nextCursor: encodeCursor(next) }, 200);
    })
    // Number, subject or public message text, accents ignored; only the customer's own tickets.
    .get('/search', requirePortalSwitch('see'), validate('query', customerSearchQuery), async (c) => {
      const items = await searchCustomerTickets(c.get('deps').db, { requesterId: signedIn(c).actor.id, input: c.req.valid('query').q });
      return c.json({ items: items.map((t) => ({ ...t, updatedAt: new Date(t.updatedAt).toISOString() })) }, 200);
    })
    .get('/tickets/:id', requirePortalSwitch('see'), validate('param', ticketIdParam), async (c) => {
      const { db, now } = c.get('deps');
      // Everything the page shows in one read (one round trip on PostgreSQL), then who may see it:
      // the requester, or the company's manager who only reads (issue 15).
      const page = await customerTicketPage(db, c.req.valid('param').id, CUSTOMER_AUTOMATIC_ACTIONS);
      const viewer = await customerViewerOf(db, signedIn(c), page?.ticket);
      const { ticket, mergedInto } = page!;
      const isRequester = viewer === 'requester';
      const refusal = reopenRefusal(ticketStateOf(ticket), now(), await getPortalSettings(db), mergedInto);
      const canRate = isRequester && ticket.status === 'closed' && ticket.ratingDueUntil !== null && ticket.ratingDueUntil > now();
      const extras = await customerTicketExtras(db, ticket, page!.ratings);
      return c.json(
        {
          ticket: {
            ...ticketSummaryView(ticket, page!.participants),
            canReply: isRequester && refusal === null,
            replyRefusal: refusal,
            canRate,
            viewer,
            // A duplicate merged into another ticket links there (read only for closed tickets).
            mergedInto,
          },
          messages: messagesView(page!.messages, page!.files),
          automation: await customerAutomationView(db, ticket, page!.automaticActions, now()),
          dates: extras.dates,
          ratings: isRequester ? extras.ratings : [],
        },
        200,
      );
    })
    .post('/tickets/:id/replies', requirePortalSwitch('see'), validate('param', ticketIdParam), validate('json', customerReplyInput), async (c) => {
      const { body, expectedVersion, attachmentIds } = c.req.valid('json');
      const files = await checkMessageAttachments(c.get('deps').db, signedIn(c).actor, attachmentIds, c.get('deps').config.attachments);
      const ticket = await commitTicketAction(c.get('deps'), {
        ticketId: c.req.valid('param').id,
        actor: signedIn(c).actor,
        expectedVersion,
        action: { type: 'customer_reply' },
        message: { body, visibility: 'public', attachmentIds: files },
      });
      return c.json({ ticket: { id: ticket.id, status: ticket.status, version: ticket.version } }, 201);
    });
}
