/** Why a rule refused an action. Stable codes: the API returns them and the UI translates them. */
export const DOMAIN_ERROR_CODES = [
  'not_allowed_for_actor',
  'invalid_transition',
  'ticket_closed',
  'reopen_disabled',
  'reopen_window_passed',
  /** A duplicate merged into another ticket: the conversation goes on there, this one is not reopened. */
  'ticket_merged',
  'reason_required',
  'rating_not_due',
  'invalid_score',
  'same_status',
  'due_date_required',
  'due_date_invalid',
  'due_date_in_past',
  'note_required',
  'no_change',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];
