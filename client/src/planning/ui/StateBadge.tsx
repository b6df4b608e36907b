import type { FeatureStatus, IterationState } from '@opsboard/shared';

const ITERATION_WORDS: Record<IterationState, string> = { planned: 'Planned', active: 'Active', closed: 'Closed' };
const FEATURE_WORDS: Record<FeatureStatus, string> = { proposed: 'Proposed', active: 'Active', done: 'Done', dropped: 'Dropped' };

/** An iteration's state as a coloured pill with the word in it (colour is never the only cue). */
export function IterationStateBadge({ state }: { state: IterationState }) {
  return <span className={`state-pill state-pill--${state}`}>{ITERATION_WORDS[state]}</span>;
}

export function FeatureStatusBadge({ status }: { status: FeatureStatus }) {
  return <span className={`state-pill state-pill--f-${status}`}>{FEATURE_WORDS[status]}</span>;
}

export { FEATURE_WORDS };
