import { Link } from '../app/Link';
import { paths } from '../app/routes';

export type TeamSection = 'boards' | 'potw' | 'iterations' | 'features' | 'poker' | 'retros' | 'metrics' | 'technologies' | 'templates' | 'activity';

const SECTIONS: { id: TeamSection; label: string; to: (teamId: string) => string }[] = [
  { id: 'boards', label: 'Boards & people', to: paths.team },
  { id: 'potw', label: 'Person of the Week', to: paths.potw },
  { id: 'iterations', label: 'Iterations', to: paths.iterations },
  { id: 'features', label: 'Features', to: paths.features },
  { id: 'poker', label: 'Planning poker', to: (teamId) => paths.pokerList(teamId) },
  { id: 'retros', label: 'Retros', to: paths.retros },
  { id: 'metrics', label: 'Metrics', to: paths.metrics },
  { id: 'technologies', label: 'Technologies', to: paths.technologies },
  { id: 'activity', label: 'Activity', to: paths.activity },
  { id: 'templates', label: 'Templates', to: paths.templates },
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
