/** The small marks an interrupt carries on a tile and in the triage list: severity, source, repeats, resolved, untriaged age. */
import type { Interrupt, Severity } from '@opsboard/shared';
import { Icon } from '../ui/Icon';
import { PotwIcon, type PotwIconName } from './icons';
import { ackEscalationWords, ageMs, formatDuration, SEVERITY_LABEL, shortAge, sourceKind, sourceLabel, type SourceKind } from './interrupt-words';
import '../styles/interrupt.css';

const SOURCE_ICON: Record<SourceKind, PotwIconName> = { person: 'person', webhook: 'webhook', alert: 'siren' };

export function SeverityChip({ severity }: { severity: Severity }) {
  return <span className={`sev sev--${severity}`}>{SEVERITY_LABEL[severity]}</span>;
}

export function SourceChip({ interrupt }: { interrupt: Pick<Interrupt, 'source' | 'requester' | 'alert'> }) {
  const kind = sourceKind(interrupt);
  return (
    <span className={`src src--${kind}`}>
      <PotwIcon name={SOURCE_ICON[kind]} />
      <span className="src__text">{sourceLabel(interrupt)}</span>
    </span>
  );
}

export function RepeatChip({ occurrences }: { occurrences: number }) {
  if (occurrences <= 1) return null;
  return (
    <span className="irq-flag irq-flag--repeat" title={`Sent ${occurrences} times`}>
      <PotwIcon name="repeat" />×{occurrences}
    </span>
  );
}

export function ResolvedChip({ at }: { at: string | null }) {
  if (!at) return null;
  return (
    <span className="irq-flag irq-flag--resolved" title="The source says this is resolved; close it when you agree">
      <PotwIcon name="checkCircle" />
      Resolved at source
    </span>
  );
}

/** "Escalated · admins": nobody triaged this critical interrupt in the team's time (escalation to acknowledge). */
export function AckEscalationChip({ interrupt, name }: { interrupt: Pick<Interrupt, 'ackEscalation' | 'status'>; name: (userId: string) => string }) {
  const escalation = interrupt.ackEscalation;
  if (!escalation || interrupt.status !== 'untriaged') return null;
  return (
    <span className="irq-flag irq-flag--unacked" title={`Not triaged in time: ${ackEscalationWords(escalation, name)}`} data-testid="ack-escalation-chip">
      <Icon name="clock" />
      Escalated · {escalation.level === 1 ? 'next in rotation' : 'admins'}
    </span>
  );
}

/** "Untriaged · 3 h": waiting in the inbox for the PoTW. */
export function UntriagedChip({ interrupt, now }: { interrupt: Interrupt; now: number }) {
  if (interrupt.status !== 'untriaged') return null;
  const age = ageMs(interrupt, now);
  return (
    <span className="irq-flag irq-flag--untriaged" title={`Untriaged for ${formatDuration(age)}`}>
      <Icon name="clock" />
      Untriaged · {shortAge(age)}
    </span>
  );
}
