import { authApi } from '../api/auth';
import { plainMessage } from '../api/errors';
import { formatDateTime } from '../lib/time';
import { ErrorNote, Spinner } from '../ui/Feedback';
import { showToast } from '../ui/toasts';
import { useAsync } from '../ui/use-async';
import { ScrollRegion } from '../ui/ScrollRegion';

/** "Firefox on Linux" from a user-agent string; good enough to tell your own devices apart. */
function device(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const browser = /Firefox\//.test(userAgent) ? 'Firefox' : /Edg\//.test(userAgent) ? 'Edge' : /Chrome\//.test(userAgent) ? 'Chrome' : /Safari\//.test(userAgent) ? 'Safari' : /curl|node|python/i.test(userAgent) ? 'Script' : 'Browser';
  const os = /Windows/.test(userAgent) ? 'Windows' : /Mac OS X/.test(userAgent) ? 'macOS' : /Android/.test(userAgent) ? 'Android' : /iPhone|iPad/.test(userAgent) ? 'iOS' : /Linux/.test(userAgent) ? 'Linux' : null;
  return os ? `${browser} on ${os}` : browser;
}

export function SessionsSection() {
  const sessions = useAsync(() => authApi.sessions(), []);

  const revoke = async (id: string) => {
    try {
      await authApi.revokeSession(id);
      sessions.reload();
      showToast({ tone: 'success', title: 'Session logged out.' });
    } catch (err) {
      showToast({ tone: 'error', title: 'Could not log that session out', message: plainMessage(err) });
    }
  };

  return (
    <section className="section" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Where you are logged in</h2>
      {sessions.status === 'loading' && <Spinner label="Loading sessions" />}
      {sessions.status === 'error' && <ErrorNote message={sessions.message} onRetry={sessions.reload} />}
      {sessions.status === 'ready' && (
        <ScrollRegion label="Sessions">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Device</th>
                <th scope="col">Logged in</th>
                <th scope="col">Last active</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.value.map((s) => (
                <tr key={s.id}>
                  <td>
                    {device(s.userAgent)}
                    {s.current && <span className="badge badge--accent">this device</span>}
                  </td>
                  <td>{formatDateTime(s.createdAt)}</td>
                  <td>{formatDateTime(s.lastSeenAt)}</td>
                  <td className="table__actions">
                    {!s.current && (
                      <button type="button" className="button button--small button--quiet" onClick={() => void revoke(s.id)}>
                        Log out
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
