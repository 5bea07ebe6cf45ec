// The queries of queries/registrations.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write } from '../dispatch.js';
import * as sqlite from '../../queries/registrations.js';
import * as pg from '../../pg/queries/registrations.js';

export type * from '../../queries/registrations.js';

export const isAddressInUse = read(sqlite.isAddressInUse, pg.isAddressInUsePg);
export const insertPendingRegistration = write(sqlite.insertPendingRegistration, pg.insertPendingRegistrationPg);
export const findUsablePendingRegistration = read(sqlite.findUsablePendingRegistration, pg.findUsablePendingRegistrationPg);
export const completeRegistration = write(sqlite.completeRegistration, pg.completeRegistrationPg);
