import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Router } from 'wouter';
import { navigate } from 'wouter/use-browser-location';
import { App } from './App';
import { ApiError } from './api';
import { BASE, SIGN_IN, signInHref } from './paths';
import { preload } from './preload';
import './styles.css';

/** A 401 anywhere means the session is gone: sign in again, then come back to this page. */
function onError(error: unknown): void {
  if (!(error instanceof ApiError) || error.status !== 401) return;
  if (window.location.pathname.startsWith(`${BASE}${SIGN_IN}`)) return;
  queryClient.clear();
  navigate(signInHref(), { replace: true });
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
    },
  },
});

preload(queryClient, window.location);
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <Router base={BASE}>
          <App />
        </Router>
      </QueryClientProvider>
    </StrictMode>,
  );
}
