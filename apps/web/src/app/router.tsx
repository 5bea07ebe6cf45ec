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
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
