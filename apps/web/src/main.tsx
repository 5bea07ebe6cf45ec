import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { router } from './app/router.js';
import { prefetchFirstScreen } from './app/prefetch.js';
import { queryClient } from './lib/query-client.js';
import { I18nProvider } from './lib/i18n/i18n.js';
import { applyTheme, savedTheme } from './lib/theme.js';
import './styles.css';

// Before the first paint, so a dark-theme choice never flashes light.
applyTheme(savedTheme());

prefetchFirstScreen(queryClient, window.location);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>
  </StrictMode>,
);
