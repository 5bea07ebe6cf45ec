/**
 * Who may call each API route (ASVS V8). Every route mounted in createApi() has exactly one line here;
 * the registry test fails on a route without a line, and the authorization matrix test calls every
 * route as every role and checks the answer against this table. Adding a route = adding one line.
 *
 * - `anonymous`: anyone, signed in or not (sign-in, rating-link pages).
 * - `signed_in`: any signed-in account.
 * - `contact` / `agent` / `admin`: that role only (an admin is also an agent).
 * - `ticket: true`: the path carries a ticket `:id`; a ticket the caller may not see answers 404.
 *
 * Keys are `METHOD path` relative to /api, exactly as Hono reports them.
 */
export type RouteAudience = 'anonymous' | 'signed_in' | 'contact' | 'agent' | 'admin';
export interface RoutePolicy {
  allow: RouteAudience;
  ticket?: boolean;
}

export const ROUTE_POLICIES: Record<string, RoutePolicy> = {
  'POST /auth/login': { allow: 'anonymous' },
  'POST /auth/logout': { allow: 'anonymous' },
  'GET /auth/me': { allow: 'signed_in' },
  // Passwordless sign-in by e-mail link (issue 15).
  'GET /auth/sign-in-options': { allow: 'anonymous' },
  'POST /auth/email-link': { allow: 'anonymous' },
  'GET /auth/email-link/:token': { allow: 'anonymous' },
  'POST /auth/email-link/:token': { allow: 'anonymous' },
  'GET /admin/sign-in-settings': { allow: 'admin' },
  'PUT /admin/sign-in-settings': { allow: 'admin' },

  // Customer self-registration (issue 17): public, answers registration_closed while the setting is off.
  'POST /registration': { allow: 'anonymous' },
  'GET /registration/:token': { allow: 'anonymous' },
  'POST /registration/:token': { allow: 'anonymous' },

  'GET /customer/tickets/counts': { allow: 'contact' },
  'GET /customer/tickets': { allow: 'contact' },
  'GET /customer/tickets/:id': { allow: 'contact', ticket: true },
  'GET /customer/search': { allow: 'contact' },
  'GET /customer/company': { allow: 'contact' },
  'GET /customer/preferences': { allow: 'contact' },
  'PUT /customer/preferences': { allow: 'contact' },
  'GET /customer/company/tickets': { allow: 'contact' },
  'POST /customer/tickets/:id/replies': { allow: 'contact', ticket: true },

  'GET /customer/portal': { allow: 'contact' },
  'GET /customer/new-ticket/options': { allow: 'contact' },
  'POST /customer/tickets': { allow: 'contact' },

  'POST /customer/tickets/:id/confirm': { allow: 'contact', ticket: true },
  'POST /customer/tickets/:id/not-resolved': { allow: 'contact', ticket: true },
  'POST /customer/tickets/:id/rating': { allow: 'contact', ticket: true },

  'GET /ratings': { allow: 'agent' },
  'GET /public/ratings/:token': { allow: 'anonymous' },
  'POST /public/ratings/:token': { allow: 'anonymous' },
  'POST /public/ratings/:token/comment': { allow: 'anonymous' },
  // A file too big for its e-mail: the signed link is the permission (mail/file-link.ts).
  'GET /public/files/:token': { allow: 'anonymous' },

  'GET /agent/tickets': { allow: 'agent' },
  'GET /agent/options': { allow: 'agent' },
  'POST /agent/tickets/:id/fields': { allow: 'agent', ticket: true },
  'POST /agent/tickets/:id/due': { allow: 'agent', ticket: true },
  'GET /agent/tickets/:id': { allow: 'agent', ticket: true },
  'POST /agent/tickets/:id/messages': { allow: 'agent', ticket: true },
  'POST /agent/tickets/:id/status': { allow: 'agent', ticket: true },
  'GET /agent/directory': { allow: 'agent' },
  'GET /agent/companies/:id': { allow: 'agent' },
  'GET /agent/contacts/:id': { allow: 'agent' },
  'POST /agent/contacts/:id/tickets': { allow: 'agent' },
  'POST /agent/contacts/:id/conversations': { allow: 'agent' },
  'POST /agent/api-tokens': { allow: 'agent' },
  'POST /agent/api-tokens/:tokenId/revoke': { allow: 'agent' },

  'POST /account/password-reset': { allow: 'anonymous' },
  'GET /account/links/:token': { allow: 'anonymous' },
  'POST /account/links/:token': { allow: 'anonymous' },
  'POST /account/password': { allow: 'signed_in' },
  'POST /account/invitations': { allow: 'admin' },

  'GET /admin/audit-log': { allow: 'admin' },
  'GET /admin/portal-settings': { allow: 'admin' },
  'PUT /admin/portal-settings': { allow: 'admin' },
  'GET /admin/departments': { allow: 'admin' },
  'POST /admin/departments': { allow: 'admin' },
  'PUT /admin/departments/:id': { allow: 'admin' },
  'GET /admin/subjects': { allow: 'admin' },
  'POST /admin/subjects': { allow: 'admin' },
  'PUT /admin/subjects/:id': { allow: 'admin' },
  'GET /admin/mailbox': { allow: 'admin' },
  'GET /admin/automation-settings': { allow: 'admin' },
  'PUT /admin/automation-settings': { allow: 'admin' },

  'POST /uploads': { allow: 'signed_in' },
  'GET /tickets/:id/attachments/:attachmentId': { allow: 'signed_in', ticket: true },
  'GET /tickets/:id/attachments/:attachmentId/thumbnail': { allow: 'signed_in', ticket: true },
  'GET /events': { allow: 'signed_in' },
  'GET /agent/notifications': { allow: 'agent' },
  'POST /agent/notifications/read-all': { allow: 'agent' },
  'POST /agent/notifications/read': { allow: 'agent' },
  'GET /agent/notification-preferences': { allow: 'agent' },
  'PUT /agent/notification-preferences': { allow: 'agent' },
  'GET /agent/preferences': { allow: 'agent' },
  'PUT /agent/preferences': { allow: 'agent' },
  'POST /agent/tickets/:id/held-mail/:heldId/accept': { allow: 'agent', ticket: true },
  'POST /agent/tickets/:id/held-mail/:heldId/discard': { allow: 'agent', ticket: true },
  'GET /agent/companies': { allow: 'agent' },
  'POST /agent/companies': { allow: 'agent' },
  'PUT /agent/companies/:companyId': { allow: 'agent' },
  'POST /agent/contacts': { allow: 'agent' },
  'PUT /agent/contacts/:contactId': { allow: 'agent' },
  'POST /agent/contacts/:contactId/invitation': { allow: 'agent' },
  'POST /agent/contacts/:contactId/deactivate': { allow: 'admin' },
  'POST /agent/contacts/:contactId/reactivate': { allow: 'admin' },
  'POST /admin/contact-import/preview': { allow: 'admin' },
  'POST /admin/contact-import': { allow: 'admin' },
  'GET /admin/company-settings': { allow: 'admin' },
  'GET /admin/company-settings/national-holidays': { allow: 'admin' },
  'PUT /admin/company-settings': { allow: 'admin' },
  'GET /agent/api-tokens': { allow: 'agent' },
  'GET /admin/team': { allow: 'admin' },
  'POST /admin/team': { allow: 'admin' },
  'PUT /admin/team/:agentId': { allow: 'admin' },
  'POST /admin/team/:agentId/deactivate': { allow: 'admin' },
  'POST /admin/team/:agentId/reactivate': { allow: 'admin' },
  'POST /admin/team/:agentId/invitation': { allow: 'admin' },

  // The agent console's tools (issue 14).
  'GET /agent/canned-replies': { allow: 'agent' },
  'POST /agent/canned-replies': { allow: 'agent' },
  'POST /agent/canned-replies/:id/delete': { allow: 'agent' },
  'POST /agent/tickets/bulk': { allow: 'agent' },
  'POST /agent/tickets/:id/merge': { allow: 'agent', ticket: true },
  'GET /agent/reports': { allow: 'agent' },
  'GET /agent/reports/export': { allow: 'agent' },
  'GET /admin/sla-settings': { allow: 'admin' },
  'PUT /admin/sla-settings': { allow: 'admin' },
  'GET /agent/tickets/:id/presence': { allow: 'agent', ticket: true },
  'POST /agent/tickets/:id/presence': { allow: 'agent', ticket: true },
};

export function routeKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}
