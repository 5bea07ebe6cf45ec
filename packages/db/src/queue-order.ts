/**
 * The agent queues' sort orders other than "Atualizados": each is one integer per ticket, so the
 * keyset cursor stays (key, id), and each is an expression an index serves on both engines
 * (tickets_priority_order_idx, tickets_due_order_idx). Without those indexes, "Todos" sorted by
 * priority or due date read and sorted every ticket ever, and a console refetches its page on every
 * change (the plan guards now hold both orders to an index walk).
 *
 * "Most urgent first": the priority rank (urgente 0 … baixa 3) times 10^13, plus the time since the
 * last update inverted, so within a priority the newest activity comes first. Epoch ms stay below
 * 10^13 until the year 2286. "Due first": the due date, tickets without one last.
 */
export const PRIORITY_SPAN = 10_000_000_000_000;
export const NO_DUE = Number.MAX_SAFE_INTEGER;
const PRIORITY_RANK: Record<string, number> = { urgente: 0, alta: 1, media: 2, baixa: 3 };

/** A row's priority key, as the SQL expressions compute it (for the next page's cursor). */
export const priorityKeyOf = (item: { priority: string; updatedAt: number }) => (PRIORITY_RANK[item.priority] ?? 3) * PRIORITY_SPAN + (PRIORITY_SPAN - 1 - item.updatedAt);
