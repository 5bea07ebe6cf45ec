import { CUSTOMER_AUTOMATIC_ACTIONS, type CustomerAutomaticActionType } from '@atende/contracts';
import { autoCloseForecast } from '@atende/domain';
import { automaticActions, getAutomationSettings, ticketStateOf, type Database, type TicketRecord } from '@atende/db/store';


/**
 * What the customer's page says about the automations: when a waiting ticket will be closed and why,
 * and the automatic actions taken so far. E-mail bodies and internal details stay out.
 */
export async function customerAutomationView(db: Database, ticket: TicketRecord, now: number) {
  const policy = (await getAutomationSettings(db)).inactivity;
  const forecast = autoCloseForecast(ticketStateOf(ticket), policy, now);
  // Automatic actions the customer sees on their ticket, in plain words (the page translates `type`).
  const actions = (await automaticActions(db, ticket.id, CUSTOMER_AUTOMATIC_ACTIONS)).map((e) => ({
    id: e.id,
    type: e.type as CustomerAutomaticActionType, // only those types were asked for
    outcome: e.type === 'approval_timeout' ? (e.outcome ?? '') : null,
    createdAt: new Date(e.createdAt).toISOString(),
  }));
  return {
    autoClose: forecast ? { closesAt: new Date(forecast.closesAt).toISOString(), daysLeft: forecast.daysLeft } : null,
    automaticActions: actions,
  };
}
