/**
 * The SS&A rule at a glance: how many people are on open self-service &
 * automation cards, and a clear warning when that is fewer than a pair. A
 * status region, so the change is spoken when it happens.
 */
import type { Member, SsaInfo } from '@opsboard/shared';
import { AvatarGroup } from '../../ui/Avatar';
import { Icon } from '../../ui/Icon';
import '../../styles/plan-widgets.css';

interface Props {
  ssa: SsaInfo;
  people: ReadonlyMap<string, Member>;
  /** 'plan' before the start (what to do about it), 'live' during the iteration. */
  phase: 'plan' | 'live';
}

export function SsaIndicator({ ssa, people, phase }: Props) {
  const names = ssa.people.map((id) => ({ userId: id, name: people.get(id)?.name ?? 'a former member' }));
  const who = names.length > 0 ? names.map((n) => n.name).join(', ') : null;
  return (
    <div className={`ssa ssa--${ssa.ok ? 'ok' : 'warn'}`} role="status" data-testid="ssa-indicator" data-ok={ssa.ok} data-count={ssa.count}>
      <span className="ssa__figure" aria-hidden="true">
        {ssa.count}
        <span className="ssa__of">/2</span>
      </span>
      <div className="ssa__text">
        <p className="ssa__headline">
          <Icon name={ssa.ok ? 'check' : 'alert'} />
          {ssa.ok ? 'SS&A is staffed' : 'SS&A needs a pair'}
        </p>
        <p className="ssa__message">{ssa.message}</p>
        {who && (
          <p className="ssa__people">
            <AvatarGroup people={names} size="sm" max={4} />
            <span>{who}</span>
          </p>
        )}
        {!ssa.ok && (
          <p className="ssa__hint">
            {phase === 'plan'
              ? 'Pull in self-service & automation cards and put at least two people on them before the iteration starts.'
              : 'Put a second person on an open self-service & automation card.'}
          </p>
        )}
      </div>
    </div>
  );
}
