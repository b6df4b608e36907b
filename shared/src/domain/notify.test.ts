import { describe, expect, it } from 'vitest';
import { defaultPreferences, inQuietHours, nextLocalTime, routeNotification, type NotifyPreferences } from './notify.js';

const berlin = (over: Partial<NotifyPreferences> = {}): NotifyPreferences => ({ ...defaultPreferences('Europe/Berlin'), ...over });

describe('quiet hours', () => {
  it('wrap past midnight', () => {
    const q = { start: '22:00', end: '07:00' };
    expect(inQuietHours(q, '23:30')).toBe(true);
    expect(inQuietHours(q, '06:59')).toBe(true);
    expect(inQuietHours(q, '07:00')).toBe(false);
    expect(inQuietHours(q, '12:00')).toBe(false);
  });
  it('work within one day, and an empty window is never quiet', () => {
    expect(inQuietHours({ start: '12:00', end: '13:00' }, '12:30')).toBe(true);
    expect(inQuietHours({ start: '12:00', end: '13:00' }, '13:30')).toBe(false);
    expect(inQuietHours({ start: '12:00', end: '12:00' }, '12:00')).toBe(false);
  });
});

describe('nextLocalTime', () => {
  it('is later today or tomorrow in the person’s zone', () => {
    // 23:30 Berlin (CET) on 2026-01-10 → 07:00 Berlin on the 11th = 06:00Z.
    expect(nextLocalTime(new Date('2026-01-10T22:30:00Z'), '07:00', 'Europe/Berlin').toISOString()).toBe('2026-01-11T06:00:00.000Z');
    expect(nextLocalTime(new Date('2026-01-10T05:00:00Z'), '07:00', 'Europe/Berlin').toISOString()).toBe('2026-01-10T06:00:00.000Z');
  });
  it('follows daylight saving time', () => {
    // The night Berlin springs forward (2026-03-29): 07:00 CEST is 05:00Z.
    expect(nextLocalTime(new Date('2026-03-28T22:00:00Z'), '07:00', 'Europe/Berlin').toISOString()).toBe('2026-03-29T05:00:00.000Z');
  });
});

describe('routeNotification', () => {
  const night = new Date('2026-01-10T22:30:00Z'); // 23:30 in Berlin
  const day = new Date('2026-01-10T11:00:00Z'); // 12:00 in Berlin

  it('sends to the chosen channels at once outside quiet hours', () => {
    const r = routeNotification(berlin({ quietHours: { start: '22:00', end: '07:00' } }), 'interrupt.escalated', day);
    expect(r).toEqual({ inApp: true, chat: false, email: { notBefore: day, digest: false } });
  });

  it('holds e-mail to the end of quiet hours, in-app still shows', () => {
    const r = routeNotification(berlin({ quietHours: { start: '22:00', end: '07:00' } }), 'interrupt.escalated', night);
    expect(r.inApp).toBe(true);
    expect(r.email).toEqual({ notBefore: new Date('2026-01-11T06:00:00Z'), digest: false });
  });

  it('lets urgent kinds through quiet hours unless the person says otherwise', () => {
    const quiet = { start: '22:00', end: '07:00' };
    expect(routeNotification(berlin({ quietHours: quiet }), 'interrupt.urgent', night).email).toEqual({ notBefore: night, digest: false });
    expect(routeNotification(berlin({ quietHours: quiet, urgentBreaksQuiet: false }), 'interrupt.urgent', night).email!.notBefore).toEqual(new Date('2026-01-11T06:00:00Z'));
  });

  it('gathers non-urgent e-mail into the daily digest; urgent ones still go at once', () => {
    const prefs = berlin({ digestAt: '08:00' });
    expect(routeNotification(prefs, 'interrupt.escalated', day).email).toEqual({ notBefore: new Date('2026-01-11T07:00:00Z'), digest: true });
    expect(routeNotification(prefs, 'interrupt.unacknowledged', day).email).toEqual({ notBefore: day, digest: false });
  });

  it('does not ping in chat during quiet hours, except for urgent kinds the person lets through', () => {
    const quiet = { start: '22:00', end: '07:00' };
    expect(routeNotification(berlin({ quietHours: quiet }), 'potw.handoff', day).chat).toBe(true);
    expect(routeNotification(berlin({ quietHours: quiet }), 'potw.handoff', night).chat).toBe(false);
    expect(routeNotification(berlin({ quietHours: quiet }), 'interrupt.urgent', night).chat).toBe(true);
    expect(routeNotification(berlin({ quietHours: quiet, urgentBreaksQuiet: false }), 'interrupt.urgent', night).chat).toBe(false);
  });

  it('sends nothing on a channel the person turned off', () => {
    const prefs = berlin();
    prefs.routes['interrupt.escalated'] = [];
    expect(routeNotification(prefs, 'interrupt.escalated', day)).toEqual({ inApp: false, chat: false, email: null });
  });
});
