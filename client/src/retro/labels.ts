import type { RetroPhase, RetroQuadrant } from '@opsboard/shared';

export const PHASE_LABEL: Record<RetroPhase, string> = {
  checkin: 'Check-in',
  write: 'Write',
  group: 'Group',
  vote: 'Vote',
  discuss: 'Discuss',
  actions: 'Actions',
  done: 'Done',
};

export const QUADRANT_LABEL: Record<RetroQuadrant, string> = { do: 'Do', dont: 'Don’t', try: 'Try', avoid: 'Avoid' };
