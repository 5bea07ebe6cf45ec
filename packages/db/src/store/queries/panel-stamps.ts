// The queries of queries/panel-stamps.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read } from '../dispatch.js';
import * as sqlite from '../../queries/panel-stamps.js';
import * as pg from '../../pg/queries/panel-stamps.js';

export type * from '../../queries/panel-stamps.js';
export { SHARED_PANEL_STAMP, panelToken } from '../../queries/panel-stamps.js';

export const panelStampOf = read(sqlite.panelStampOf, pg.panelStampOfPg);
export const nextRatingDeadlineOf = read(sqlite.nextRatingDeadlineOf, pg.nextRatingDeadlineOfPg);
export const panelTagPartsOf = read(sqlite.panelTagPartsOf, pg.panelTagPartsOfPg);
