/** Who is acting. Automations act as `system`. */
export type Actor =
  | { kind: 'contact'; id: number }
  | { kind: 'agent'; id: number; role: AgentRole }
  | { kind: 'system' };

export const AGENT_ROLES = ['agent', 'admin'] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];
