/** Ready-to-paste set-up for a new webhook: the Alertmanager receiver and curl examples with its URL and secret filled in. */

/** Single quotes for a POSIX shell: the text stays literal whatever it contains. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** YAML double-quoted scalar (escapes backslash and quote). */
function yamlString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function alertmanagerReceiver(url: string, secret: string, name = 'opsboard'): string {
  return [
    '# alertmanager.yml',
    'route:',
    `  receiver: ${name}`,
    'receivers:',
    `  - name: ${name}`,
    '    webhook_configs:',
    `      - url: ${yamlString(url)}`,
    '        send_resolved: true',
    '        http_config:',
    '          authorization:',
    '            type: Bearer',
    `            credentials: ${yamlString(secret)}`,
  ].join('\n');
}

/** A version 4 payload like the one in Alertmanager's documentation, firing at `startsAt`. */
export function sampleAlert(startsAt: string): string {
  return JSON.stringify(
    {
      version: '4',
      status: 'firing',
      receiver: 'opsboard',
      groupLabels: { alertname: 'PostgresReplicationLag' },
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'PostgresReplicationLag', instance: 'db-replica-2:9187', severity: 'critical' },
          annotations: { summary: 'Replica lag is 45s', description: 'Streaming replication is behind the primary.' },
          startsAt,
          endsAt: '0001-01-01T00:00:00Z',
          generatorURL: 'http://prometheus:9090/graph?g0.expr=pg_replication_lag%3E30',
          fingerprint: 'c3d4a9f1e2b7a6d5',
        },
      ],
    },
    null,
    2,
  );
}

export function sampleGeneric(): string {
  return JSON.stringify({ title: 'Backup job failed on nas-02', severity: 'high', requester: 'backup-cron', dedupKey: 'backup-nas-02' }, null, 2);
}

/** Resolving what `sampleGeneric` raised: the same key with status resolved. */
export function sampleGenericResolve(): string {
  return JSON.stringify({ dedupKey: 'backup-nas-02', status: 'resolved' }, null, 2);
}

export function curlExample(url: string, secret: string, body: string): string {
  return [`curl -X POST ${shellQuote(url)} \\`, `  -H ${shellQuote(`Authorization: Bearer ${secret}`)} \\`, `  -H 'Content-Type: application/json' \\`, `  -d ${shellQuote(body)}`].join('\n');
}
