// The queries of queries/notifications.ts for the store: each with its engine's function (see ../dispatch.ts).
import { read, write, notOnPostgresYet } from '../dispatch.js';
import * as sqlite from '../../queries/notifications.js';

export type * from '../../queries/notifications.js';
export { NOTIFICATION_KINDS } from '../../queries/notifications.js';

export const agentsToNotify = read(sqlite.agentsToNotify, notOnPostgresYet('agentsToNotify'));
export const insertNotifications = write(sqlite.insertNotifications, notOnPostgresYet('insertNotifications'));
export const listNotifications = read(sqlite.listNotifications, notOnPostgresYet('listNotifications'));
export const unreadNotificationCount = read(sqlite.unreadNotificationCount, notOnPostgresYet('unreadNotificationCount'));
export const markNotificationRead = write(sqlite.markNotificationRead, notOnPostgresYet('markNotificationRead'));
export const markAllNotificationsRead = write(sqlite.markAllNotificationsRead, notOnPostgresYet('markAllNotificationsRead'));
export const notificationEmailKinds = read(sqlite.notificationEmailKinds, notOnPostgresYet('notificationEmailKinds'));
export const saveNotificationEmailKinds = write(sqlite.saveNotificationEmailKinds, notOnPostgresYet('saveNotificationEmailKinds'));
