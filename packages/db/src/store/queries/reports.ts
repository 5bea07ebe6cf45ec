// The queries of queries/reports.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read } from '../dispatch.js';
import * as sqlite from '../../queries/reports.js';
import * as pg from '../../pg/queries/reports.js';

export type * from '../../queries/reports.js';

export const reportRows = read(sqlite.reportRows, pg.reportRowsPg);
