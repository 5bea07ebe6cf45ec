// The queries of queries/thread.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read } from '../dispatch.js';
import * as sqlite from '../../queries/thread.js';
import * as pg from '../../pg/queries/thread.js';

export type * from '../../queries/thread.js';

export const ticketThread = read(sqlite.ticketThread, pg.ticketThreadPg);
export const ticketHistory = read(sqlite.ticketHistory, pg.ticketHistoryPg);
export const latestClosingMergeTarget = read(sqlite.latestClosingMergeTarget, pg.latestClosingMergeTargetPg);
export const automaticActions = read(sqlite.automaticActions, pg.automaticActionsPg);
export const ticketParticipants = read(sqlite.ticketParticipants, pg.ticketParticipantsPg);
