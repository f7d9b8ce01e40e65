/**
 * The console's shell: login, then a header (who is logged in, with which role; the live
 * stream's state; language; logout), the navigation of the role's screens, and the screen.
 */
import { useEffect } from 'react';
import { ApiError } from './api/client.ts';
import { useSession, type SessionUser } from './api/session.tsx';
import { useStreamStatus } from './api/stream.ts';
import { Button } from './components/Button.tsx';
import { DemoBanner } from './components/DemoBanner.tsx';
import { ErrorState } from './components/ErrorState.tsx';
import { LanguageSwitch } from './components/LanguageSwitch.tsx';
import { Loading } from './components/Loading.tsx';
import { StatusBadge } from './components/StatusBadge.tsx';
import { Toasts } from './components/Toast.tsx';
import { useHighRiskAlerts, useWaitingAlerts } from './desktop/alerts.ts';
import { useT, type MessageKey } from './i18n/index.tsx';
import { hrefFor, isRouteName, roleLabels, screensByRole, useRoute, type RouteName } from './routes.ts';
import { ContentScreen } from './screens/content/index.tsx';
import { HeatmapScreen } from './screens/heatmap/index.tsx';
import { HoaxesScreen } from './screens/hoaxes/index.tsx';
import { usePresenceHeartbeat } from './screens/inbox/presence.ts';
import { useInbox } from './screens/inbox/queries.ts';
import { InboxScreen } from './screens/inbox/index.tsx';
import { LoginScreen } from './screens/login/index.tsx';
import { MonitorScreen } from './screens/monitor/index.tsx';
import { ReportsScreen } from './screens/reports/index.tsx';
import { UsersScreen } from './screens/users/index.tsx';

const navLabels: Record<RouteName, MessageKey> = {
  monitor: 'nav.monitor',
  inbox: 'nav.inbox',
  heatmap: 'nav.heatmap',
  reports: 'nav.reports',
  content: 'nav.content',
  hoaxes: 'nav.hoaxes',
  users: 'nav.users',
};

export function App() {
  return (
    <>
      <Main />
      <Toasts />
    </>
  );
}

function Main() {
  const t = useT();
  const { user, status, retry } = useSession();
  if (status === 'loading') return <Loading label={t('app.starting')} />;
  if (status === 'unreachable') {
    return (
      <main className="login">
        <div className="login-card panel">
          <ErrorState error={new ApiError(0, 'network')} onRetry={retry} />
        </div>
      </main>
    );
  }
  if (user === null) return <LoginScreen />;
  return <Shell user={user} />;
}

function StreamIndicator() {
  const t = useT();
  const { status, retryNow } = useStreamStatus();
  const label =
    status === 'live' ? t('stream.live') : status === 'reconnecting' ? t('stream.reconnecting') : status === 'connecting' ? t('stream.connecting') : t('stream.off');
  return (
    <div className="stream-status" data-status={status} role="status" aria-live="polite" data-testid="stream-status">
      <span className="dot" aria-hidden="true" />
      <span>{label}</span>
      {status === 'reconnecting' ? (
        <button type="button" onClick={retryNow}>
          {t('stream.retryNow')}
        </button>
      ) : null}
    </div>
  );
}

function Screen({ name, params }: { name: RouteName; params: string[] }) {
  switch (name) {
    case 'monitor':
      return <MonitorScreen conversationId={params[0] !== undefined ? Number(params[0]) : null} />;
    case 'inbox':
      return <InboxScreen conversationId={params[0] !== undefined ? Number(params[0]) : null} />;
    case 'heatmap':
      return <HeatmapScreen />;
    case 'reports':
      return <ReportsScreen />;
    case 'content':
      return <ContentScreen />;
    case 'hoaxes':
      return <HoaxesScreen />;
    case 'users':
      return <UsersScreen />;
  }
}

function Shell({ user }: { user: SessionUser }) {
  const t = useT();
  const { logout } = useSession();
  const route = useRoute();
  const allowed = screensByRole[user.role];
  const fallback = allowed[0] ?? 'inbox';
  const name: RouteName = isRouteName(route.name) && allowed.includes(route.name) ? route.name : fallback;
  const handlesInbox = allowed.includes('inbox');
  const inbox = useInbox(handlesInbox);
  usePresenceHeartbeat(handlesInbox);
  useWaitingAlerts(handlesInbox ? inbox.data : undefined);
  useHighRiskAlerts(user.role === 'supervisor' || user.role === 'admin');

  // A screen this role may not see (or no screen at all) becomes the role's first screen.
  useEffect(() => {
    if (route.name !== name) window.history.replaceState(null, '', hrefFor(name, ...(route.name === name ? route.params : [])));
  }, [route.name, name, route.params]);

  const waiting = inbox.data?.waiting.length ?? 0;
  return (
    <div className="shell">
      <header className="shell-header">
        <span className="brand">{t('app.title')}</span>
        <StreamIndicator />
        <DemoBanner />
        <span className="spacer" />
        <div className="who" data-testid="who">
          <span className="name">{user.displayName ?? user.username}</span>
          <StatusBadge tone="info">{t(roleLabels[user.role])}</StatusBadge>
        </div>
        <LanguageSwitch />
        <Button variant="ghost" size="sm" onClick={() => void logout()}>
          {t('action.logout')}
        </Button>
      </header>
      <nav className="shell-nav" aria-label={t('nav.label')}>
        <ul>
          {allowed.map(screen => (
            <li key={screen}>
              <a href={hrefFor(screen)} aria-current={screen === name ? 'page' : undefined}>
                <span>{t(navLabels[screen])}</span>
                {screen === 'inbox' && waiting > 0 ? (
                  <span className="nav-count" aria-label={t('inbox.waitingCount', { count: waiting })}>
                    {waiting}
                  </span>
                ) : null}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="shell-main" id="main">
        <Screen name={name} params={route.name === name ? route.params : []} />
      </main>
    </div>
  );
}
