import { isApiError } from './api-client.js';

/**
 * Sign-in in place (issue 15): a send refused because the session expired waits while the sign-in
 * dialog (components/session-dialog.tsx) is open, then goes again, so the customer's words are not
 * thrown away. Cancelling the dialog lets the original refusal through (the draft is still kept).
 */
export type Waiter = { resume: () => void; giveUp: () => void };
type Listener = (waiter: Waiter) => void;

let listener: Listener | null = null;

/** The dialog registers here; only one is mounted (in the layout). */
export function onSessionExpired(next: Listener | null): void {
  listener = next;
}

export async function withSessionRecovery<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    const ask = listener;
    if (!ask || !isApiError(error, 'unauthenticated')) throw error;
    await new Promise<void>((resolve, reject) => ask({ resume: resolve, giveUp: () => reject(error) }));
    return send();
  }
}
