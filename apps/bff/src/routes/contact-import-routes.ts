import { contactImportInput, contactImportPreviewInput } from '@atende/contracts';
import { contactImportLookups, findAccount, importContacts, transaction } from '@atende/db/store';
import { Hono } from 'hono';
import { mailAccountLink } from '../auth/account-links.js';
import { audit } from '../audit/audit.js';
import { parseCsv } from '../contact-import/decode-csv.js';
import { planImport, suggestMapping } from '../contact-import/plan-import.js';
import type { AppEnv } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import { requireRole } from '../http/session-middleware.js';
import { validate } from '../http/validate.js';
import { lockAddressBook } from '../people/address-book.js';

const MAX_ROWS = 20_000;
const MAX_ERRORS_SHOWN = 500;

function parseFile(fileBase64: string) {
  const parsed = parseCsv(Buffer.from(fileBase64, 'base64'));
  if (parsed.headers.length === 0) throw new AppError('validation_failed', { fields: { fileBase64: 'O arquivo está vazio.' } });
  if (parsed.rows.length > MAX_ROWS) throw new AppError('validation_failed', { fields: { fileBase64: `No máximo ${MAX_ROWS} linhas por arquivo.` } });
  return parsed;
}

/**
 * Importar contatos (CSV), admins only: a preview (encoding, delimiter, columns, a suggested mapping),
 * then a dry run with per-row errors, then the import itself (valid rows, one transaction; idempotent
 * by e-mail). Invitations are e-mailed only when asked.
 */
export function contactImportRoutes() {
  return new Hono<AppEnv>()
    .use(requireRole('admin'))
    .post('/preview', validate('json', contactImportPreviewInput), (c) => {
      const parsed = parseFile(c.req.valid('json').fileBase64);
      return c.json(
        { encoding: parsed.encoding, delimiter: parsed.delimiter, headers: parsed.headers, sample: parsed.rows.slice(0, 5).map((r) => r.cells), rowCount: parsed.rows.length, suggestedMapping: suggestMapping(parsed.headers) },
        200,
      );
    })
    .post('/', validate('json', contactImportInput), async (c) => {
      const { db, now } = c.get('deps');
      const input = c.req.valid('json');
      const parsed = parseFile(input.fileBase64);
      const reportOf = (plan: ReturnType<typeof planImport>) => ({ dryRun: input.dryRun, total: parsed.rows.length, valid: plan.rows.length, errors: plan.errors.slice(0, MAX_ERRORS_SHOWN), errorCount: plan.errors.length });
      // Planned outside the write: a big file takes a while, and the write blocks every other one.
      const planned = planImport(parsed, input.mapping, await contactImportLookups(db));
      if (input.dryRun) return c.json({ ...reportOf(planned), created: 0, updated: 0, invited: 0 }, 200);

      // The plan refuses the team's addresses: checked again inside the write, and the file planned again
      // if an agent was invited meanwhile with one of its addresses, so nobody becomes both.
      const { plan, result } = await transaction(db, async (tx) => {
        await lockAddressBook(tx);
        const lookups = await contactImportLookups(tx);
        const plan = planned.rows.some((row) => lookups.isStaffEmail(row.email)) ? planImport(parsed, input.mapping, lookups) : planned;
        return { plan, result: await importContacts(tx, plan.rows, now()) };
      });
      const report = reportOf(plan);
      let invited = 0;
      if (input.invite) {
        // Only people who cannot sign in yet: an existing customer with a password is not bothered.
        for (const id of [...result.created, ...result.updated]) {
          const account = await findAccount(db, 'contact', id);
          if (account && account.active && !account.passwordHash) {
            await mailAccountLink(c.get('deps'), account, 'invitation');
            invited++;
          }
        }
      }
      await audit(c, 'contacts_imported', { details: { total: report.total, created: result.created.length, updated: result.updated.length, skipped: report.errorCount, invited } });
      return c.json({ ...report, created: result.created.length, updated: result.updated.length, invited }, 200);
    });
}
