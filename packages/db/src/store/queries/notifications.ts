// The queries of queries/notifications.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write } from '../dispatch.js';
import * as sqlite from '../../queries/notifications.js';
import * as pg from '../../pg/queries/notifications.js';

export type * from '../../queries/notifications.js';
export { NOTIFICATION_KINDS, emailKindsOf } from '../../queries/notifications.js';

export const agentsToNotify = read(sqlite.agentsToNotify, pg.agentsToNotifyPg);
export const insertNotifications = write(sqlite.insertNotifications, pg.insertNotificationsPg);
export const listNotifications = read(sqlite.listNotifications, pg.listNotificationsPg);
export const unreadNotificationCount = read(sqlite.unreadNotificationCount, pg.unreadNotificationCountPg);
export const markNotificationRead = write(sqlite.markNotificationRead, pg.markNotificationReadPg);
export const markAllNotificationsRead = write(sqlite.markAllNotificationsRead, pg.markAllNotificationsReadPg);
export const notificationEmailKinds = read(sqlite.notificationEmailKinds, pg.notificationEmailKindsPg);
export const saveNotificationEmailKinds = write(sqlite.saveNotificationEmailKinds, pg.saveNotificationEmailKindsPg);
