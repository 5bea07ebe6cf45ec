import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { Layout } from '../components/layout.js';
import { NotFoundPage } from '../components/not-found-page.js';
import { LoginPage } from '../features/auth/login-page.js';
import { HomeRedirect, RequireRole } from '../features/auth/require-role.js';
import { CustomerPanelPage } from '../features/customer-panel/customer-panel-page.js';
import { CustomerTicketPage } from '../features/customer-ticket/customer-ticket-page.js';
import { paths } from './paths.js';

// The agent console is lazy: the customer panel's initial bundle does not carry it.
const AgentHomePage = lazy(() => import('../features/agent-console/agent-home-page.js').then((m) => ({ default: m.AgentHomePage })));
const AgentTicketPage = lazy(() => import('../features/agent-console/agent-ticket-page.js').then((m) => ({ default: m.AgentTicketPage })));

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
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
