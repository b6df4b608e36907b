import { useState, type FormEvent } from 'react';
import { plainMessage } from '../api/errors';
import { http } from '../api/http';

/** Change the password: the current one is required; other sessions end, this one stays. */
export function PasswordSection() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setDone(false);
    try {
      await http.post('/api/auth/password', { currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setDone(true);
    } catch (err) {
      setError(plainMessage(err));
    }
  };
  return (
    <section className="section" aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      <form className="form" onSubmit={(e) => void submit(e)} data-testid="password-form">
        <label className="field">
          <span className="field__label">Current password</span>
          <input className="input" type="password" autoComplete="current-password" value={current} required onChange={(e) => setCurrent(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">New password</span>
          <input className="input" type="password" autoComplete="new-password" value={next} required onChange={(e) => setNext(e.target.value)} />
        </label>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={!current || !next}>
            Change password
          </button>
        </div>
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
        {done && <p role="status">Password changed. Your other sessions were logged out.</p>}
      </form>
    </section>
  );
}
