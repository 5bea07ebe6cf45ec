import { recordAudit } from '@atende/db/store';
import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { clientAddress } from '../http/client-address.js';

/**
 * The security events admins read in the audit log. One name per event, used everywhere. Settings routes
 * call audit(c, 'settings_changed', { details: { group, changes } }).
 */
export type AuditEvent =
  | 'sign_in'
  | 'sign_in_failed'
  | 'sign_out'
  | 'sign_in_link_requested'
  | 'password_reset_requested'
  | 'password_reset_throttled'
  | 'password_reset'
  | 'invitation_sent'
  | 'invitation_accepted'
  | 'password_changed'
  | 'settings_changed'
  | 'team_member_invited'
  | 'team_member_changed'
  | 'team_member_deactivated'
  | 'team_member_reactivated'
  | 'contact_created'
  | 'contact_changed'
  | 'contact_deactivated'
  | 'contact_reactivated'
  | 'company_created'
  | 'company_changed'
  | 'contacts_imported'
  | 'registration_requested'
  | 'contact_self_registered';

export async function audit(
  c: Context<AppEnv>,
  event: AuditEvent,
  fields: { actor?: { kind: 'contact' | 'agent'; id: number } | null; email?: string | null; details?: Record<string, unknown> } = {},
): Promise<void> {
  const actor = fields.actor === undefined ? (c.get('session')?.actor ?? null) : fields.actor;
  await recordAudit(c.get('deps').db, {
    at: c.get('deps').now(),
    event,
    actorKind: actor?.kind ?? 'anonymous',
    actorId: actor?.id ?? null,
    email: fields.email?.toLowerCase() ?? null,
    address: clientAddress(c),
    details: fields.details ?? null,
  });
}
