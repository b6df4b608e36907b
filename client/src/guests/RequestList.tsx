/** "Your requests": each interrupt raised and story proposed, with what the team did with it and who is on it. */
import type { MyRequest } from '@opsboard/shared';
import { formatDateTime } from '../lib/time';
import { SEVERITY_LABEL } from '../potw/interrupt-words';
import { currentPlace, peopleText, requestStatus } from './request-words';

export function RequestList({ items }: { items: readonly MyRequest[] }) {
  return (
    <ul className="request-list" data-testid="request-list">
      {items.map((r) => (
        <RequestRow key={r.card.cardId} item={r} />
      ))}
    </ul>
  );
}

function RequestRow({ item }: { item: MyRequest }) {
  const status = requestStatus(item);
  const place = currentPlace(item);
  return (
    <li className="request" data-testid="request" data-card-id={item.card.cardId}>
      <div className="request__head">
        <span className="request__kind">{item.kind === 'interrupt' ? 'Interrupt' : 'Proposal'}</span>
        <h3 className="request__title">
          <span className="request__number">#{item.card.number}</span> {item.card.title}
        </h3>
      </div>
      <p className={`request__status request__status--${status.tone}`} data-testid="request-status">
        <strong>{status.label}</strong>
        <span className="request__detail">{status.detail}</span>
      </p>
      <dl className="request__facts">
        <div>
          <dt>On it</dt>
          <dd>{peopleText(place)}</dd>
        </div>
        {item.triage && (
          <div>
            <dt>Urgency</dt>
            <dd>{SEVERITY_LABEL[item.triage.severity]}</dd>
          </div>
        )}
        <div>
          <dt>{item.kind === 'interrupt' ? 'Raised' : 'Proposed'}</dt>
          <dd>{formatDateTime(item.createdAt)}</dd>
        </div>
      </dl>
    </li>
  );
}
