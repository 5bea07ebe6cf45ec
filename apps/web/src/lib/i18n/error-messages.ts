import type { ApiErrorCode } from '@atende/contracts';

/** English texts for API error codes; in pt-BR the server's own message is shown. */
export const EN_ERROR_MESSAGES: Partial<Record<ApiErrorCode, string>> = {
  validation_failed: 'Some fields are not right. Check them and try again.',
  unauthenticated: 'Your session ended. Please sign in again.',
  invalid_credentials: 'Wrong e-mail or password.',
  forbidden: 'You are not allowed to do this.',
  not_found: 'Not found.',
  conflict: 'This ticket changed while you were viewing it. Showing the latest version.',
  too_many_attempts: 'Too many attempts. Wait a few minutes and try again.',
  internal_error: 'Something went wrong on our side. Try again in a moment.',
  invalid_transition: 'This action is not possible in the ticket’s current status.',
  reopen_disabled: 'This ticket is closed and cannot be reopened. Open a new ticket.',
  reopen_window_passed: 'The time to reopen this ticket has passed. Open a new ticket.',
  same_status: 'The ticket already has this status.',
  due_date_required: 'Enter the resolution due date (the date agreed with the customer or the visit date).',
  due_date_invalid: 'Invalid resolution due date.',
  due_date_in_past: 'The resolution due date cannot be before today.',
  note_required: 'Write a note explaining the change.',
  no_change: 'Nothing was changed.',
};
