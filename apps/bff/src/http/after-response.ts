/**
 * Work a route does after its answer is sent, so the answer's timing says nothing about that work
 * (a password-reset request answers the same way, in the same time, whether or not the account
 * exists). setImmediate runs after the response has been handed to the socket. Tests await settled().
 */
const pending = new Set<Promise<void>>();

export function afterResponse(task: () => void | Promise<void>, onError: (error: unknown) => void): void {
  const run: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
    .then(task)
    .catch(onError)
    .finally(() => pending.delete(run));
  pending.add(run);
}

/** Resolves once every deferred task (and any they started) has finished. */
export async function settled(): Promise<void> {
  while (pending.size) await Promise.all([...pending]);
}
