import { describe, expect, it } from 'vitest';
import type { TeamEventType } from '@opsboard/shared';
import type { StreamMessage } from '../realtime/socket';
import { teamEvent } from '../realtime/testing/events';
import { TeamSignals, topicsOf } from './team-signals';

const TEAM = '00000000-0000-4000-8000-0000000000f1';

function harness(startSeq = 5) {
  const log: string[] = [];
  let handler: { sinceSeq(): number | null; onMessage(m: StreamMessage): void } | null = null;
  const signals = new TeamSignals(TEAM, {
    socket: {
      subscribe: (_id, h) => {
        handler = h;
        return () => log.push('unsubscribed');
      },
      resubscribe: () => log.push(`resubscribe from ${handler?.sinceSeq()}`),
    },
    currentSeq: async () => startSeq,
    onEvent: (type) => log.push(type),
    onStale: () => log.push('stale'),
  });
  const event = (seq: number, type: TeamEventType): StreamMessage => ({
    type: 'event',
    streamId: TEAM,
    seq,
    event: teamEvent(type, seq),
  });
  return { signals, log, event, handler: () => handler! };
}

describe('TeamSignals', () => {
  it('subscribes from the stream’s current seq and passes each next event on', async () => {
    const h = harness(5);
    await h.signals.start();
    expect(h.handler().sinceSeq()).toBe(5);
    h.handler().onMessage(h.event(6, 'rotation.updated'));
    h.handler().onMessage(h.event(6, 'rotation.updated')); // a replayed duplicate
    h.handler().onMessage(h.event(7, 'handoff.updated'));
    expect(h.log).toEqual(['rotation.updated', 'handoff.updated']);
    expect(h.handler().sinceSeq()).toBe(7);
  });

  it('turns a gap, a replay that ends past it, or a resync into one reload of everything', async () => {
    const h = harness(5);
    await h.signals.start();
    h.handler().onMessage(h.event(8, 'member.added'));
    h.handler().onMessage({ type: 'subscribed', streamId: TEAM, seq: 9 });
    h.handler().onMessage({ type: 'subscribed', streamId: TEAM, seq: 9 });
    h.handler().onMessage({ type: 'resync', streamId: TEAM, seq: 20, reason: 'too_far_behind' });
    expect(h.log).toEqual(['stale', 'stale', 'stale', 'resubscribe from 20']);
  });

  it('stops listening when stopped', async () => {
    const h = harness(1);
    await h.signals.start();
    h.signals.stop();
    h.handler().onMessage(h.event(2, 'rotation.updated'));
    expect(h.log).toEqual(['unsubscribed']);
  });
});

describe('topicsOf', () => {
  it('reloads the rotation and the hand-off on rotation changes, and members on membership', () => {
    expect(topicsOf('rotation.override_added')).toEqual(['rotation', 'handoff']);
    expect(topicsOf('handoff.updated')).toEqual(['handoff']);
    expect(topicsOf('member.removed')).toEqual(['members', 'rotation', 'handoff']);
    expect(topicsOf('iteration.started')).toEqual([]);
    expect(topicsOf('invitation.accepted')).toEqual(['invitations']);
    expect(topicsOf('webhook.revoked')).toEqual(['webhooks']);
  });
});
