/**
 * Who is on a ticket's page right now ("Bruno está vendo" / "Bruno está respondendo"), agents only.
 * Kept in this process's memory, never in the database: it is gone in a minute anyway, and a restart
 * losing it costs nothing (the open pages announce themselves again at their next heartbeat). With
 * several server instances this would move to the shared bus like the live events.
 *
 * Each open ticket page announces its agent every HEARTBEAT (see the SPA's presence hook); an entry
 * that is not renewed for PRESENCE_TTL_MS expires, so a closed laptop or a crashed tab stops showing.
 * Time comes from the caller (the injected clock), so tests move it instead of waiting.
 */
export const PRESENCE_STATES = ['viewing', 'typing'] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];

/** Three missed heartbeats of the SPA (every 20 s) and the agent is no longer shown. */
export const PRESENCE_TTL_MS = 60_000;

export interface PresenceEntry {
  agentId: number;
  name: string;
  state: PresenceState;
}

interface Stored {
  name: string;
  state: PresenceState;
  expiresAt: number;
}

export function createPresenceRegistry(ttlMs = PRESENCE_TTL_MS) {
  const byTicket = new Map<number, Map<number, Stored>>();

  /** The ticket's live entries at `now`; expired ones are dropped on the way. */
  const live = (ticketId: number, now: number): Map<number, Stored> | undefined => {
    const agents = byTicket.get(ticketId);
    if (!agents) return undefined;
    for (const [agentId, entry] of agents) if (entry.expiresAt <= now) agents.delete(agentId);
    if (agents.size === 0) {
      byTicket.delete(ticketId);
      return undefined;
    }
    return agents;
  };

  return {
    /**
     * The agent is on the page (`viewing`), writing in the composer (`typing`) or has left it (`left`).
     * Returns whether what others see changed (someone new, another state, someone gone): only then is
     * a live event worth sending; a plain heartbeat renews silently.
     */
    announce(ticketId: number, agent: { id: number; name: string }, state: PresenceState | 'left', now: number): boolean {
      const agents = live(ticketId, now);
      const before = agents?.get(agent.id)?.state ?? null;
      if (state === 'left') {
        if (!agents || before === null) return false;
        agents.delete(agent.id);
        if (agents.size === 0) byTicket.delete(ticketId);
        return true;
      }
      const map = agents ?? new Map<number, Stored>();
      map.set(agent.id, { name: agent.name, state, expiresAt: now + ttlMs });
      byTicket.set(ticketId, map);
      return before !== state;
    },

    /** The agents on the ticket's page at `now`, but `exceptAgentId` (one does not see oneself). */
    list(ticketId: number, now: number, exceptAgentId: number): PresenceEntry[] {
      const agents = live(ticketId, now);
      if (!agents) return [];
      return [...agents]
        .filter(([agentId]) => agentId !== exceptAgentId)
        .map(([agentId, entry]) => ({ agentId, name: entry.name, state: entry.state }))
        .sort((a, b) => a.name.localeCompare(b.name, 'pt-BR'));
    },
  };
}
export type PresenceRegistry = ReturnType<typeof createPresenceRegistry>;
