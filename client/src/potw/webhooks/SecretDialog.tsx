/** A new webhook's secret, shown this once, with its URL and ready-to-paste set-up (Alertmanager receiver, curl). */
import { useState } from 'react';
import { Dialog } from '../../ui/Dialog';
import type { CreatedWebhook } from '../../api/potw';
import { CopyButton } from './CopyButton';
import { alertmanagerReceiver, curlExample, sampleAlert, sampleGeneric, sampleGenericResolve } from './snippets';

function Snippet({ label, text, testId }: { label: string; text: string; testId?: string }) {
  return (
    <div className="snippet">
      <div className="snippet__head">
        <span className="field__label">{label}</span>
        <CopyButton text={text} what={label} />
      </div>
      <pre className="snippet__code" data-testid={testId} tabIndex={0}>
        <code>{text}</code>
      </pre>
    </div>
  );
}

export function SecretDialog({ created, onClose }: { created: CreatedWebhook; onClose: () => void }) {
  const { webhook, secret } = created;
  // One sample per dialog: the alert starts "now" once, not on every render.
  const [startsAt] = useState(() => new Date().toISOString());
  const alertmanager = webhook.kind === 'alertmanager';
  return (
    <Dialog title={`Webhook "${webhook.name}" is ready`} onClose={onClose} size="lg" className="secret-dialog">
      <div className="note note--warning" role="status">
        <p>
          <strong>Copy the secret now.</strong> It is shown only this once; opsboard keeps only a hash. If it is lost, revoke this webhook and create another.
        </p>
      </div>
      <div className="secret-fields">
        <div className="secret-field">
          <span className="field__label">URL</span>
          <code className="secret-field__value" data-testid="webhook-url">
            {webhook.url}
          </code>
          <CopyButton text={webhook.url} what="URL" />
        </div>
        <div className="secret-field">
          <span className="field__label">Secret</span>
          <code className="secret-field__value secret-field__value--secret" data-testid="webhook-secret">
            {secret}
          </code>
          {/* Focus starts here, at the top: the warning above stays in view, and copying the secret is the first thing to do. */}
          <CopyButton text={secret} what="secret" autoFocusFirst />
        </div>
      </div>
      <p className="muted">
        Requests send it as <code>Authorization: Bearer &lt;secret&gt;</code>. A wrong or missing secret gets 401 and creates nothing.
      </p>
      {alertmanager ? (
        <>
          <Snippet label="Alertmanager receiver" text={alertmanagerReceiver(webhook.url, secret)} testId="receiver-snippet" />
          <Snippet label="Try it with curl (a sample alert)" text={curlExample(webhook.url, secret, sampleAlert(startsAt))} />
        </>
      ) : (
        <>
          <p className="muted">
            Send JSON with <code>title</code> and, if you like, <code>description</code>, <code>severity</code> (critical, high, medium, low), <code>requester</code> and <code>dedupKey</code> (repeats with the same key
            update one open interrupt). When the problem is over, send the same <code>dedupKey</code> with <code>&quot;status&quot;: &quot;resolved&quot;</code>: the interrupt is marked resolved at the source for the
            Person of the Week to close.
          </p>
          <Snippet label="Try it with curl" text={curlExample(webhook.url, secret, sampleGeneric())} />
          <Snippet label="Resolve it" text={curlExample(webhook.url, secret, sampleGenericResolve())} />
        </>
      )}
      <div className="form__actions">
        <button type="button" className="button button--primary" onClick={onClose}>
          I have copied the secret
        </button>
      </div>
    </Dialog>
  );
}
