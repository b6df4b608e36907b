import { useUser, session } from '../auth/session';
import { NotificationBell } from '../potw/notifications/NotificationBell';
import { Avatar } from '../ui/Avatar';
import { Icon } from '../ui/Icon';
import { LargeModeToggle } from '../ui/LargeModeToggle';
import { HeaderMenu } from './HeaderMenu';
import { Link } from './Link';
import { paths } from './routes';
import { navigate } from './router';

/**
 * The slim bar on every signed-in page: home, notifications, large mode, account. On a narrow screen
 * only the brand and the bell stay in the row; the rest folds into the header menu.
 */
export function AppHeader() {
  const user = useUser();
  const logout = () => {
    void session.logout().then(() => navigate(paths.login(), { replace: true }));
  };
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Link to={paths.teams()} className="app-header__brand">
        <span className="brand-mark" aria-hidden="true" />
        opsboard
      </Link>
      <nav className="app-header__nav app-header__wide" aria-label="Main">
        <Link to={paths.teams()}>Teams</Link>
      </nav>
      <div className="app-header__end">
        <NotificationBell />
        <div className="app-header__wide app-header__items">
          <LargeModeToggle />
          {/* Named by the words it shows, so "click Alex Rivera" works for someone speaking to their computer. */}
          <Link to={paths.account()} className="app-header__account" title="Your account">
            <Avatar userId={user.id} name={user.name} size="sm" />
            <span className="app-header__name">{user.name}</span>
            <span className="visually-hidden">, your account</span>
          </Link>
          <button type="button" className="icon-button" aria-label="Log out" title="Log out" onClick={logout}>
            <Icon name="logout" />
          </button>
        </div>
        <div className="app-header__narrow">
          <HeaderMenu onLogout={logout} />
        </div>
      </div>
    </header>
  );
}
