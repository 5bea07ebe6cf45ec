import { useState } from 'react';

/**
 * What an agent typed into a ticket's controls, held against the ticket the server last sent.
 * - A field the agent did not touch follows the server: after a reply that set "Visita presencial",
 *   Situação shows it.
 * - A field the agent changed keeps their value when a newer ticket arrives (a 409: someone saved first),
 *   ready to apply again on the newer version; `movedUnder` lists what the other person changed, so the
 *   page can show the newer values.
 */
export function useServerDraft<T extends Record<string, unknown>>(server: T, version: number) {
  const [draft, setDraft] = useState<T>(server);
  const [base, setBase] = useState<{ values: T; version: number }>({ values: server, version });
  const [movedUnder, setMovedUnder] = useState<(keyof T)[]>([]);
  if (version !== base.version) {
    // Adjusting state while rendering (React's documented pattern): no flash of stale values.
    const keys = Object.keys(server) as (keyof T)[];
    const pending = keys.filter((k) => draft[k] !== base.values[k] && draft[k] !== server[k]);
    const next = { ...server };
    for (const k of pending) next[k] = draft[k];
    setBase({ values: server, version });
    setDraft(next);
    setMovedUnder(pending.length > 0 ? keys.filter((k) => server[k] !== base.values[k]) : []);
  }
  const set = <K extends keyof T>(key: K, value: T[K]) => setDraft((d) => ({ ...d, [key]: value }));
  /** The fields whose typed value differs from the ticket: what a save sends. */
  const changed = (Object.keys(server) as (keyof T)[]).filter((k) => draft[k] !== server[k]);
  return { draft, set, movedUnder, changed };
}
