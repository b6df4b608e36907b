/** The selected interrupt in full, with the severity to accept it at and one button per triage action (each showing its key). */
import { SEVERITIES, type Severity, type TriageAction } from '@opsboard/shared';
import { Link } from '../../app/Link';
import { paths } from '../../app/routes';
import { TechnologiesSection } from '../../card/TechnologiesSection';
import { useMarkdown } from '../../card/use-markdown';
import { formatDateTime, timeAgo } from '../../lib/time';
import { ackEscalationWords, ageMs, formatDuration, SEVERITY_KEYS, SEVERITY_LABEL } from '../interrupt-words';
import { AckEscalationChip, RepeatChip, ResolvedChip, SeverityChip, SourceChip } from '../InterruptBadges';
import type { QueueItem } from './queue';

const ACTIONS: { action: TriageAction; key: string; label: string; primary?: boolean }[] = [
  { action: 'accept', key: 'a', label: 'Accept', primary: true },
  { action: 'escalate', key: 'e', label: 'Escalate' },
  { action: 'convert', key: 'c', label: 'Convert' },
  { action: 'duplicate', key: 'd', label: 'Duplicate' },
  { action: 'close', key: 'x', label: 'Close' },
];

interface Props {
  item: QueueItem;
  teamId: string;
  severity: Severity;
  now: number;
  canTriage: boolean;
  name: (userId: string) => string;
  onSeverity: (severity: Severity) => void;
  onAction: (action: TriageAction) => void;
}

export function TriageDetail({ item, teamId, severity, now, canTriage, name, onSeverity, onAction }: Props) {
  const { card, interrupt } = item;
  const html = useMarkdown(card.description);
  const headingId = `triage-detail-${card.id}`;
  return (
    <article className="triage-detail" aria-labelledby={headingId} data-testid="triage-detail">
      <header className="triage-detail__header">
        <div className="triage-detail__chips">
          <SeverityChip severity={interrupt.severity} />
          <SourceChip interrupt={interrupt} />
          <RepeatChip occurrences={interrupt.occurrences} />
          <ResolvedChip at={interrupt.resolvedBySourceAt} />
          <AckEscalationChip interrupt={interrupt} name={name} />
        </div>
        <h3 id={headingId} className="triage-detail__title">
          <span className="triage-detail__number">#{card.number}</span> {card.title}
        </h3>
      </header>

      <dl className="facts triage-detail__facts">
        <dt>Waiting</dt>
        <dd>
          {formatDuration(ageMs(interrupt, now))} <span className="muted">(arrived {formatDateTime(interrupt.receivedAt)})</span>
        </dd>
        {interrupt.ackEscalation && (
          <>
            <dt>Not triaged in time</dt>
            <dd data-testid="ack-escalation">
              Level {interrupt.ackEscalation.level}: {ackEscalationWords(interrupt.ackEscalation, name)} <span className="muted">({formatDateTime(interrupt.ackEscalation.at)})</span>
            </dd>
          </>
        )}
        {interrupt.requester && (
          <>
            <dt>Asked by</dt>
            <dd>{interrupt.requester}</dd>
          </>
        )}
        {interrupt.occurrences > 1 && (
          <>
            <dt>Sent</dt>
            <dd>
              {interrupt.occurrences} times, last {timeAgo(interrupt.lastSeenAt, now)}
            </dd>
          </>
        )}
        {interrupt.resolvedBySourceAt && (
          <>
            <dt>Resolved at source</dt>
            <dd>{formatDateTime(interrupt.resolvedBySourceAt)}: close it if you agree</dd>
          </>
        )}
        {interrupt.alert && (
          <>
            <dt>Alert</dt>
            <dd>
              {interrupt.alert.name} <span className="muted">· firing since {formatDateTime(interrupt.alert.startsAt)}</span>
            </dd>
          </>
        )}
        {interrupt.assignedPotwId && (
          <>
            <dt>Assigned to</dt>
            <dd>{name(interrupt.assignedPotwId)} (Person of the Week when it arrived)</dd>
          </>
        )}
      </dl>

      {/* Which technology it concerns: an alert rule may have named it; the PoTW confirms or changes it. */}
      <TechnologiesSection key={card.id} cardId={card.id} teamId={teamId} editable={canTriage} />

      {card.description.trim() && (html === null ? <p className="muted">Loading the description…</p> : <div className="markdown triage-detail__description" dangerouslySetInnerHTML={{ __html: html }} />)}

      {/* The actions stay in view at the bottom of the screen however long the alert is. */}
      <div className="triage-detail__bar" data-testid="triage-actions-bar">
        {canTriage && (
          <>
            <fieldset className="severity-pick">
              <legend>Accept as</legend>
              {SEVERITIES.map((s) => (
                <label key={s} className={`severity-pick__option${severity === s ? ' severity-pick__option--on' : ''}`}>
                  <input type="radio" name={`severity-${card.id}`} value={s} checked={severity === s} onChange={() => onSeverity(s)} />
                  {SEVERITY_LABEL[s]} <kbd>{SEVERITY_KEYS.find(([, v]) => v === s)?.[0]}</kbd>
                </label>
              ))}
            </fieldset>
            <div className="triage-actions" role="group" aria-label="Triage actions">
              {ACTIONS.map((a) => (
                <button key={a.action} type="button" className={`button${a.primary ? ' button--primary' : ''}`} onClick={() => onAction(a.action)} aria-keyshortcuts={a.key}>
                  {a.label}
                  {a.action === 'accept' && severity !== interrupt.severity ? ` as ${SEVERITY_LABEL[severity].toLowerCase()}` : ''} <kbd>{a.key}</kbd>
                </button>
              ))}
            </div>
          </>
        )}
        <p className="triage-detail__open">
          <Link to={paths.board(card.boardId, `?card=${card.id}`)}>Open #{card.number} on the interrupts board</Link> <kbd>o</kbd>
        </p>
      </div>
    </article>
  );
}
