import { Link } from '../app/Link';
import { paths } from '../app/routes';

export type TeamSection = 'boards' | 'potw' | 'iterations' | 'features' | 'metrics';

const SECTIONS: { id: TeamSection; label: string; to: (teamId: string) => string }[] = [
  { id: 'boards', label: 'Boards & people', to: paths.team },
  { id: 'potw', label: 'Person of the Week', to: paths.potw },
  { id: 'iterations', label: 'Iterations', to: paths.iterations },
  { id: 'features', label: 'Features', to: paths.features },
  { id: 'metrics', label: 'Metrics', to: paths.metrics },
];

/** The team's sections, as links (each is its own page with its own address). */
export function TeamNav({ teamId, active }: { teamId: string; active: TeamSection }) {
  return (
    <nav className="team-nav" aria-label="Team sections">
      {SECTIONS.map((s) => (
        <Link key={s.id} to={s.to(teamId)} className="team-nav__link" aria-current={s.id === active ? 'page' : undefined}>
          {s.label}
        </Link>
      ))}
    </nav>
  );
}
