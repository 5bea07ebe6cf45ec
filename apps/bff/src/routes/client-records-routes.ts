import { companyInput, contactInput, emptyBody } from '@atende/contracts';
import {
  findAccount,
  getCompany,
  getDirectoryContact,
  insertCompany,
  insertContact,
  listCompanies,
  listContactEmails,
  serialize,
  setContactActive,
  transaction,
  updateCompany,
  updateContact,
  type ContactInput,
  type ContactWriteProblem,
  type Database,
} from '@atende/db/store';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { mailAccountLink } from '../auth/account-links.js';
import { audit } from '../audit/audit.js';
import type { AppEnv } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import { requireRole } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';
import { lockAddressBook } from '../people/address-book.js';
import { toE164 } from '../people/phone.js';

const contactIdParam = z.object({ contactId: z.coerce.number().int().positive('Contato inválido.').max(Number.MAX_SAFE_INTEGER) });
const companyIdParam = z.object({ companyId: z.coerce.number().int().positive('Empresa inválida.').max(Number.MAX_SAFE_INTEGER) });

const PROBLEM_MESSAGES: Record<ContactWriteProblem['reason'], string> = {
  taken_by_agent: 'Este e-mail é de alguém da equipe.',
  taken_by_contact: 'Este e-mail já é de outro contato.',
  repeated: 'E-mail repetido.',
  unknown_company: 'Empresa desconhecida.',
};

function phoneOrRefuse(raw: string | null): string | null {
  const phone = toE164(raw);
  if (phone === 'invalid') throw new AppError('validation_failed', { fields: { phone: 'Telefone inválido. Use DDD e número, por exemplo (51) 99999-1234.' } });
  return phone;
}

async function contactSnapshot(c: Context<AppEnv>, id: number, db: Database = c.get('deps').db) {
  const contact = await getDirectoryContact(db, id);
  return contact && { ...contact, extraEmails: await listContactEmails(db, id) };
}

/** Deactivates or reactivates; the contact as it was, read with the write so the audit's "before" is true. */
async function switchContact(db: Database, id: number, active: boolean) {
  return transaction(db, async (tx) => {
    await serialize(tx, `contact-active:${id}`);
    const before = await getDirectoryContact(tx, id);
    if (!before || !await setContactActive(tx, id, active)) throw new AppError('not_found');
    return before;
  });
}

/**
 * Clientes: agents create and edit companies and contacts and invite a contact to the portal; admins
 * deactivate and reactivate contacts. Phones are stored in E.164. Every change is one audit entry.
 */
export function clientRecordsRoutes() {
  return new Hono<AppEnv>()
    .use(requireRole('agent'))
    .get('/companies', async (c) => c.json({ companies: await listCompanies(c.get('deps').db) }, 200))
    .post('/companies', validate('json', companyInput), async (c) => {
      const input = c.req.valid('json');
      const company = await insertCompany(c.get('deps').db, { ...input, phone: phoneOrRefuse(input.phone) }, c.get('deps').now());
      await audit(c, 'company_created', { details: { after: company } });
      return c.json({ company }, 201);
    })
    .put('/companies/:companyId', validate('param', companyIdParam), validate('json', companyInput), async (c) => {
      const { db } = c.get('deps');
      const id = c.req.valid('param').companyId;
      const input = c.req.valid('json');
      // Read with the write, so the audit entry's "before" is what this edit replaced.
      const { before, company } = await transaction(db, async (tx) => {
        await serialize(tx, `company:${id}`);
        const before = await getCompany(tx, id);
        if (!before) throw new AppError('not_found');
        return { before, company: await updateCompany(tx, id, { ...input, phone: phoneOrRefuse(input.phone) }) };
      });
      await audit(c, 'company_changed', { details: { before, after: company } });
      return c.json({ company }, 200);
    })
    .post('/contacts', validate('json', contactInput), async (c) => {
      const { db, now } = c.get('deps');
      const input: ContactInput = { ...c.req.valid('json'), phone: phoneOrRefuse(c.req.valid('json').phone) };
      const result = await transaction(db, async (tx) => {
        await lockAddressBook(tx);
        return insertContact(tx, input, now());
      });
      if (!result.ok) throw new AppError('validation_failed', { fields: { [result.problem.field]: PROBLEM_MESSAGES[result.problem.reason] } });
      const contact = (await contactSnapshot(c, result.id))!;
      await audit(c, 'contact_created', { email: contact.email, details: { after: contact } });
      return c.json({ contact }, 201);
    })
    .put('/contacts/:contactId', validate('param', contactIdParam), validate('json', contactInput), async (c) => {
      const { db, now } = c.get('deps');
      const id = c.req.valid('param').contactId;
      const input: ContactInput = { ...c.req.valid('json'), phone: phoneOrRefuse(c.req.valid('json').phone) };
      // The snapshot for the audit log is read in the same transaction, so "before" is what was replaced.
      const { before, result } = await transaction(db, async (tx) => {
        await lockAddressBook(tx);
        return { before: await contactSnapshot(c, id, tx), result: await updateContact(tx, id, input, now()) };
      });
      if (!result || !before) throw new AppError('not_found');
      if (!result.ok) throw new AppError('validation_failed', { fields: { [result.problem.field]: PROBLEM_MESSAGES[result.problem.reason] } });
      const contact = (await contactSnapshot(c, id))!;
      await audit(c, 'contact_changed', { email: contact.email, details: { before, after: contact } });
      return c.json({ contact }, 200);
    })
    // Portal access: an e-mailed one-time link to "Criar sua senha" (also a new link for one who forgot).
    .post('/contacts/:contactId/invitation', validate('param', contactIdParam), validate('json', emptyBody), async (c) => {
      const account = await findAccount(c.get('deps').db, 'contact', c.req.valid('param').contactId);
      if (!account) throw new AppError('not_found');
      if (!account.active) throw new AppError('validation_failed', { fields: { contactId: 'Contato desativado: reative antes de convidar.' } });
      await mailAccountLink(c.get('deps'), account, 'invitation');
      await audit(c, 'invitation_sent', { email: account.email, details: { account: { kind: 'contact', id: account.id } } });
      return c.json({ ok: true }, 202);
    })
    .post('/contacts/:contactId/deactivate', requireRole('admin'), validate('param', contactIdParam), validate('json', emptyBody), async (c) => {
      const id = c.req.valid('param').contactId;
      const before = await switchContact(c.get('deps').db, id, false);
      await audit(c, 'contact_deactivated', { email: before.email, details: { before: { active: before.active }, after: { active: false } } });
      return c.json({ contact: await contactSnapshot(c, id) }, 200);
    })
    .post('/contacts/:contactId/reactivate', requireRole('admin'), validate('param', contactIdParam), validate('json', emptyBody), async (c) => {
      const id = c.req.valid('param').contactId;
      const before = await switchContact(c.get('deps').db, id, true);
      await audit(c, 'contact_reactivated', { email: before.email, details: { before: { active: before.active }, after: { active: true } } });
      return c.json({ contact: await contactSnapshot(c, id) }, 200);
    });
}
