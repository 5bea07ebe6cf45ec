// The queries of queries/settings.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write, notOnPostgresYet } from '../dispatch.js';
import * as sqlite from '../../queries/settings.js';

export type * from '../../queries/settings.js';
export { DEFAULT_PORTAL_SETTINGS, DEFAULT_COMPANY_SETTINGS, DEFAULT_AUTOMATION_SETTINGS, DEFAULT_SIGN_IN_SETTINGS } from '../../queries/settings.js';

export const getPortalSettings = read(sqlite.getPortalSettings, notOnPostgresYet('getPortalSettings'));
export const savePortalSettings = write(sqlite.savePortalSettings, notOnPostgresYet('savePortalSettings'));
export const getCompanySettings = read(sqlite.getCompanySettings, notOnPostgresYet('getCompanySettings'));
export const saveCompanySettings = write(sqlite.saveCompanySettings, notOnPostgresYet('saveCompanySettings'));
export const getOrCreateSecret = write(sqlite.getOrCreateSecret, notOnPostgresYet('getOrCreateSecret'));
export const getAutomationSettings = read(sqlite.getAutomationSettings, notOnPostgresYet('getAutomationSettings'));
export const saveAutomationSettings = write(sqlite.saveAutomationSettings, notOnPostgresYet('saveAutomationSettings'));
export const getSlaSettings = read(sqlite.getSlaSettings, notOnPostgresYet('getSlaSettings'));
export const saveSlaSettings = write(sqlite.saveSlaSettings, notOnPostgresYet('saveSlaSettings'));
export const getSignInSettings = read(sqlite.getSignInSettings, notOnPostgresYet('getSignInSettings'));
export const saveSignInSettings = write(sqlite.saveSignInSettings, notOnPostgresYet('saveSignInSettings'));
