import type { CustomerAutomaticActionType } from '@atende/contracts';
import { autoCloseForecast } from '@atende/domain';
import { getAutomationSettings, ticketStateOf, type AutomaticAction, type Database, type TicketRecord } from '@atende/db/store';


/**
 * What the customer's page says about the automations: when a waiting ticket will be closed and why,
 * and the automatic actions taken so far (read as CUSTOMER_AUTOMATIC_ACTIONS only). E-mail bodies and
 * internal details stay out.
 */
export async function customerAutomationView(db: Database, ticket: TicketRecord, customerActions: AutomaticAction[], now: number) {
  const policy = (await getAutomationSettings(db)).inactivity;
  const forecast = autoCloseForecast(ticketStateOf(ticket), policy, now);
  // Automatic actions the customer sees on their ticket, in plain words (the page translates `type`).
  const actions = customerActions.map((e) => ({
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
