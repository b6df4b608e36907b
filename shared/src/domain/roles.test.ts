import { describe, expect, it } from 'vitest';
import { ROLES } from '../schema/entities.js';
import { can, canHoldCard, PERMISSIONS } from './roles.js';

describe('roles', () => {
  it('a guest may belong, raise, propose and work its own cards, and nothing else', () => {
    const granted = Object.keys(PERMISSIONS).filter((p) => can('guest', p as keyof typeof PERMISSIONS));
    expect(granted.sort()).toEqual(['belong', 'propose', 'raise', 'work']);
  });

  it('every route that asks for read keeps guests out, and every full member keeps what they had', () => {
    expect(can('guest', 'read')).toBe(false);
    for (const role of ['admin', 'po', 'member', 'viewer'] as const) expect(can(role, 'read')).toBe(true);
    expect(can('viewer', 'raise')).toBe(false);
    expect(can('member', 'raise')).toBe(true);
  });

  it('everyone in a team belongs to it; nobody outside does', () => {
    for (const role of ROLES) expect(can(role, 'belong')).toBe(true);
    expect(can(null, 'belong')).toBe(false);
    expect(can(undefined, 'read')).toBe(false);
  });

  it('a guest holds only cards of a feature; the others hold any card', () => {
    expect(canHoldCard('guest', { featureId: null })).toBe(false);
    expect(canHoldCard('guest', { featureId: 'f' })).toBe(true);
    expect(canHoldCard('member', { featureId: null })).toBe(true);
    expect(canHoldCard('viewer', { featureId: null })).toBe(true);
    expect(canHoldCard(null, { featureId: 'f' })).toBe(false);
  });
});
