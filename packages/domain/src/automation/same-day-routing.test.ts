import { describe, expect, it } from 'vitest';
import { localDayStart, localTime } from '../ticket/company-clock.js';
import { DEFAULT_SAME_DAY_ROUTING_POLICY, leastLoadedAgent, routeNewTicket, specialWindowAt, type RoutingInput } from './same-day-routing.js';

const TZ = 'America/Sao_Paulo'; // UTC−3 all year (no DST since 2019)
/** An instant at local wall time on 2026-11-23 in São Paulo. */
const at = (hh: number, mm: number, day = 23) => Date.UTC(2026, 10, day, hh + 3, mm, 0);
const agents = [
  { agentId: 1, openTickets: 4 },
  { agentId: 2, openTickets: 1 },
  { agentId: 3, openTickets: 1 },
];
const input = (now: number, services: RoutingInput['services']): RoutingInput => ({
  now,
  timeZone: TZ,
  policy: DEFAULT_SAME_DAY_ROUTING_POLICY,
  services,
  departmentAgents: agents,
});

describe('same-day routing', () => {
  it('goes to the agent who served the customer last today', () => {
    const d = routeNewTicket(input(at(10, 0), [
      { agentId: 3, at: at(9, 30), agentActive: true },
      { agentId: 1, at: at(9, 40), agentActive: true },
    ]));
    expect(d).toEqual({ agentId: 1, reason: 'same_day', previousAgentId: 1 });
  });
  it('applies again exactly at 09:15 (the window ends there) but not at 09:14', () => {
    const services = [{ agentId: 1, at: at(8, 30), agentActive: true }];
    expect(routeNewTicket(input(at(9, 15), services))).toMatchObject({ agentId: 1, reason: 'same_day' });
    expect(routeNewTicket(input(at(9, 14), services))).toMatchObject({ agentId: 2, reason: 'special_window', window: { start: '08:00', end: '09:15' } });
  });
  it('at 13:20 the next window (13:20–14:30) holds; at 14:30 routing applies again', () => {
    const services = [{ agentId: 1, at: at(10, 0), agentActive: true }];
    expect(routeNewTicket(input(at(13, 20), services))).toMatchObject({ reason: 'special_window', window: { start: '13:20', end: '14:30' } });
    expect(routeNewTicket(input(at(13, 19), services))).toMatchObject({ reason: 'special_window', window: { start: '11:50', end: '13:20' } });
    expect(routeNewTicket(input(at(14, 30), services))).toMatchObject({ agentId: 1, reason: 'same_day' });
    expect(routeNewTicket(input(at(11, 49), services))).toMatchObject({ agentId: 1, reason: 'same_day' });
  });
  it('the day resets at local midnight (not UTC midnight)', () => {
    const lateYesterday = { agentId: 1, at: at(23, 59, 22), agentActive: true };
    expect(routeNewTicket(input(at(0, 0), [lateYesterday]))).toMatchObject({ agentId: 2, reason: 'not_served_today' });
    // 22:00 local is already the next UTC day; still the same local day as 20:00.
    expect(routeNewTicket(input(at(22, 0), [{ agentId: 1, at: at(20, 0), agentActive: true }]))).toMatchObject({ agentId: 1, reason: 'same_day' });
  });
  it('an inactive agent is skipped for the normal assignment', () => {
    const d = routeNewTicket(input(at(10, 0), [{ agentId: 1, at: at(9, 30), agentActive: false }]));
    expect(d).toEqual({ agentId: 2, reason: 'previous_agent_inactive', previousAgentId: 1 });
  });
  it('a customer not served today gets the least loaded active agent (lowest id on ties)', () => {
    expect(routeNewTicket(input(at(10, 0), []))).toEqual({ agentId: 2, reason: 'not_served_today' });
    expect(leastLoadedAgent([])).toBeNull();
  });
  it('can be switched off', () => {
    const d = routeNewTicket({ ...input(at(10, 0), [{ agentId: 1, at: at(9, 30), agentActive: true }]), policy: { ...DEFAULT_SAME_DAY_ROUTING_POLICY, enabled: false } });
    expect(d).toEqual({ agentId: 2, reason: 'routing_disabled' });
  });
  it('ignores a malformed window rather than matching everything', () => {
    expect(specialWindowAt(at(10, 0), TZ, [{ start: '25:00', end: 'x' }])).toBeNull();
  });
});

describe('local time', () => {
  it('knows local midnight in the company zone', () => {
    expect(localTime(at(0, 0), TZ)).toMatchObject({ dayKey: '2026-11-23', minuteOfDay: 0 });
    expect(localDayStart(at(15, 42), TZ)).toBe(at(0, 0));
  });
});
