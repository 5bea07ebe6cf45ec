import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { BrowserRouter, Outlet, Route, Routes } from 'react-router';
import { Layout } from '../components/layout.js';
import { NotFoundPage } from '../components/not-found-page.js';
import { LoginPage } from '../features/auth/login-page.js';
import { HomeRedirect, RequireRole, RequireSignedIn } from '../features/auth/require-role.js';
import { CustomerPanelPage } from '../features/customer-panel/customer-panel-page.js';
import { useI18n } from '../lib/i18n/i18n.js';
import { paths } from '../config/paths.js';

/*
 * Declarative routes (<BrowserRouter>), not a data router: Atende has no loaders or actions, and the data
 * router's machinery costs every customer's phone about 16 KB of gzipped JavaScript on first load.
 * Every page but the panel and sign-in is a separate chunk, loaded when its route is first opened.
 */

function Loading() {
  const { t } = useI18n();
  return <p role="status">{t('list.loading')}</p>;
}

/** A page in a chunk of its own: `pick` names the export to render. */
function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): ComponentType {
  return lazy(() => load().then((module) => ({ default: pick(module) })));
}

function Loaded({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

const asContact = (children: ReactNode) => <RequireRole kind="contact"><Loaded>{children}</Loaded></RequireRole>;
const asAgent = (children: ReactNode) => <RequireRole kind="agent"><Loaded>{children}</Loaded></RequireRole>;

// Customers' pages after the panel: a ticket (decisions, rating, reopen), the forms (they pull in the zod schemas).
const CustomerTicketPage = lazyPage(() => import('../features/customer-ticket/customer-ticket-page.js'), (m) => m.CustomerTicketPage);
const NewTicketPage = lazyPage(() => import('../features/new-ticket/new-ticket-page.js'), (m) => m.NewTicketPage);
const CentralDoAssinantePage = lazyPage(() => import('../features/new-ticket/new-ticket-page.js'), (m) => m.CentralDoAssinantePage);
const CompanyTicketsPage = lazyPage(() => import('../features/customer-panel/company-tickets-page.js'), (m) => m.CompanyTicketsPage);
const PreferencesPage = lazyPage(() => import('../features/account/preferences-page.js'), (m) => m.PreferencesPage);
const ChangePasswordPage = lazyPage(() => import('../features/account/change-password-page.js'), (m) => m.ChangePasswordPage);
// Pages opened from an e-mail's link, before or without signing in: the link is the permission.
const ForgotPasswordPage = lazyPage(() => import('../features/account/forgot-password-page.js'), (m) => m.ForgotPasswordPage);
const SetPasswordPage = lazyPage(() => import('../features/account/set-password-page.js'), (m) => m.SetPasswordPage);
const EmailLinkPage = lazyPage(() => import('../features/auth/email-link-page.js'), (m) => m.EmailLinkPage);
const SignUpPage = lazyPage(() => import('../features/auth/sign-up-page.js'), (m) => m.SignUpPage);
const ConfirmRegistrationPage = lazyPage(() => import('../features/auth/confirm-registration-page.js'), (m) => m.ConfirmRegistrationPage);
const RatingLinkPage = lazyPage(() => import('../features/rating-link/rating-link-page.js'), (m) => m.RatingLinkPage);
// The agent console and its tools: customers never download them (the reports carry the chart library).
const AgentHomePage = lazyPage(() => import('../features/agent-console/agent-home-page.js'), (m) => m.AgentHomePage);
const AgentTicketPage = lazyPage(() => import('../features/agent-console/agent-ticket-page.js'), (m) => m.AgentTicketPage);
const AuditLogPage = lazyPage(() => import('../features/audit-log/audit-log-page.js'), (m) => m.AuditLogPage);
const DirectoryPage = lazyPage(() => import('../features/directory/directory-page.js'), (m) => m.DirectoryPage);
const NewContactPage = lazyPage(() => import('../features/directory/new-contact-page.js'), (m) => m.NewContactPage);
const NewCompanyPage = lazyPage(() => import('../features/directory/new-company-page.js'), (m) => m.NewCompanyPage);
const CompanyPage = lazyPage(() => import('../features/directory/company-page.js'), (m) => m.CompanyPage);
const ContactPage = lazyPage(() => import('../features/directory/contact-page.js'), (m) => m.ContactPage);
const RatingsPage = lazyPage(() => import('../features/ratings/ratings-page.js'), (m) => m.RatingsPage);
const CannedRepliesPage = lazyPage(() => import('../features/agent-console/canned-replies-page.js'), (m) => m.CannedRepliesPage);
const ReportsPage = lazyPage(() => import('../features/reports/reports-page.js'), (m) => m.ReportsPage);
const MailboxPage = lazyPage(() => import('../features/mailbox/mailbox-page.js'), (m) => m.MailboxPage);
const NotificationPreferencesPage = lazyPage(
  () => import('../features/notifications/notification-preferences-page.js'),
  (m) => m.NotificationPreferencesPage,
);
const AdminLayout = lazyPage(() => import('../features/admin/admin-layout.js'), (m) => m.AdminLayout);
const AdminPortalPage = lazyPage(() => import('../features/admin/admin-portal-page.js'), (m) => m.AdminPortalPage);
const AdminDepartmentsPage = lazyPage(() => import('../features/admin/admin-departments-page.js'), (m) => m.AdminDepartmentsPage);
const AdminSubjectsPage = lazyPage(() => import('../features/admin/admin-subjects-page.js'), (m) => m.AdminSubjectsPage);
const TeamPage = lazyPage(() => import('../features/team/team-page.js'), (m) => m.TeamPage);
const SettingsPage = lazyPage(() => import('../features/settings/settings-page.js'), (m) => m.SettingsPage);
const SlaPage = lazyPage(() => import('../features/settings/sla-page.js'), (m) => m.SlaPage);
const ContactImportPage = lazyPage(() => import('../features/contact-import/contact-import-page.js'), (m) => m.ContactImportPage);
// Only agents have notifications: the layout renders the menu for them alone, so it loads only then.
const NotificationsMenu = lazyPage(() => import('../features/notifications/notifications-menu.js'), (m) => m.NotificationsMenu);

export function AppRoutes() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<Layout agentMenu={<Suspense fallback={null}><NotificationsMenu /></Suspense>} />}>
          <Route path={paths.home} element={<HomeRedirect />} />
          <Route path={paths.login} element={<LoginPage />} />
          <Route path={paths.changePassword} element={<RequireSignedIn><Loaded><ChangePasswordPage /></Loaded></RequireSignedIn>} />
          <Route path={paths.preferences} element={asContact(<PreferencesPage />)} />
          <Route path={paths.forgotPassword} element={<Loaded><ForgotPasswordPage /></Loaded>} />
          <Route path={paths.passwordReset(':token')} element={<Loaded><SetPasswordPage /></Loaded>} />
          <Route path={paths.signInLink(':token')} element={<Loaded><EmailLinkPage /></Loaded>} />
          <Route path={paths.invitation(':token')} element={<Loaded><SetPasswordPage /></Loaded>} />
          <Route path={paths.signUp} element={<Loaded><SignUpPage /></Loaded>} />
          <Route path={paths.confirmRegistration(':token')} element={<Loaded><ConfirmRegistrationPage /></Loaded>} />
          <Route path={paths.panel} element={<RequireRole kind="contact"><CustomerPanelPage /></RequireRole>} />
          <Route path={paths.customerTicket(':id')} element={asContact(<CustomerTicketPage />)} />
          <Route path={paths.newTicket} element={asContact(<NewTicketPage />)} />
          <Route path={paths.companyTickets} element={asContact(<CompanyTicketsPage />)} />
          <Route path={paths.centralDoAssinante} element={asContact(<CentralDoAssinantePage />)} />
          <Route path={paths.console} element={asAgent(<AgentHomePage />)} />
          <Route path={paths.auditLog} element={asAgent(<AuditLogPage />)} />
          <Route path={paths.agentTicket(':id')} element={asAgent(<AgentTicketPage />)} />
          <Route path={paths.directory} element={asAgent(<DirectoryPage />)} />
          <Route path={paths.newContact} element={asAgent(<NewContactPage />)} />
          <Route path={paths.newCompany} element={asAgent(<NewCompanyPage />)} />
          <Route path={paths.directoryCompany(':id')} element={asAgent(<CompanyPage />)} />
          <Route path={paths.directoryContact(':id')} element={asAgent(<ContactPage />)} />
          <Route path="/console/admin" element={<RequireRole kind="agent"><Outlet /></RequireRole>}>
            <Route element={<Loaded><AdminLayout /></Loaded>}>
              <Route path={paths.adminPortal} element={<Loaded><AdminPortalPage /></Loaded>} />
              <Route path={paths.adminDepartments} element={<Loaded><AdminDepartmentsPage /></Loaded>} />
              <Route path={paths.adminSubjects} element={<Loaded><AdminSubjectsPage /></Loaded>} />
              <Route path={paths.adminTeam} element={<Loaded><TeamPage /></Loaded>} />
              <Route path={paths.adminSettings} element={<Loaded><SettingsPage /></Loaded>} />
              <Route path={paths.adminSla} element={<Loaded><SlaPage /></Loaded>} />
              <Route path={paths.importContacts} element={<Loaded><ContactImportPage /></Loaded>} />
            </Route>
          </Route>
          <Route path={paths.ratings} element={asAgent(<RatingsPage />)} />
          <Route path={paths.ratingLink(':token')} element={<Loaded><RatingLinkPage /></Loaded>} />
          <Route path={paths.cannedReplies} element={asAgent(<CannedRepliesPage />)} />
          <Route path={paths.reports} element={asAgent(<ReportsPage />)} />
          <Route path={paths.mailbox} element={asAgent(<MailboxPage />)} />
          <Route path={paths.notificationPreferences} element={asAgent(<NotificationPreferencesPage />)} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
