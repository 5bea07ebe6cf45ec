import { getPortalSettings } from '@atende/db/store';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';
import { AppError } from './app-error.js';

/**
 * The portal's switches (admin, seed 003), read on every request so a change applies at once:
 * `see` guards the customer's ticket list and threads, `open` guards filing a new ticket.
 */
export function requirePortalSwitch(which: 'see' | 'open'): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const settings = await getPortalSettings(c.get('deps').db);
    if (which === 'see' && !settings.customersSeeTickets) throw new AppError('portal_tickets_hidden');
    if (which === 'open' && !settings.customersOpenTickets) throw new AppError('portal_new_tickets_disabled');
    await next();
  };
}
