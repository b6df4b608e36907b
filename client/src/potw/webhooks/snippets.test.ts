import { describe, expect, it } from 'vitest';
import { alertmanagerReceiver, curlExample, sampleAlert, sampleGeneric, sampleGenericResolve, shellQuote } from './snippets';

describe('webhook snippets', () => {
  it('writes an Alertmanager receiver with the URL and the secret as bearer credentials', () => {
    const yaml = alertmanagerReceiver('https://board.example.com/api/webhooks/abc', 'obh_s3cr"t');
    expect(yaml).toContain('      - url: "https://board.example.com/api/webhooks/abc"');
    expect(yaml).toContain('        send_resolved: true');
    expect(yaml).toContain('            type: Bearer');
    expect(yaml).toContain('            credentials: "obh_s3cr\\"t"');
  });

  it('quotes for the shell so any secret or payload stays literal', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    const curl = curlExample('http://localhost:3000/api/webhooks/abc', 'obh_x', '{"a":"b"}');
    expect(curl.split('\n')).toEqual([
      "curl -X POST 'http://localhost:3000/api/webhooks/abc' \\",
      "  -H 'Authorization: Bearer obh_x' \\",
      "  -H 'Content-Type: application/json' \\",
      `  -d '{"a":"b"}'`,
    ]);
  });

  it('makes a version 4 Alertmanager payload starting at the given time', () => {
    const payload: unknown = JSON.parse(sampleAlert('2026-11-25T08:00:00.000Z'));
    expect(payload).toMatchObject({ version: '4', status: 'firing', alerts: [{ status: 'firing', startsAt: '2026-11-25T08:00:00.000Z', fingerprint: 'c3d4a9f1e2b7a6d5' }] });
  });

  it('resolves the generic sample by its dedupKey', () => {
    const raised: unknown = JSON.parse(sampleGeneric());
    const resolve: unknown = JSON.parse(sampleGenericResolve());
    expect(raised).toMatchObject({ dedupKey: 'backup-nas-02' });
    expect(resolve).toEqual({ dedupKey: 'backup-nas-02', status: 'resolved' });
  });
});
