// The queries of queries/leases.ts for the store: each with its engine's function (see ../dispatch.ts).
import { write } from '../dispatch.js';
import * as sqlite from '../../queries/leases.js';
import * as pg from '../../pg/queries/leases.js';

export type * from '../../queries/leases.js';

export const acquireLease = write(sqlite.acquireLease, pg.acquireLeasePg);
export const releaseLease = write(sqlite.releaseLease, pg.releaseLeasePg);
