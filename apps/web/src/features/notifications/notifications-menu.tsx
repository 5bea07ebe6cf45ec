import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { paths } from '../../config/paths.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import type { ConsoleMessageKey } from '../../lib/i18n/console-keys.js';
import { useMarkAllRead, useMarkRead, useNotifications } from './notifications-api.js';

/**
 * The console's notifications control: a button with the unread count that opens the list; an entry
 * opens its ticket (and is marked read) or is marked read in place.
 */
export function NotificationsMenu() {
  const { t, formatDateTime } = useConsoleI18n();
  const [open, setOpen] = useState(false);
  const list = useNotifications(true);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const navigate = useNavigate();
  const unread = list.data?.unreadCount ?? 0;
  const items = list.data?.items ?? [];
  return (
    <div className="notifications">
      {/* The name is the visible text ("Notificações 3") plus a hidden "não lidas": WCAG 2.5.3, label in name. */}
      <button type="button" aria-expanded={open} aria-controls="notifications-panel" onClick={() => setOpen(!open)}>
        {t('notifications.title')}{' '}
        {unread > 0 && (
          <span className="unread-count">
            {unread}
            <span className="visually-hidden"> {t('notifications.unread')}</span>
          </span>
        )}
      </button>
      {open && (
        <div id="notifications-panel" className="notifications-panel" role="region" aria-label={t('notifications.title')}>
          {items.length === 0 ? (
            <p>{t('notifications.empty')}</p>
          ) : (
            <ul>
              {items.map((n) => (
                <li key={n.id} className={n.readAt ? '' : 'unread'}>
                  <a
                    href={paths.agentTicket(n.ticketId)}
                    onClick={(event) => {
                      event.preventDefault();
                      if (!n.readAt) markRead.mutate([n.id]);
                      setOpen(false);
                      navigate(paths.agentTicket(n.ticketId));
                    }}
                  >
                    {t(`notifications.kind.${n.kind}` as ConsoleMessageKey)}: #{n.ticketId} {n.ticketSubject}
                  </a>{' '}
                  <time className="muted" dateTime={n.createdAt}>
                    {formatDateTime(n.createdAt)}
                  </time>{' '}
                  {!n.readAt && (
                    <button type="button" className="link-button" onClick={() => markRead.mutate([n.id])}>
                      {t('notifications.markRead')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          <p>
            {unread > 0 && (
              <button type="button" onClick={() => markAll.mutate()}>
                {t('notifications.markAllRead')}
              </button>
            )}{' '}
            <Link to={paths.notificationPreferences} onClick={() => setOpen(false)}>
              {t('notifications.preferences')}
            </Link>
          </p>
        </div>
      )}
    </div>
  );
}
