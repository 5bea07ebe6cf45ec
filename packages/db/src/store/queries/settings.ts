// The queries of queries/settings.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write } from '../dispatch.js';
import * as sqlite from '../../queries/settings.js';
import * as pg from '../../pg/queries/settings.js';

export type * from '../../queries/settings.js';
export { DEFAULT_PORTAL_SETTINGS, DEFAULT_COMPANY_SETTINGS, DEFAULT_AUTOMATION_SETTINGS, DEFAULT_SIGN_IN_SETTINGS } from '../../queries/settings.js';

export const getPortalSettings = read(sqlite.getPortalSettings, pg.getPortalSettingsPg);
export const savePortalSettings = write(sqlite.savePortalSettings, pg.savePortalSettingsPg);
export const getCompanySettings = read(sqlite.getCompanySettings, pg.getCompanySettingsPg);
export const saveCompanySettings = write(sqlite.saveCompanySettings, pg.saveCompanySettingsPg);
export const getOrCreateSecret = write(sqlite.getOrCreateSecret, pg.getOrCreateSecretPg);
export const getAutomationSettings = read(sqlite.getAutomationSettings, pg.getAutomationSettingsPg);
export const saveAutomationSettings = write(sqlite.saveAutomationSettings, pg.saveAutomationSettingsPg);
export const getSlaSettings = read(sqlite.getSlaSettings, pg.getSlaSettingsPg);
export const saveSlaSettings = write(sqlite.saveSlaSettings, pg.saveSlaSettingsPg);
export const getSignInSettings = read(sqlite.getSignInSettings, pg.getSignInSettingsPg);
export const saveSignInSettings = write(sqlite.saveSignInSettings, pg.saveSignInSettingsPg);
