/** The PoTW page's sections as links (?view=…), so each has an address the interrupts board and notifications can point to. */
import { Link } from '../app/Link';
import { paths } from '../app/routes';

export const POTW_VIEWS = ['triage', 'handoff', 'rotation', 'figures', 'webhooks'] as const;
export type PotwView = (typeof POTW_VIEWS)[number];

export const POTW_VIEW_LABEL: Record<PotwView, string> = { triage: 'Triage', handoff: 'Hand-off', rotation: 'Rotation', figures: 'Figures', webhooks: 'Webhooks' };

export function parseView(search: string): PotwView {
  const value = new URLSearchParams(search).get('view');
  return POTW_VIEWS.find((v) => v === value) ?? 'triage';
}

export function PotwViewNav({ teamId, view, waiting, isAdmin }: { teamId: string; view: PotwView; waiting: number | null; isAdmin: boolean }) {
  const shown = POTW_VIEWS.filter((v) => v !== 'webhooks' || isAdmin);
  return (
    <nav className="potw-views" aria-label="Person of the Week sections">
      {shown.map((v) => (
        <Link key={v} to={`${paths.potw(teamId)}?view=${v}`} replace className="potw-views__link" aria-current={v === view ? 'page' : undefined}>
          {POTW_VIEW_LABEL[v]}
          {v === 'triage' && waiting !== null && waiting > 0 && (
            <>
              <span className="potw-views__count" aria-hidden="true">
                {waiting}
              </span>
              <span className="visually-hidden">, {waiting} waiting</span>
            </>
          )}
        </Link>
      ))}
    </nav>
  );
}
