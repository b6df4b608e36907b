/** Forgotten password: ask for a reset e-mail, or (with the token from its link) set a new password. */
import { useState, type FormEvent } from 'react';
import { http } from '../api/http';
import { plainMessage } from '../api/errors';
import { Link } from '../app/Link';
import { paths } from '../app/routes';
import { AuthLayout } from '../auth/AuthLayout';
import { Field } from '../ui/Field';

function tokenFromHash(): string | null {
  return new URLSearchParams(window.location.hash.slice(1)).get('token');
}

export function ResetPasswordPage() {
  const [token] = useState(tokenFromHash);
  const [value, setValue] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (token) {
        await http.post('/api/auth/password-reset/confirm', { token, password: value });
        setDone('Your password is changed. Log in with it now; every other session was logged out.');
      } else {
        await http.post('/api/auth/password-reset', { email: value.trim() });
        setDone('If that address has an account, an e-mail with a reset link is on its way. The link works once, for one hour.');
      }
    } catch (err) {
      setError(plainMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout title={token ? 'Choose a new password' : 'Reset your password'}>
      {done ? (
        <p role="status">{done}</p>
      ) : (
        <form onSubmit={(e) => void submit(e)} className="form">
          <Field label={token ? 'New password' : 'E-mail'}>
            {(p) => <input {...p} className="input" type={token ? 'password' : 'email'} autoComplete={token ? 'new-password' : 'email'} required value={value} onChange={(e) => setValue(e.target.value)} />}
          </Field>
          {error && (
            <p className="form__error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="button button--primary button--block" disabled={busy}>
            {token ? 'Set new password' : 'Send reset link'}
          </button>
        </form>
      )}
      <p className="auth__switch">
        <Link to={paths.login()}>Back to log in</Link>
      </p>
    </AuthLayout>
  );
}
