import type { ApiErrorCode } from '@atende/contracts';

/** English texts for API error codes; in pt-BR the server's own message is shown. */
export const EN_ERROR_MESSAGES: Partial<Record<ApiErrorCode, string>> = {
  validation_failed: 'Some fields are not right. Check them and try again.',
  unauthenticated: 'Your session ended. Please sign in again.',
  invalid_credentials: 'Wrong e-mail or password.',
  forbidden: 'You are not allowed to do this.',
  portal_tickets_hidden: 'Tickets are not available on the portal.',
  portal_new_tickets_disabled: 'Opening tickets from the portal is turned off.',
  not_found: 'Not found.',
  conflict: 'This ticket changed while you were viewing it. Showing the latest version.',
  too_many_attempts: 'Too many attempts. Wait a few minutes and try again.',
  link_invalid: 'This link no longer works: it was used or has expired. Ask for a new one.',
  internal_error: 'Something went wrong on our side. Try again in a moment.',
  invalid_transition: 'This action is not possible in the ticket’s current status.',
  reopen_disabled: 'This ticket is closed and cannot be reopened. Open a new ticket.',
  reopen_window_passed: 'The time to reopen this ticket has passed. Open a new ticket.',
  same_status: 'The ticket already has this status.',
  reason_required: 'Tell us what was not resolved.',
  rating_not_due: 'This ticket is not awaiting a rating.',
  invalid_score: 'Choose 1 to 5 stars.',
  rating_link_invalid: 'This rating link is not valid. Check that it was copied in full.',
  rating_link_expired: 'The time to rate this service has passed.',
};
