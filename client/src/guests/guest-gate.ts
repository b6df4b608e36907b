/** Which pages a guest may not open, decided from their teams and roles (no request needed per page). */
import type { Team } from '@opsboard/shared';
import { paths, type Route } from '../app/routes';

/**
 * The teams to point a guest to instead of this page, or null when the page is
 * theirs to open. Team pages are decided by the role in that team; board,
 * iteration, feature and technology pages (whose team the address does not say) only for
 * someone who is a guest in every team they belong to; anyone else gets the
 * page and, where it is another team's guest view, the server's refusal.
 */
export function guestTeamsFor(route: Route, teams: readonly Team[]): Team[] | null {
  switch (route.name) {
    case 'team':
    case 'potw':
    case 'iterations':
    case 'features':
    case 'standup':
    case 'technologies':
    case 'activity':
    case 'retros':
    case 'templates':
    case 'metrics':
    case 'poker-list': {
      const team = teams.find((t) => t.id === route.teamId);
      return team?.role === 'guest' ? [team] : null;
    }
    case 'board':
    case 'iteration':
    case 'feature':
    case 'technology':
    case 'retro':
    case 'postmortem':
    case 'poker':
      return teams.length > 0 && teams.every((t) => t.role === 'guest') ? [...teams] : null;
    default:
      return null;
  }
}

/** Where a team's link goes: a guest's requests, or the team page for everyone else. */
export function teamHome(team: Pick<Team, 'id' | 'role'>): string {
  return team.role === 'guest' ? paths.requests(team.id) : paths.team(team.id);
}
