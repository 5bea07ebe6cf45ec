import { autoCloseForecast } from '@atende/domain';
import { automaticActions, getAutomationSettings, ticketStateOf, type Db, type TicketRecord } from '@atende/db';

/** Automatic actions the customer sees on their ticket, in plain words (the page translates `type`). */
const CUSTOMER_VISIBLE = ['reminder_sent', 'auto_closed', 'approval_timeout', 'assigned_by_routing'];

/**
 * What the customer's page says about the automations: when a waiting ticket will be closed and why,
 * and the automatic actions taken so far. E-mail bodies and internal details stay out.
 */
export function customerAutomationView(db: Db, ticket: TicketRecord, now: number) {
  const policy = getAutomationSettings(db).inactivity;
  const forecast = autoCloseForecast(ticketStateOf(ticket), policy, now);
  const actions = automaticActions(db, ticket.id, CUSTOMER_VISIBLE).map((e) => ({
    id: e.id,
    type: e.type,
    outcome: e.type === 'approval_timeout' ? (e.outcome ?? '') : null,
    createdAt: new Date(e.createdAt).toISOString(),
  }));
  return {
    autoClose: forecast ? { closesAt: new Date(forecast.closesAt).toISOString(), daysLeft: forecast.daysLeft } : null,
    automaticActions: actions,
  };
}
