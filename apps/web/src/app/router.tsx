import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { Layout } from '../components/layout.js';
import { NotFoundPage } from '../components/not-found-page.js';
import { LoginPage } from '../features/auth/login-page.js';
import { HomeRedirect, RequireRole, RequireSignedIn } from '../features/auth/require-role.js';
import { CustomerPanelPage } from '../features/customer-panel/customer-panel-page.js';
import { useI18n } from '../lib/i18n/i18n.js';
import { paths } from '../config/paths.js';

function Loading() {
  const { t } = useI18n();
  return <p role="status">{t('list.loading')}</p>;
}

function Contact({ children }: { children: ReactNode }) {
  return (
    <RequireRole kind="contact">
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </RequireRole>
  );
}

// A ticket opens after the panel has shown: its page (decisions, rating, reopen) loads then.
const CustomerTicketPage = lazy(() =>
  import('../features/customer-ticket/customer-ticket-page.js').then((m) => ({ default: m.CustomerTicketPage })),
);
const NewTicketPage = lazy(() => import('../features/new-ticket/new-ticket-page.js').then((m) => ({ default: m.NewTicketPage })));
const CentralDoAssinantePage = lazy(() =>
  import('../features/new-ticket/new-ticket-page.js').then((m) => ({ default: m.CentralDoAssinantePage })),
);
const CompanyTicketsPage = lazy(() =>
  import('../features/customer-panel/company-tickets-page.js').then((m) => ({ default: m.CompanyTicketsPage })),
);
// Admin-only: kept out of the initial bundle.
const MailboxPage = lazy(() => import('../features/mailbox/mailbox-page.js').then((m) => ({ default: m.MailboxPage })));
// The agent console is lazy: the customer panel's initial bundle does not carry it.
const AgentHomePage = lazy(() => import('../features/agent-console/agent-home-page.js').then((m) => ({ default: m.AgentHomePage })));
const AgentTicketPage = lazy(() => import('../features/agent-console/agent-ticket-page.js').then((m) => ({ default: m.AgentTicketPage })));
// Only agents have notifications: the layout renders the menu for them alone, so it loads only then.
const NotificationsMenu = lazy(() => import('../features/notifications/notifications-menu.js').then((m) => ({ default: m.NotificationsMenu })));

export const router = createBrowserRouter([
  {
    element: <Layout agentMenu={<Suspense fallback={null}><NotificationsMenu /></Suspense>} />,
    children: [
      { path: paths.home, element: <HomeRedirect /> },
      { path: paths.login, element: <LoginPage /> },
      {
        path: paths.changePassword,
        lazy: async () => {
          const { ChangePasswordPage } = await import('../features/account/change-password-page.js');
          return { element: <RequireSignedIn><ChangePasswordPage /></RequireSignedIn> };
        },
      },
      {
        path: paths.preferences,
        lazy: async () => {
          const { PreferencesPage } = await import('../features/account/preferences-page.js');
          return { element: <RequireRole kind="contact"><PreferencesPage /></RequireRole> };
        },
      },
      { path: paths.forgotPassword, lazy: async () => ({ Component: (await import('../features/account/forgot-password-page.js')).ForgotPasswordPage }) },
      { path: paths.passwordReset(':token'), lazy: async () => ({ Component: (await import('../features/account/set-password-page.js')).SetPasswordPage }) },
      { path: paths.signInLink(':token'), lazy: async () => ({ Component: (await import('../features/auth/email-link-page.js')).EmailLinkPage }) },
      { path: paths.invitation(':token'), lazy: async () => ({ Component: (await import('../features/account/set-password-page.js')).SetPasswordPage }) },
      { path: paths.signUp, lazy: async () => ({ Component: (await import('../features/auth/sign-up-page.js')).SignUpPage }) },
      { path: paths.confirmRegistration(':token'), lazy: async () => ({ Component: (await import('../features/auth/confirm-registration-page.js')).ConfirmRegistrationPage }) },
      { path: paths.panel, element: <RequireRole kind="contact"><CustomerPanelPage /></RequireRole> },
      { path: paths.customerTicket(':id'), element: <Contact><CustomerTicketPage /></Contact> },
      // The new-ticket form and the admin console load on demand: they pull in the zod schemas.
      { path: paths.newTicket, element: <Contact><NewTicketPage /></Contact> },
      { path: paths.companyTickets, element: <Contact><CompanyTicketsPage /></Contact> },
      { path: paths.centralDoAssinante, element: <Contact><CentralDoAssinantePage /></Contact> },
      { path: paths.console, element: <RequireRole kind="agent"><AgentHomePage /></RequireRole> },
      {
        path: paths.auditLog,
        lazy: async () => {
          const { AuditLogPage } = await import('../features/audit-log/audit-log-page.js');
          return { element: <RequireRole kind="agent"><AuditLogPage /></RequireRole> };
        },
      },
      { path: paths.agentTicket(':id'), element: <RequireRole kind="agent"><AgentTicketPage /></RequireRole> },
      // The agents' directory (issue 5): lazy, customers never download it.
      { path: paths.directory, lazy: async () => { const { DirectoryPage } = await import('../features/directory/directory-page.js'); return { element: <RequireRole kind="agent"><DirectoryPage /></RequireRole> }; } },
      { path: paths.newContact, lazy: async () => { const { NewContactPage } = await import('../features/directory/new-contact-page.js'); return { element: <RequireRole kind="agent"><NewContactPage /></RequireRole> }; } },
      { path: paths.newCompany, lazy: async () => { const { NewCompanyPage } = await import('../features/directory/new-company-page.js'); return { element: <RequireRole kind="agent"><NewCompanyPage /></RequireRole> }; } },
      { path: paths.directoryCompany(':id'), lazy: async () => { const { CompanyPage } = await import('../features/directory/company-page.js'); return { element: <RequireRole kind="agent"><CompanyPage /></RequireRole> }; } },
      { path: paths.directoryContact(':id'), lazy: async () => { const { ContactPage } = await import('../features/directory/contact-page.js'); return { element: <RequireRole kind="agent"><ContactPage /></RequireRole> }; } },
      {
        path: '/console/admin',
        element: <RequireRole kind="agent"><Outlet /></RequireRole>,
        children: [
          {
            lazy: () => import('../features/admin/admin-layout.js'),
            children: [
              { path: paths.adminPortal, lazy: () => import('../features/admin/admin-portal-page.js') },
              { path: paths.adminDepartments, lazy: () => import('../features/admin/admin-departments-page.js') },
              { path: paths.adminSubjects, lazy: () => import('../features/admin/admin-subjects-page.js') },
              { path: paths.adminTeam, lazy: () => import('../features/team/team-page.js') },
              { path: paths.adminSettings, lazy: () => import('../features/settings/settings-page.js') },
              { path: paths.adminSla, lazy: () => import('../features/settings/sla-page.js') },
              { path: paths.importContacts, lazy: () => import('../features/contact-import/contact-import-page.js') },
            ],
          },
        ],
      },
      {
        // Agents' quality area: lazy, so customers never download it.
        path: paths.ratings,
        lazy: async () => {
          const { RatingsPage } = await import('../features/ratings/ratings-page.js');
          return { Component: () => <RequireRole kind="agent"><RatingsPage /></RequireRole> };
        },
      },
      {
        // Public: the signed link is the permission.
        path: paths.ratingLink(':token'),
        lazy: async () => ({ Component: (await import('../features/rating-link/rating-link-page.js')).RatingLinkPage }),
      },
      // The console's tools (issue 14): lazy, customers never download them (the reports carry the chart library).
      { path: paths.cannedReplies, lazy: async () => { const { CannedRepliesPage } = await import('../features/agent-console/canned-replies-page.js'); return { element: <RequireRole kind="agent"><CannedRepliesPage /></RequireRole> }; } },
      { path: paths.reports, lazy: async () => { const { ReportsPage } = await import('../features/reports/reports-page.js'); return { element: <RequireRole kind="agent"><ReportsPage /></RequireRole> }; } },
      { path: paths.mailbox, element: <RequireRole kind="agent"><Suspense fallback={null}><MailboxPage /></Suspense></RequireRole> },
      {
        path: paths.notificationPreferences,
        lazy: async () => {
          const { NotificationPreferencesPage } = await import('../features/notifications/notification-preferences-page.js');
          return { element: <RequireRole kind="agent"><NotificationPreferencesPage /></RequireRole> };
        },
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
