import { listOutbox, type Db } from '@atende/db';
import { expect } from '@playwright/test';

/**
 * The link of the latest e-mail of this `kind` the outbox holds for an address (the server's mailbox
 * when there is no SMTP), as a path of this site (with its query). Waits until such an e-mail exists.
 */
export async function linkMailedTo(db: Db, address: string, kind: string, path: string): Promise<string> {
  const latest = () => listOutbox(db, { beforeId: null, limit: 200 }).find((mail) => mail.toAddress === address && mail.kind === kind);
  await expect.poll(() => latest()?.textBody ?? '', { message: `a ${path} link e-mailed to ${address}` }).toContain(`${path}/`);
  const url = latest()!.textBody.match(new RegExp(`https?://\\S+${path}/[A-Za-z0-9_-]{43}\\S*`))![0];
  const { pathname, search } = new URL(url);
  return pathname + search;
}

/** The sign-in link (issue 15) e-mailed to an address. */
export const signInLinkMailedTo = (db: Db, address: string) => linkMailedTo(db, address, 'account_sign_in_link', '/link-de-acesso');
