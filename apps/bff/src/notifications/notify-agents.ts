import { agentsToNotify, enqueueMail, insertNotifications, type Database, type NotificationKind, type TicketRecord } from '@atende/db/store';
import type { Config } from '../config.js';
import { notificationMail } from './notification-mail.js';

/**
 * Records a ticket change's notification for the agents who should hear of it (assignee, else the
 * department's agents; never the agent who made it), and their e-mails per preference through the
 * outbox. Runs inside the change's transaction, so a change and its notices exist together or not at
 * all; returns who was notified (their consoles get a live event once the change is committed).
 */
export async function notifyAgents(tx: Database, config: Pick<Config, 'publicUrl' | 'mailReplyDomain'>, params: { ticket: TicketRecord; kind: NotificationKind; exceptAgentId: number | null; now: number }): Promise<number[]> {
  const { ticket, kind, now } = params;
  const agents = await agentsToNotify(tx, { assigneeId: ticket.assigneeId, departmentId: ticket.departmentId, exceptAgentId: params.exceptAgentId });
  if (agents.length === 0) return [];
  await insertNotifications(tx, agents.map((agent) => ({ agentId: agent.id, ticketId: ticket.id, kind, ticketVersion: ticket.version, createdAt: now })));
  for (const agent of agents) {
    // The assignee already gets the "reopened" ticket e-mail; a second one would say the same.
    if (kind === 'reopened' && agent.id === ticket.assigneeId) continue;
    if (!agent.emailKinds.includes(kind)) continue;
    const content = notificationMail({ kind, ticketId: ticket.id, ticketSubject: ticket.subject, agentName: agent.name, language: agent.language, url: `${config.publicUrl}/console/chamados/${ticket.id}` });
    // Not filed under the ticket (ticket_id null): the ticket's own e-mails are the customer's thread,
    // and its first one is what every later e-mail references.
    await enqueueMail(tx, { dedupeKey: `notify:${agent.id}:${ticket.id}:${kind}:${ticket.version}`, ticketId: null, kind: `notify_${kind}`, toAddress: agent.email, replyTo: null, subject: content.subject, textBody: content.text, htmlBody: content.html, messageDomain: config.mailReplyDomain }, now);
  }
  return agents.map((agent) => agent.id);
}

export type { NotificationKind };
