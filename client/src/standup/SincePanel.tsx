/** "Since the last standup": what moved, was added, finished, and the interrupts that arrived. */
import type { StandupChange, StandupSince } from '@opsboard/shared';

const SHOWN = 5;

function when(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
}

export function SincePanel({ since }: { since: StandupSince | null }) {
  if (!since) return <section className="standup-since" data-testid="standup-since" aria-busy="true" />;
  const groups: [string, string, StandupChange[]][] = [
    ['finished', 'Finished', since.finished],
    ['moved', 'Moved', since.moved],
    ['added', 'Added', since.added],
    ['interrupts', 'Interrupts', since.interrupts],
  ];
  return (
    <section className="standup-since" data-testid="standup-since" aria-labelledby="standup-since-heading">
      <h2 id="standup-since-heading" className="standup-since__head">
        Since {since.basis === 'standup' ? 'the last standup' : 'the last working day'} <span className="muted">({when(since.since)})</span>
      </h2>
      <div className="standup-since__groups">
        {groups.map(([key, label, items]) => (
          <div key={key} className="standup-since__group" data-testid={`since-${key}`}>
            <h3>
              {label} <span className="standup-since__n">{items.length}</span>
            </h3>
            <ul>
              {items.slice(0, SHOWN).map((c) => (
                <li key={c.cardId} title={c.title}>
                  #{c.number} {c.title}
                  {c.toColumn && key === 'moved' && <span className="muted"> → {c.toColumn}</span>}
                </li>
              ))}
              {items.length > SHOWN && <li className="muted">and {items.length - SHOWN} more</li>}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}
