// The queries of queries/throttles.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write } from '../dispatch.js';
import * as sqlite from '../../queries/throttles.js';
import * as pg from '../../pg/queries/throttles.js';

export type * from '../../queries/throttles.js';

export const hitThrottleWindow = write(sqlite.hitThrottleWindow, pg.hitThrottleWindowPg);
export const throttleWindow = read(sqlite.throttleWindow, pg.throttleWindowPg);
export const resetThrottleWindow = write(sqlite.resetThrottleWindow, pg.resetThrottleWindowPg);
export const deleteEndedThrottleWindows = write(sqlite.deleteEndedThrottleWindows, pg.deleteEndedThrottleWindowsPg);
