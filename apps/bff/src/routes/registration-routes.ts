import { accountLinkParam, apiLanguageOf, registrationCompleteInput, registrationRequestInput } from '@atende/contracts';
import { completeRegistration, deleteSession, findAccountByEmail, findContactByAnyEmail, findUsablePendingRegistration, getPortalSettings, insertPendingRegistration, isAddressInUse, recordAudit, transaction } from '@atende/db/store';
import { Hono, type MiddlewareHandler } from 'hono';
import { passwordProblem } from '../auth/password-policy.js';
import { hashPassword } from '../auth/password.js';
import { hashToken, newSessionToken, readSessionToken, writeSessionCookie } from '../auth/session-cookie.js';
import { startSession } from '../auth/sessions.js';
import { audit, type AuditEvent } from '../audit/audit.js';
import { afterResponse } from '../http/after-response.js';
import type { AppEnv } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import { clientAddress } from '../http/client-address.js';
import { createRateLimiter } from '../http/rate-limiter.js';
import { validate } from '../http/validate.js';
import { lockAddressBook } from '../people/address-book.js';
import { mailAccountAlreadyExists, mailRegistrationLink } from '../registration/registration-mail.js';

/** A sign-up link is valid for a day (people confirm from their phone later), and once. */
export const REGISTRATION_LINK_TTL_MS = 24 * 60 * 60_000;
export const REGISTRATION_PATH = '/cadastro';

/** Every sign-up route answers `registration_closed` while the setting is off (the default). */
const requireOpen: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!(await getPortalSettings(c.get('deps').db)).customersSelfRegister) throw new AppError('registration_closed');
  await next();
};

/**
 * Customer self-registration (issue 17), off by default (Configurações → Portal). The sign-up answers
 * the same, before any work, whether or not the address has an account (no enumeration); the account
 * exists only once the e-mailed link is used, which proves the address. Opening the link (GET) never
 * creates anything: mail scanners follow links. Whether sign-up is open: GET /api/auth/sign-in-options.
 */
export function registrationRoutes() {
  // Sign-ups: 3 per address e-mailed and 10 per client address an hour, like password resets.
  const emailLimiter = createRateLimiter({ name: 'sign_up_email', limit: 3, windowMs: 60 * 60_000 });
  const addressLimiter = createRateLimiter({ name: 'sign_up_address', limit: 10, windowMs: 60 * 60_000 });

  return new Hono<AppEnv>()
    .post('/', requireOpen, validate('json', registrationRequestInput), async (c) => {
      const deps = c.get('deps');
      const { name, email } = c.req.valid('json');
      const normalized = email.toLowerCase();
      const address = clientAddress(c);
      const wait = Math.max(await addressLimiter.hit(deps.throttles!, [`address:${address}`], deps.now()), await emailLimiter.hit(deps.throttles!, [`email:${normalized}`], deps.now()));
      if (wait > 0) throw new AppError('too_many_attempts', { retryAfterSeconds: Math.ceil(wait / 1000) });
      const language = apiLanguageOf(c.req.header('accept-language'));
      const mail = { db: deps.db, now: deps.now, messageDomain: deps.config.mailReplyDomain };
      // Answer before the work: whether the address has an account changes what is e-mailed, never the answer.
      afterResponse(
        async () => {
          const existing = await isAddressInUse(deps.db, normalized);
          if (existing) {
            const owner = await findAccountByEmail(deps.db, normalized) ?? await findContactByAnyEmail(deps.db, normalized);
            await mailAccountAlreadyExists(mail, { email: normalized, name: owner?.name ?? name, language }, `${deps.config.publicUrl}/esqueci-senha`);
          } else {
            const token = newSessionToken();
            const now = deps.now();
            await insertPendingRegistration(deps.db, { tokenHash: hashToken(token), email: normalized, name, language, now, expiresAt: now + REGISTRATION_LINK_TTL_MS });
            await mailRegistrationLink(mail, { email: normalized, name, language }, `${deps.config.publicUrl}${REGISTRATION_PATH}/${token}`, REGISTRATION_LINK_TTL_MS / 3_600_000);
          }
          // Admins may read which branch ran; the person asking never does.
          await recordAudit(deps.db, { at: deps.now(), event: 'registration_requested' satisfies AuditEvent, actorKind: 'anonymous', actorId: null, email: normalized, address, details: { accountExisted: existing } });
        },
        (error) => deps.logger.error({ err: error }, 'sign-up e-mail failed'),
      );
      return c.json({ ok: true }, 202);
    })
    // Read-only: shows whose sign-up the link confirms.
    .get('/:token', requireOpen, validate('param', accountLinkParam), async (c) => {
      const pending = await findUsablePendingRegistration(c.get('deps').db, hashToken(c.req.valid('param').token), c.get('deps').now());
      if (!pending) throw new AppError('link_invalid');
      return c.json({ registration: { name: pending.name, email: pending.email, expiresAt: pending.expiresAt } }, 200);
    })
    .post('/:token', requireOpen, validate('param', accountLinkParam), validate('json', registrationCompleteInput), async (c) => {
      const { db, now, config } = c.get('deps');
      const tokenHash = hashToken(c.req.valid('param').token);
      const pending = await findUsablePendingRegistration(db, tokenHash, now());
      if (!pending) throw new AppError('link_invalid');
      const { password } = c.req.valid('json');
      const problem = passwordProblem(password, pending);
      if (problem) throw new AppError('validation_failed', { fields: { password: problem } });
      const passwordHash = await hashPassword(password); // outside the transaction: never await inside one
      const outcome = await transaction(db, async (tx) => {
        await lockAddressBook(tx);
        return completeRegistration(tx, { tokenHash, passwordHash, now: now() });
      });
      if (!outcome.ok) throw new AppError(outcome.reason);
      // Signed in at once: the link just proved the address, as a sign-in by e-mail would.
      const previous = readSessionToken(c);
      if (previous) await deleteSession(db, hashToken(previous));
      const token = await startSession(db, { kind: 'contact', id: outcome.contactId }, now(), config);
      writeSessionCookie(c, token, Math.floor(config.sessionAbsoluteMs / 1000));
      await audit(c, 'contact_self_registered', { actor: { kind: 'contact', id: outcome.contactId }, email: outcome.email });
      return c.json({ actor: { kind: 'contact' as const, id: outcome.contactId, name: outcome.name, role: 'contact' as const } }, 201);
    });
}
