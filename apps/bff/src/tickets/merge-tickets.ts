import { getContactPreferences, getTicket, lockTicket, moveTicketMessages, transaction, type TicketRecord } from '@atende/db/store';
import type { Deps, SignedInActor } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import { applyTicketAction } from './apply-ticket-action.js';
import { loadTicketFor } from './load-ticket.js';

/** The two public lines the customer reads, in the customer's language (issue 15): they are written for them. */
const MERGE_WORDS = {
  'pt-BR': {
    closed: (t: TicketRecord) => `Este chamado foi unido ao chamado #${t.id} (${t.subject}). Continuaremos o atendimento por lá.`,
    told: (s: TicketRecord) => `Unimos a este chamado o seu chamado #${s.id} (${s.subject}), que tratava do mesmo assunto. As mensagens dele estão aqui.`,
  },
  en: {
    closed: (t: TicketRecord) => `This ticket was merged into ticket #${t.id} (${t.subject}). We will carry on there.`,
    told: (s: TicketRecord) => `We merged your ticket #${s.id} (${s.subject}), about the same matter, into this one. Its messages are here.`,
  },
};

/**
 * Merges a duplicate into another ticket of the same customer (seed 001: one ticket per subject), in
 * one transaction: the duplicate's messages move to the target, the duplicate closes (no rating asked)
 * with a public message naming the target, and the target gets a public reply telling the customer
 * (the usual "agent update" e-mail). Both changes go through the one ticket path, each with its check.
 */
export function mergeTickets(deps: Deps, session: SignedInActor, input: { sourceId: number; targetId: number; expectedVersion: number }): Promise<{ source: TicketRecord; target: TicketRecord }> {
  return transaction(deps.db, async (tx) => {
    const txDeps: Deps = { ...deps, db: tx };
    // The reply on the target keeps the status read here, so both rows are locked before anything is
    // read (PostgreSQL; SQLite's transaction runs alone): a status change landing in between would be
    // undone. Lower id first, so two merges of one pair in opposite directions wait, not deadlock.
    for (const id of [...new Set([input.sourceId, input.targetId])].sort((a, b) => a - b)) await lockTicket(tx, id);
    const source = await loadTicketFor(tx, session, input.sourceId);
    if (source.version !== input.expectedVersion) throw new AppError('conflict');
    const target = await getTicket(tx, input.targetId);
    if (!target || target.id === source.id) throw new AppError('validation_failed', { fields: { targetId: 'Informe outro chamado deste cliente.' } });
    if (target.requesterId !== source.requesterId) throw new AppError('validation_failed', { fields: { targetId: 'Só é possível unir chamados do mesmo cliente.' } });
    if (target.status === 'closed') throw new AppError('validation_failed', { fields: { targetId: 'O chamado de destino está concluído.' } });
    if (source.status === 'closed') throw new AppError('ticket_closed');
    const words = MERGE_WORDS[(await getContactPreferences(tx, source.requesterId))?.language === 'en' ? 'en' : 'pt-BR'];
    await moveTicketMessages(tx, source.id, target.id);
    const closed = await applyTicketAction(txDeps, {
      actor: session.actor,
      ticketId: source.id,
      expectedVersion: input.expectedVersion,
      action: { type: 'merge_into', targetId: target.id },
      message: { body: words.closed(target), visibility: 'public' },
    });
    const told = await applyTicketAction(txDeps, {
      actor: session.actor,
      ticketId: target.id,
      expectedVersion: undefined,
      action: { type: 'agent_reply', nextStatus: target.status },
      message: { body: words.told(source), visibility: 'public' },
    });
    return { source: closed, target: told };
  });
}
