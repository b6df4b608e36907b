import { useUser, session } from '../auth/session';
import { NotificationBell } from '../potw/notifications/NotificationBell';
import { Avatar } from '../ui/Avatar';
import { Icon } from '../ui/Icon';
import { LargeModeToggle } from '../ui/LargeModeToggle';
import { Link } from './Link';
import { paths } from './routes';
import { navigate } from './router';

/** The slim bar on every signed-in page: home, notifications, large mode, account. */
export function AppHeader() {
  const user = useUser();
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Link to={paths.teams()} className="app-header__brand">
        <span className="brand-mark" aria-hidden="true" />
        opsboard
      </Link>
      <nav className="app-header__nav" aria-label="Main">
        <Link to={paths.teams()}>Teams</Link>
      </nav>
      <div className="app-header__end">
        <NotificationBell />
        <LargeModeToggle />
        <Link to={paths.account()} className="app-header__account" aria-label={`Account: ${user.name}`}>
          <Avatar userId={user.id} name={user.name} size="sm" />
          <span className="app-header__name">{user.name}</span>
        </Link>
        <button
          type="button"
          className="icon-button"
          aria-label="Log out"
          title="Log out"
          onClick={() => {
            void session.logout().then(() => navigate(paths.login(), { replace: true }));
          }}
        >
          <Icon name="logout" />
        </button>
      </div>
    </header>
  );
}
