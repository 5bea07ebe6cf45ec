// The queries of queries/ticket-search.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read } from '../dispatch.js';
import * as sqlite from '../../queries/ticket-search.js';
import * as pg from '../../pg/queries/ticket-search.js';

export type * from '../../queries/ticket-search.js';
export { SEARCH_MATCH_CAP, ftsQueryOf } from '../../queries/ticket-search.js';

export const searchTicketIds = read(sqlite.searchTicketIds, pg.searchTicketIdsPg);
