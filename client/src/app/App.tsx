import { useEffect, useState } from 'react';
import { AccountPage } from '../account/AccountPage';
import { LoginPage } from '../auth/LoginPage';
import { session, useSession } from '../auth/session';
import { SignupPage } from '../auth/SignupPage';
import { BoardPage } from '../board/ui/BoardPage';
import { TeamPage } from '../teams/TeamPage';
import { TeamsPage } from '../teams/TeamsPage';
import { PotwPage } from '../potw/PotwPage';
import { FeaturePage } from '../planning/FeaturePage';
import { FeaturesPage } from '../planning/FeaturesPage';
import { IterationPage } from '../planning/IterationPage';
import { IterationsPage } from '../planning/IterationsPage';
import { Announcer } from '../ui/Announcer';
import { ErrorNote, Spinner } from '../ui/Feedback';
import { Toasts } from '../ui/Toasts';
import { AppHeader } from './AppHeader';
import { ErrorBoundary } from './ErrorBoundary';
import { NotFoundPage } from './NotFoundPage';
import { parseRoute, type Route } from './routes';
import { useLocation } from './router';
import { createServices, ServicesContext, startServices, type Services } from './services';

export function App() {
  const state = useSession();
  const location = useLocation();
  const route = parseRoute(location.pathname);

  useEffect(() => {
    void session.load();
  }, []);

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
    content = route.name === 'signup' ? <SignupPage /> : <LoginPage expired={state.expired} />;
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
  return (
    <ServicesContext value={services}>
      <AppHeader />
      <Page route={route} />
    </ServicesContext>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'teams':
    case 'login':
    case 'signup':
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
    case 'not-found':
      return <NotFoundPage />;
  }
}
