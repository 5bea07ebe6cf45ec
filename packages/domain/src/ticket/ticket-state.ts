import type { Priority, TicketStatus } from './status.js';

/** The part of a ticket that the lifecycle rules read and write. Times are epoch milliseconds. */
export interface TicketState {
  status: TicketStatus;
  assigneeId: number | null;
  /** When the ticket started waiting on the customer; the inactivity clock counts from here. */
  waitingSince: number | null;
  /** Reminders already sent during the current wait. */
  reminderStage: number;
  resolvedAt: number | null;
  closedAt: number | null;
  /** How many times the ticket was closed; a rating belongs to one closing. */
  closingCount: number;
  /** Until when the current closing may be rated; null when rated or not closed. */
  ratingDueUntil: number | null;
  /** "Data de resolução devida" (seed 001 §2.1); set by the due-date rules. */
  dueAt: number | null;
  priority: Priority;
  departmentId: number | null;
}

/** Portal settings that the customer's rules depend on. */
export interface PortalPolicy {
  allowReopen: boolean;
  reopenWindowDays: number;
  ratingWindowDays: number;
}

export const DEFAULT_PORTAL_POLICY: PortalPolicy = {
  allowReopen: true,
  reopenWindowDays: 30,
  ratingWindowDays: 30,
};

export const DAY_MS = 24 * 60 * 60 * 1000;
