import { directoryIdParam, directoryQuery, logConversationInput, onBehalfTicketInput } from '@atende/contracts';
import { getCompany, getDepartment, getDirectoryContact, listCompanyContacts, listContactEmails, listContactTickets, searchDirectory, type ContactTicketRow } from '@atende/db/store';
import { whatsAppUrl } from '@atende/domain';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import { requireRole, signedIn } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';
import { createRoutedTicketOnce } from '../tickets/create-routed-ticket.js';
import { logConversation } from '../tickets/log-conversation.js';
import { publishLive } from '../tickets/apply-ticket-action.js';

const ticketView = (t: ContactTicketRow) => ({ ...t, updatedAt: new Date(t.updatedAt).toISOString() });

/** Agents' directory (seed 001 §1.3): find a company, its contacts, their tickets; file a ticket for a contact. */
export function directoryRoutes() {
  return new Hono<AppEnv>()
    .use(requireRole('agent'))
    .get('/directory', validate('query', directoryQuery), async (c) => c.json(await searchDirectory(c.get('deps').db, c.req.valid('query').q), 200))
    .get('/companies/:id', validate('param', directoryIdParam), async (c) => {
      const { db } = c.get('deps');
      const company = await getCompany(db, c.req.valid('param').id);
      if (!company) throw new AppError('not_found');
      const contacts = await listCompanyContacts(db, company.id);
      const tickets = await listContactTickets(db, contacts.map((contact) => contact.id));
      return c.json(
        {
          company: { id: company.id, name: company.name, document: company.document, phone: company.phone, whatsAppUrl: whatsAppUrl(company.phone) },
          contacts: contacts.map((contact) => ({
            ...contact,
            whatsAppUrl: whatsAppUrl(contact.phone),
            tickets: tickets.filter((t) => t.requesterId === contact.id).map(ticketView),
          })),
        },
        200,
      );
    })
    .get('/contacts/:id', validate('param', directoryIdParam), async (c) => {
      const { db } = c.get('deps');
      const contact = await getDirectoryContact(db, c.req.valid('param').id);
      if (!contact) throw new AppError('not_found');
      return c.json({ contact: { ...contact, extraEmails: await listContactEmails(db, contact.id), whatsAppUrl: whatsAppUrl(contact.phone) }, tickets: (await listContactTickets(db, [contact.id])).map(ticketView) }, 200);
    })
    .post('/contacts/:id/tickets', validate('param', directoryIdParam), validate('json', onBehalfTicketInput), async (c) => {
      const { db, now } = c.get('deps');
      const contact = await getDirectoryContact(db, c.req.valid('param').id);
      if (!contact) throw new AppError('not_found');
      const input = c.req.valid('json');
      const department = await getDepartment(db, input.departmentId);
      if (!department || !department.active) throw new AppError('validation_failed', { fields: { departmentId: 'Departamento indisponível. Escolha outro.' } });
      const agentId = signedIn(c).actor.id;
      const at = now();
      // Filed by the agent for the contact: the first message is public (the customer sees it) and
      // authored by the agent; routing and the "ticket received" e-mail run as for any new ticket.
      const { ticket, created, live } = await createRoutedTicketOnce(db, c.get('deps').config, {
        subject: input.subject,
        requesterId: contact.id,
        companyId: contact.companyId,
        departmentId: department.id,
        priority: input.priority,
        origin: 'agent',
        // Filed by the agent (phone, chat, API): it stays with them, not routed to whoever served the customer.
        createdByAgentId: agentId,
        firstMessage: { authorKind: 'agent', authorId: agentId, visibility: 'public', body: input.body, createdAt: at },
        now: at,
        idempotencyKey: input.idempotencyKey,
      });
      publishLive(c.get('deps'), live);
      return c.json({ ticket: { id: ticket.id, status: ticket.status, origin: ticket.origin, priority: ticket.priority }, created }, created ? 201 : 200);
    })
    .post('/contacts/:id/conversations', validate('param', directoryIdParam), validate('json', logConversationInput), async (c) => {
      const contact = await getDirectoryContact(c.get('deps').db, c.req.valid('param').id);
      if (!contact) throw new AppError('not_found');
      const { ticket, created } = await logConversation(c.get('deps'), signedIn(c), contact, c.req.valid('json'));
      return c.json({ ticket: { id: ticket.id, status: ticket.status, origin: ticket.origin, version: ticket.version }, created }, created ? 201 : 200);
    });
}
