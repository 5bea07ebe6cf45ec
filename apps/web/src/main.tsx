import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppRoutes } from './app/router.js';
import { prefetchPanel } from './features/customer-panel/prefetch-panel.js';
import { isApiError } from './lib/api-client.js';
import { I18nProvider } from './lib/i18n/i18n.js';
import { applyTheme, savedTheme } from './lib/theme.js';
import './styles.css';

// Before the first paint, so a dark-theme choice never flashes light.
applyTheme(savedTheme());

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // A refusal (4xx) will not change by asking again; only transient failures are retried.
      retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
    },
  },
});

prefetchPanel(queryClient, window.location);

const root = createRoot(document.getElementById('root')!);
// A transition, so React renders the first screen in slices and yields between them: a tap or a
// scroll during start-up is answered at once instead of after the whole tree (the shell in index.html
// stays on screen until the render commits).
startTransition(() => {
  root.render(
    <StrictMode>
      <I18nProvider>
        <QueryClientProvider client={queryClient}>
          <AppRoutes />
        </QueryClientProvider>
      </I18nProvider>
    </StrictMode>,
  );
});
