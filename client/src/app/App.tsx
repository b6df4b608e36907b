import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { LoginPage } from '../auth/LoginPage';
import { session, useSession } from '../auth/session';
import { SignupPage } from '../auth/SignupPage';
import { BoardPage } from '../board/ui/BoardPage';
import { TeamPage } from '../teams/TeamPage';
import { TeamsPage } from '../teams/TeamsPage';
import { Announcer } from '../ui/Announcer';
import { ErrorNote, Spinner } from '../ui/Feedback';
import { installKeyGate } from '../ui/keyboard';
import { Toasts } from '../ui/Toasts';
import { AppHeader } from './AppHeader';
import { CommandPalette } from '../search/CommandPalette';
import { GuestGate } from '../guests/GuestGate';
import { ErrorBoundary } from './ErrorBoundary';
import { Landing, useRememberPage } from './Landing';
import { NotFoundPage } from './NotFoundPage';
import { parseRoute, type Route } from './routes';
import { useLocation } from './router';
import { createServices, ServicesContext, startServices, type Services } from './services';

// The screens away from the board load on first visit, so the board (what people open
// at standup) starts from a smaller bundle.
const ActivityPage = lazy(() => import('../conversation/ActivityPage').then((m) => ({ default: m.ActivityPage })));
const ResetPasswordPage = lazy(() => import('../notify/ResetPasswordPage').then((m) => ({ default: m.ResetPasswordPage })));
const AccountPage = lazy(() => import('../account/AccountPage').then((m) => ({ default: m.AccountPage })));
const TemplatesPage = lazy(() => import('../templates/TemplatesPage').then((m) => ({ default: m.TemplatesPage })));
const MetricsPage = lazy(() => import('../metrics/MetricsPage').then((m) => ({ default: m.MetricsPage })));
const PotwPage = lazy(() => import('../potw/PotwPage').then((m) => ({ default: m.PotwPage })));
const IterationsPage = lazy(() => import('../planning/IterationsPage').then((m) => ({ default: m.IterationsPage })));
const IterationPage = lazy(() => import('../planning/IterationPage').then((m) => ({ default: m.IterationPage })));
const FeaturesPage = lazy(() => import('../planning/FeaturesPage').then((m) => ({ default: m.FeaturesPage })));
const FeaturePage = lazy(() => import('../planning/FeaturePage').then((m) => ({ default: m.FeaturePage })));
const TechnologiesPage = lazy(() => import('../tech/TechnologiesPage').then((m) => ({ default: m.TechnologiesPage })));
const TechnologyPage = lazy(() => import('../tech/TechnologyPage').then((m) => ({ default: m.TechnologyPage })));
const PokerListPage = lazy(() => import('../poker/PokerListPage').then((m) => ({ default: m.PokerListPage })));
const PokerSessionPage = lazy(() => import('../poker/PokerSessionPage').then((m) => ({ default: m.PokerSessionPage })));
const StandupPage = lazy(() => import('../standup/StandupPage').then((m) => ({ default: m.StandupPage })));
const RetrosPage = lazy(() => import('../retro/RetrosPage').then((m) => ({ default: m.RetrosPage })));
const RetroPage = lazy(() => import('../retro/RetroPage').then((m) => ({ default: m.RetroPage })));
const PostmortemPage = lazy(() => import('../retro/PostmortemPage').then((m) => ({ default: m.PostmortemPage })));
const GuestPage = lazy(() => import('../guests/GuestPage').then((m) => ({ default: m.GuestPage })));

export function App() {
  const state = useSession();
  const location = useLocation();
  const route = parseRoute(location.pathname);

  useEffect(() => {
    void session.load();
  }, []);
  // Keys typed ahead into a dialog that a shortcut opened never land in it (ui/shortcuts.ts).
  useEffect(() => installKeyGate(), []);

  let content;
  if (state.status === 'loading') {
    content = <Spinner label="Starting opsboard" />;
  } else if (state.status === 'error') {
    content = (
      <main className="page">
        <ErrorNote message={`opsboard could not start: ${state.message}`} onRetry={() => void session.load()} />
      </main>
    );
  } else if (state.status === 'anonymous') {
    content = route.name === 'signup' ? <SignupPage /> : route.name === 'reset-password' ? (
        <Suspense fallback={<Spinner label="Loading" />}>
          <ResetPasswordPage />
        </Suspense>
      ) : <LoginPage expired={state.expired} />;
  } else {
    content = <SignedIn key={state.user.id} user={state.user} route={route} />;
  }
  return (
    <ErrorBoundary>
      {content}
      <Toasts />
      <Announcer />
    </ErrorBoundary>
  );
}

function SignedIn({ user, route }: { user: Services['user']; route: Route }) {
  const [services] = useState(() => createServices(user));
  useEffect(() => startServices(services, () => void session.recheck()), [services]);
  useRememberPage(user.id);
  // Only the first page after login (or after opening the app at its root) is decided for the person; the team list they ask for later is theirs.
  const [landing, setLanding] = useState(() => (route.name === 'teams' && window.location.pathname === '/') || route.name === 'login' || route.name === 'signup');
  const landed = useCallback(() => setLanding(false), []);
  return (
    <ServicesContext value={services}>
      <AppHeader />
      <CommandPalette />
      <Suspense fallback={<Spinner label="Loading" />}>
        <GuestGate route={route}>
          <Landing userId={user.id} active={landing} onDone={landed}>
            <Page route={route} />
          </Landing>
        </GuestGate>
      </Suspense>
    </ServicesContext>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'teams':
    case 'login':
    case 'signup':
    case 'reset-password':
      return <TeamsPage />;
    case 'team':
      return <TeamPage key={route.teamId} teamId={route.teamId} />;
    case 'board':
      return <BoardPage key={route.boardId} boardId={route.boardId} />;
    case 'account':
      return <AccountPage />;
    case 'potw':
      return <PotwPage key={route.teamId} teamId={route.teamId} />;
    case 'iterations':
      return <IterationsPage key={route.teamId} teamId={route.teamId} />;
    case 'iteration':
      return <IterationPage key={route.iterationId} iterationId={route.iterationId} />;
    case 'features':
      return <FeaturesPage key={route.teamId} teamId={route.teamId} />;
    case 'feature':
      return <FeaturePage key={route.featureId} featureId={route.featureId} />;
    case 'requests':
      return <GuestPage key={route.teamId} teamId={route.teamId} />;
    case 'technologies':
      return <TechnologiesPage key={route.teamId} teamId={route.teamId} />;
    case 'technology':
      return <TechnologyPage key={route.technologyId} technologyId={route.technologyId} />;
    case 'standup':
      return <StandupPage key={route.teamId} teamId={route.teamId} />;
    case 'activity':
      return <ActivityPage key={route.teamId} teamId={route.teamId} />;
    case 'retros':
      return <RetrosPage key={route.teamId} teamId={route.teamId} />;
    case 'retro':
      return <RetroPage key={route.retroId} retroId={route.retroId} />;
    case 'postmortem':
      return <PostmortemPage key={route.postmortemId} postmortemId={route.postmortemId} />;
    case 'poker-list':
      return <PokerListPage key={route.teamId} teamId={route.teamId} />;
    case 'poker':
      return <PokerSessionPage key={route.sessionId} sessionId={route.sessionId} />;
    case 'templates':
      return <TemplatesPage key={route.teamId} teamId={route.teamId} />;
    case 'metrics':
      return <MetricsPage key={route.teamId} teamId={route.teamId} />;
    case 'not-found':
      return <NotFoundPage />;
  }
}
