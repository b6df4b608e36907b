/** The iteration's cards in three columns, to do / in progress / done, with their points. */
import type { Card, Member } from '@opsboard/shared';
import { STAGE_LABEL, type Stage } from '../model/iteration-cards';
import { PlanCard } from '../ui/PlanCard';

interface Props {
  stages: readonly Stage[];
  people: ReadonlyMap<string, Member>;
  features: ReadonlyMap<string, string>;
  /** Marks SS&A cards (the board they sit on is the SS&A board). */
  isSsa(card: Card): boolean;
}

export function StageColumns({ stages, people, features, isSsa }: Props) {
  return (
    <div className="stages" data-testid="stages">
      {stages.map((s) => (
        <section key={s.stage} className={`stage stage--${s.stage}`} aria-labelledby={`stage-${s.stage}`}>
          <h3 id={`stage-${s.stage}`} className="stage__title">
            {STAGE_LABEL[s.stage]}
            <span className="stage__count">
              {s.cards.length} · {Math.round(s.points * 10) / 10} pts
            </span>
          </h3>
          {s.cards.length === 0 ? (
            <p className="muted stage__empty">None</p>
          ) : (
            <ul className="plan-list">
              {s.cards.map((card) => (
                <li key={card.id}>
                  <PlanCard
                    card={card}
                    people={people}
                    featureName={card.featureId ? (features.get(card.featureId) ?? null) : null}
                    note={isSsa(card) ? <span className="ssa-chip">SS&A</span> : undefined}
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
