import { useAnnouncement } from './announcer';

/** Visually hidden; screen readers speak whatever `announce` puts here. */
export function Announcer() {
  const { text, id } = useAnnouncement();
  return (
    <div className="visually-hidden" role="status" aria-live="assertive" aria-atomic="true" data-testid="announcer">
      <span key={id}>{text}</span>
    </div>
  );
}
