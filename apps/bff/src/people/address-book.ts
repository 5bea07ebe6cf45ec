import { serialize, type Database } from '@atende/db/store';

/**
 * An address belongs to one person across agents, contacts and contacts' other addresses, and no
 * unique index spans those tables. On PostgreSQL the db functions that give out addresses take locks
 * of their own that do not all meet (the contact writers one lock for every address, the agent and
 * sign-up writers one per address), so an agent invited and a contact created with one address at
 * once could both see it free. Every route that gives an address to an account takes this one key
 * first, inside its transaction: then they run one at a time whatever the db function takes after.
 * Nothing to take on SQLite, where a write transaction already runs alone.
 */
export function lockAddressBook(tx: Database): Promise<void> {
  return serialize(tx, 'address-book');
}
