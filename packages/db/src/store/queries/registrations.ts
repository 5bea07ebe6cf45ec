// The queries of queries/registrations.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write, notOnPostgresYet } from '../dispatch.js';
import * as sqlite from '../../queries/registrations.js';

export type * from '../../queries/registrations.js';

export const isAddressInUse = read(sqlite.isAddressInUse, notOnPostgresYet('isAddressInUse'));
export const insertPendingRegistration = write(sqlite.insertPendingRegistration, notOnPostgresYet('insertPendingRegistration'));
export const findUsablePendingRegistration = read(sqlite.findUsablePendingRegistration, notOnPostgresYet('findUsablePendingRegistration'));
export const completeRegistration = write(sqlite.completeRegistration, notOnPostgresYet('completeRegistration'));
