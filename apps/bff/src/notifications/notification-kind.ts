import type { NotificationKind } from '@atende/db/store';

/**
 * Which agent notification a ticket change is (null: none). Customers' moves need a person: a message
 * (portal or e-mail), "Não foi resolvido", a reopen. An agent giving a ticket to someone else tells that
 * someone. A new ticket is notified where tickets are created.
 */
export function notificationKindFor(change: {
  actionType: string;
  actorKind: 'contact' | 'agent' | 'system';
  statusBefore: string;
  statusAfter: string;
  assigneeBefore: number | null;
  assigneeAfter: number | null;
}): NotificationKind | null {
  if (change.actorKind === 'contact') {
    if (change.statusBefore === 'closed' && change.statusAfter !== 'closed') return 'reopened';
    if (change.actionType === 'reject_solution') return 'not_resolved';
    if (change.actionType === 'customer_reply') return 'customer_message';
    return null;
  }
  if (change.actorKind === 'system' && change.statusBefore === 'resolved' && change.statusAfter === 'open') return 'reopened'; // approval timeout reopened it
  if (change.actorKind === 'agent' && change.assigneeAfter !== null && change.assigneeAfter !== change.assigneeBefore) return 'assigned';
  return null;
}
