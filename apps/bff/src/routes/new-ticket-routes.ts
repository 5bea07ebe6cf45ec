import { newTicketInput } from '@atende/contracts';
import { findAccount, getPortalSettings, isPortalDepartment, isPortalSubject, portalDepartments, portalSubjects } from '@atende/db/store';
import { createRoutedTicketOnce } from '../tickets/create-routed-ticket.js';
import { publishLive } from '../tickets/apply-ticket-action.js';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import { requirePortalSwitch } from '../http/portal-switch.js';
import { requireRole, signedIn } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';
import { checkMessageAttachments } from '../attachments/message-attachments.js';

/** The Central do Assinante: what the portal offers a contact, and filing a ticket (seed 003). */
export function newTicketRoutes() {
  return new Hono<AppEnv>()
    .use(requireRole('contact'))
    .get('/portal', async (c) => {
      const { customersSeeTickets, customersOpenTickets } = await getPortalSettings(c.get('deps').db);
      return c.json({ customersSeeTickets, customersOpenTickets }, 200);
    })
    .get('/new-ticket/options', requirePortalSwitch('open'), async (c) => {
      const { db } = c.get('deps');
      return c.json({ departments: await portalDepartments(db), subjects: await portalSubjects(db) }, 200);
    })
    .post('/tickets', requirePortalSwitch('open'), validate('json', newTicketInput), async (c) => {
      const { db, now } = c.get('deps');
      const input = c.req.valid('json');
      // A department or subject the portal does not offer (hidden, inactive, unknown) is refused like a
      // missing one: the form only ever lists offered ones, so this is a hand-made request.
      const fields: Record<string, string> = {};
      if (!await isPortalDepartment(db, input.departmentId)) fields.departmentId = 'Departamento indisponível. Escolha outro.';
      if (!await isPortalSubject(db, input.subjectId)) fields.subjectId = 'Assunto indisponível. Escolha outro.';
      if (Object.keys(fields).length > 0) throw new AppError('validation_failed', { fields });
      const { actor } = signedIn(c);
      const files = await checkMessageAttachments(db, actor, input.attachmentIds, c.get('deps').config.attachments);
      const contact = await findAccount(db, 'contact', actor.id);
      if (!contact) throw new AppError('unauthenticated');
      // Same-day routing and the "ticket received" e-mail happen in the creation transaction.
      const { ticket, created, live } = await createRoutedTicketOnce(db, c.get('deps').config, {
        subject: input.subject,
        requesterId: actor.id,
        companyId: contact.kind === 'contact' ? contact.companyId : null,
        departmentId: input.departmentId,
        subjectId: input.subjectId,
        origin: input.origin,
        firstMessage: { authorKind: 'contact', authorId: actor.id, visibility: 'public', body: input.body, createdAt: now() },
        now: now(),
        idempotencyKey: input.idempotencyKey,
        attachmentIds: files,
      });
      // Committed (createTicketOnce is its own transaction): the agents' queues and notifications update.
      publishLive(c.get('deps'), live);
      return c.json({ ticket: { id: ticket.id, status: ticket.status, origin: ticket.origin }, created }, created ? 201 : 200);
    });
}
