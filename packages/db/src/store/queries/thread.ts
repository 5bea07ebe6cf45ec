// The queries of queries/thread.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, notOnPostgresYet } from '../dispatch.js';
import * as sqlite from '../../queries/thread.js';

export type * from '../../queries/thread.js';

export const ticketThread = read(sqlite.ticketThread, notOnPostgresYet('ticketThread'));
export const ticketHistory = read(sqlite.ticketHistory, notOnPostgresYet('ticketHistory'));
export const automaticActions = read(sqlite.automaticActions, notOnPostgresYet('automaticActions'));
export const ticketParticipants = read(sqlite.ticketParticipants, notOnPostgresYet('ticketParticipants'));
