import { localTime, parseClock } from '../ticket/company-clock.js';

/**
 * Same-day routing (seed 004): a new ticket from a customer served today goes to the agent who served
 * them last today, so one technician follows the customer through the day. Not inside the special
 * windows (shift changes, lunch), when the normal assignment applies. The day is the company's local
 * day: it resets at local midnight.
 */
export interface SpecialWindow {
  /** "HH:MM", inclusive. */
  start: string;
  /** "HH:MM", exclusive: a window 11:50–13:20 no longer holds at 13:20. */
  end: string;
}

export interface SameDayRoutingPolicy {
  enabled: boolean;
  specialWindows: SpecialWindow[];
}

export const DEFAULT_SAME_DAY_ROUTING_POLICY: SameDayRoutingPolicy = {
  enabled: true,
  specialWindows: [
    { start: '08:00', end: '09:15' },
    { start: '11:50', end: '13:20' },
    { start: '13:20', end: '14:30' },
  ],
};

/** A time the customer (the company, or the contact without one) was served by an agent. */
export interface Service {
  agentId: number;
  at: number;
  agentActive: boolean;
}

/** An agent of the ticket's department who may take tickets, with their open ticket count. */
export interface AssignableAgent {
  agentId: number;
  openTickets: number;
}

export interface RoutingInput {
  now: number;
  timeZone: string;
  policy: SameDayRoutingPolicy;
  /** The customer's recent services (any order; the rule keeps today's). */
  services: Service[];
  /** The department's active agents. */
  departmentAgents: AssignableAgent[];
}

/** Why the ticket went where it did; the ticket history shows it in plain words. */
export type RoutingReason =
  | 'same_day' // served today by this agent
  | 'special_window' // served today, but created inside a special window
  | 'previous_agent_inactive' // served today by an agent now inactive
  | 'not_served_today'
  | 'routing_disabled';

export interface RoutingDecision {
  agentId: number | null;
  reason: RoutingReason;
  /** The special window the ticket was created in, for the history. */
  window?: SpecialWindow;
  /** The agent who served the customer last today, when the rule had one. */
  previousAgentId?: number;
}

/** The special window `now` falls in, or null. Windows are half-open [start, end). */
export function specialWindowAt(now: number, timeZone: string, windows: SpecialWindow[]): SpecialWindow | null {
  const minute = localTime(now, timeZone).minuteOfDay;
  for (const window of windows) {
    const start = parseClock(window.start);
    const end = parseClock(window.end);
    if (start === null || end === null) continue;
    if (minute >= start && minute < end) return window;
  }
  return null;
}

/** The department's normal assignment: least open tickets among its active agents (lowest id on ties). */
export function leastLoadedAgent(agents: AssignableAgent[]): number | null {
  let best: AssignableAgent | null = null;
  for (const agent of agents) {
    if (!best || agent.openTickets < best.openTickets || (agent.openTickets === best.openTickets && agent.agentId < best.agentId)) best = agent;
  }
  return best?.agentId ?? null;
}

export function routeNewTicket(input: RoutingInput): RoutingDecision {
  const fallback = leastLoadedAgent(input.departmentAgents);
  if (!input.policy.enabled) return { agentId: fallback, reason: 'routing_disabled' };
  const today = localTime(input.now, input.timeZone).dayKey;
  const last = input.services
    .filter((s) => s.at <= input.now && localTime(s.at, input.timeZone).dayKey === today)
    .sort((a, b) => b.at - a.at)[0];
  if (!last) return { agentId: fallback, reason: 'not_served_today' };
  const window = specialWindowAt(input.now, input.timeZone, input.policy.specialWindows);
  if (window) return { agentId: fallback, reason: 'special_window', window, previousAgentId: last.agentId };
  // The last agent is gone: the normal assignment, not an older service of the day (whoever served
  // earlier did not follow the customer most recently either).
  if (!last.agentActive) return { agentId: fallback, reason: 'previous_agent_inactive', previousAgentId: last.agentId };
  return { agentId: last.agentId, reason: 'same_day', previousAgentId: last.agentId };
}
