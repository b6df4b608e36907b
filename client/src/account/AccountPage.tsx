import { useUser, session } from '../auth/session';
import { navigate } from '../app/router';
import { paths } from '../app/routes';
import { useDocumentTitle } from '../app/page-title';
import { SessionsSection } from './SessionsSection';
import { TokensSection } from './TokensSection';
import { ThemeToggle } from '../ui/ThemeToggle';
import { PasswordSection } from './PasswordSection';
import { NotifyPreferencesSection } from '../notify/NotifyPreferencesSection';
import { CalendarFeedsSection } from '../ical/CalendarFeedsSection';

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
      <section className="section" aria-labelledby="appearance-heading">
        <h2 id="appearance-heading">Appearance</h2>
        <p className="muted">Dark mode follows your system setting unless you pick one here (remembered in this browser).</p>
        <ThemeToggle />
      </section>
      <PasswordSection />
      <NotifyPreferencesSection />
      <CalendarFeedsSection />
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
