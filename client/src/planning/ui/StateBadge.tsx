import type { FeatureStatus, IterationState } from '@opsboard/shared';

const ITERATION_WORDS: Record<IterationState, string> = { planned: 'Planned', active: 'Active', closed: 'Closed' };
const FEATURE_WORDS: Record<FeatureStatus, string> = { proposed: 'Proposed', active: 'Active', done: 'Done', dropped: 'Dropped' };

/**
 * An iteration's state as a coloured pill with the word in it (colour is never the only cue).
 * A running iteration past its end date says so: "Active · overdue 3 days".
 */
export function IterationStateBadge({ state, overdue = 0 }: { state: IterationState; overdue?: number }) {
  if (state === 'active' && overdue > 0) {
    return (
      <span className="state-pill state-pill--overdue" data-testid="overdue-badge">
        Active · overdue {overdue} {overdue === 1 ? 'day' : 'days'}
      </span>
    );
  }
  return <span className={`state-pill state-pill--${state}`}>{ITERATION_WORDS[state]}</span>;
}

export function FeatureStatusBadge({ status }: { status: FeatureStatus }) {
  return <span className={`state-pill state-pill--f-${status}`}>{FEATURE_WORDS[status]}</span>;
}

export { FEATURE_WORDS };
