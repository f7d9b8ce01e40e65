/**
 * Renderer entry: finds the service address, then mounts the console with its providers
 * (server state, language, session, live stream).
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { ApiError, initApiBase } from './api/client.ts';
import { SessionProvider } from './api/session.tsx';
import { StreamProvider } from './api/stream.ts';
import { I18nProvider } from './i18n/index.tsx';
import './styles/base.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Refusals do not get better by asking again; a dropped connection might.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 5_000,
    },
  },
});

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

void initApiBase().then(() => {
  createRoot(container).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <I18nProvider>
          <SessionProvider>
            <StreamProvider>
              <App />
            </StreamProvider>
          </SessionProvider>
        </I18nProvider>
      </QueryClientProvider>
    </StrictMode>
  );
});
