/** Shown on a board someone archived: it is read only now; admins and POs can restore it here. */
import { useState } from 'react';
import type { Board } from '@opsboard/shared';
import { Link } from '../../app/Link';
import { paths } from '../../app/routes';
import { formatDateTime } from '../../lib/time';
import { Icon } from '../../ui/Icon';
import { restoreBoard } from './restore-board';

export function ArchivedBoardBanner({ board, canConfigure }: { board: Board; canConfigure: boolean }) {
  const [busy, setBusy] = useState(false);
  return (
    <div className="banner banner--warning" role="status" data-testid="archived-board">
      <Icon name="archive" />
      <p>
        This board was archived{board.archivedAt ? ` on ${formatDateTime(board.archivedAt)}` : ''} and is read only. <Link to={paths.team(board.teamId)}>Go to the team’s boards</Link>
      </p>
      {canConfigure && (
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void restoreBoard(board).finally(() => setBusy(false));
          }}
        >
          Restore board
        </button>
      )}
    </div>
  );
}
