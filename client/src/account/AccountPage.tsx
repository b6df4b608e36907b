import { useUser, session } from '../auth/session';
import { navigate } from '../app/router';
import { paths } from '../app/routes';
import { useDocumentTitle } from '../app/page-title';
import { SessionsSection } from './SessionsSection';
import { TokensSection } from './TokensSection';
import { NotifyPreferencesSection } from '../notify/NotifyPreferencesSection';

export function AccountPage() {
  const user = useUser();
  useDocumentTitle(['Your account']);
  return (
    <main className="page" id="main">
      <h1>Your account</h1>
      <dl className="facts">
        <dt>Name</dt>
        <dd>{user.name}</dd>
        <dt>E-mail</dt>
        <dd>{user.email}</dd>
      </dl>
      <NotifyPreferencesSection />
      <TokensSection />
      <SessionsSection />
      <section className="section">
        <h2>Log out</h2>
        <p className="muted">Ends this session on this device. Other sessions stay logged in; revoke them above.</p>
        <button type="button" className="button" onClick={() => void session.logout().then(() => navigate(paths.login(), { replace: true }))}>
          Log out
        </button>
      </section>
    </main>
  );
}
