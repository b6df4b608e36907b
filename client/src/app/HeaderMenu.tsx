/**
 * The header's secondary items (teams, large mode, account, log out) behind
 * one "Menu" button, for screens too narrow to show them in a row. A
 * disclosure, not an ARIA menu: plain links and buttons in tab order.
 * Escape, a click elsewhere or following a link closes it.
 */
import { useCallback, useId, useRef, useState } from 'react';
import { useDismiss } from '../ui/use-dismiss';
import { useUser } from '../auth/session';
import { Avatar } from '../ui/Avatar';
import { Icon } from '../ui/Icon';
import { LargeModeToggle } from '../ui/LargeModeToggle';
import { Link } from './Link';
import { paths } from './routes';
import { useLocation } from './router';

export function HeaderMenu({ onLogout }: { onLogout: () => void }) {
  const user = useUser();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const closeMenu = useCallback(() => setOpen(false), []);
  const location = useLocation();
  const [openedAt, setOpenedAt] = useState(location);
  // Following a link in the panel changes the page: the panel has done its job.
  if (open && openedAt !== location) {
    setOpen(false);
    setOpenedAt(location);
  }

  useDismiss(open, closeMenu, rootRef, buttonRef);

  return (
    <div className="header-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="header-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpenedAt(location);
          setOpen(!open);
        }}
        data-testid="header-menu"
      >
        <Icon name="menu" />
        Menu
      </button>
      {open && (
        <nav className="header-menu__panel" id={panelId} aria-label="Account and settings">
          <p className="header-menu__who">
            <Avatar userId={user.id} name={user.name} size="sm" />
            <span>{user.name}</span>
          </p>
          <Link to={paths.teams()} className="header-menu__item">
            Teams
          </Link>
          <Link to={paths.account()} className="header-menu__item">
            Your account
          </Link>
          <div className="header-menu__item header-menu__item--toggle">
            <LargeModeToggle />
          </div>
          <button type="button" className="header-menu__item header-menu__logout" onClick={onLogout}>
            <Icon name="logout" />
            Log out
          </button>
        </nav>
      )}
    </div>
  );
}
