import { useId, useState } from 'react';
import { can, ROLES, type Member, type Role, type Team } from '@opsboard/shared';
import { plainMessage } from '../api/errors';
import { includes } from '../lib/guards';
import { teamsApi } from '../api/teams';
import { navigate } from '../app/router';
import { paths } from '../app/routes';
import { Avatar } from '../ui/Avatar';
import { showToast } from '../ui/toasts';
import { ROLE_INFO } from './board-kinds';
import { ScrollRegion } from '../ui/ScrollRegion';

interface Props {
  team: Team;
  /** Everyone in the team; changes report the whole list. */
  members: Member[];
  /** Who this section lists (the members, or the guests). */
  shown?: (member: Member) => boolean;
  title?: string;
  blurb?: string;
  selfId: string;
  onChange: (members: Member[]) => void;
}

export function MembersSection({ team, members, shown = () => true, title = 'Members', blurb, selfId, onChange }: Props) {
  const isAdmin = can(team.role, 'administer');
  const [busy, setBusy] = useState<string | null>(null);
  const listed = members.filter(shown);
  const sorted = [...listed].sort((a, b) => a.name.localeCompare(b.name));
  const headingId = useId();

  const setRole = async (member: Member, role: Role) => {
    setBusy(member.userId);
    try {
      const updated = await teamsApi.setRole(team.id, member.userId, role);
      onChange(members.map((m) => (m.userId === updated.userId ? updated : m)));
      showToast({ tone: 'success', title: `${member.name} is now ${role === 'po' ? 'product owner' : `a ${role}`}.` });
    } catch (err) {
      showToast({ tone: 'error', title: `Could not change ${member.name}'s role`, message: plainMessage(err) });
    } finally {
      setBusy(null);
    }
  };

  const remove = async (member: Member) => {
    const self = member.userId === selfId;
    const question = self ? `Leave ${team.name}? You will lose access to its boards.` : `Remove ${member.name} from ${team.name}?`;
    if (!window.confirm(question)) return;
    setBusy(member.userId);
    try {
      await teamsApi.removeMember(team.id, member.userId);
      if (self) {
        navigate(paths.teams());
        return;
      }
      onChange(members.filter((m) => m.userId !== member.userId));
      showToast({ tone: 'success', title: `${member.name} was removed from the team.` });
    } catch (err) {
      showToast({ tone: 'error', title: self ? 'Could not leave the team' : `Could not remove ${member.name}`, message: plainMessage(err) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {title} ({listed.length})
      </h2>
      {blurb && <p className="muted">{blurb}</p>}
      <ScrollRegion label={title}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Role</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((m) => (
              <tr key={m.userId}>
                <td>
                  <span className="person">
                    <Avatar userId={m.userId} name={m.name} size="sm" />
                    {m.name}
                    {m.userId === selfId && <span className="muted"> (you)</span>}
                  </span>
                </td>
                <td>{m.email}</td>
                <td>
                  {isAdmin ? (
                    <select aria-label={`Role of ${m.name}`} value={m.role} disabled={busy === m.userId} onChange={(e) => includes(ROLES, e.target.value) && void setRole(m, e.target.value)} title={ROLE_INFO[m.role]}>
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {r === 'po' ? 'product owner' : r}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <span className="badge" title={ROLE_INFO[m.role]}>
                      {m.role === 'po' ? 'product owner' : m.role}
                    </span>
                  )}
                </td>
                <td className="table__actions">
                  {(isAdmin || m.userId === selfId) && (
                    <button type="button" className="button button--small button--quiet" disabled={busy === m.userId} onClick={() => void remove(m)}>
                      {m.userId === selfId ? 'Leave team' : 'Remove'}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
