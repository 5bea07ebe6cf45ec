import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { Layout } from '../components/layout.js';
import { NotFoundPage } from '../components/not-found-page.js';
import { AgentHomePage } from '../features/agent-console/agent-home-page.js';
import { AgentTicketPage } from '../features/agent-console/agent-ticket-page.js';
import { LoginPage } from '../features/auth/login-page.js';
import { HomeRedirect, RequireRole } from '../features/auth/require-role.js';
import { CustomerPanelPage } from '../features/customer-panel/customer-panel-page.js';
import { CustomerTicketPage } from '../features/customer-ticket/customer-ticket-page.js';
import { paths } from './paths.js';

// Admin-only: kept out of the initial bundle.
const MailboxPage = lazy(() => import('../features/mailbox/mailbox-page.js').then((m) => ({ default: m.MailboxPage })));

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: paths.home, element: <HomeRedirect /> },
      { path: paths.login, element: <LoginPage /> },
      { path: paths.panel, element: <RequireRole kind="contact"><CustomerPanelPage /></RequireRole> },
      { path: paths.customerTicket(':id'), element: <RequireRole kind="contact"><CustomerTicketPage /></RequireRole> },
      { path: paths.console, element: <RequireRole kind="agent"><AgentHomePage /></RequireRole> },
      { path: paths.agentTicket(':id'), element: <RequireRole kind="agent"><AgentTicketPage /></RequireRole> },
      { path: paths.mailbox, element: <RequireRole kind="agent"><Suspense fallback={null}><MailboxPage /></Suspense></RequireRole> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
