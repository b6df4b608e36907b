import { useState, type FormEvent } from 'react';
import { authApi } from '../api/auth';
import { plainMessage } from '../api/errors';
import { Link } from '../app/Link';
import { paths, safeNext } from '../app/routes';
import { navigate, useLocation } from '../app/router';
import { Field } from '../ui/Field';
import { useAsync } from '../ui/use-async';
import { AuthLayout } from './AuthLayout';
import { session } from './session';

export function LoginPage({ expired }: { expired: boolean }) {
  const location = useLocation();
  const next = location.pathname === '/login' ? safeNext(location.search) : `${location.pathname}${location.search}`;
  // Loaded with the session at start; fetched again only if that failed.
  const instance = useAsync(() => (session.instance ? Promise.resolve(session.instance) : authApi.instance()), []);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const info = await authApi.login({ email: email.trim(), password });
      // On /login, go where the person was headed; elsewhere the page they asked for simply renders now.
      if (location.pathname === '/login') navigate(next, { replace: true });
      session.signedIn(info);
    } catch (err) {
      setError(plainMessage(err));
      setBusy(false);
    }
  };

  const demo = instance.status === 'ready' ? instance.value.demo : null;
  const signupOpen = instance.status !== 'ready' || instance.value.signup === 'open' || !instance.value.hasUsers;

  return (
    <AuthLayout title="Log in">
      {expired && (
        <p className="note note--warning" role="status">
          Your session ended. Log in again to carry on; changes you made are kept and sent after you log in.
        </p>
      )}
      {demo && (
        <div className="note note--info demo-hint" data-testid="demo-hint">
          <p>
            <strong>Try the demo team.</strong> Log in as <code>{demo.email}</code> with password <code>{demo.password}</code>.
          </p>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setEmail(demo.email);
              setPassword(demo.password);
            }}
          >
            Fill in the demo login
          </button>
        </div>
      )}
      <form className="form" onSubmit={submit} noValidate>
        <Field label="E-mail">{(p) => <input {...p} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />}</Field>
        <Field label="Password">
          {(p) => <input {...p} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        {error && (
          <p className="form__error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
      <p className="auth__switch">
        <Link to={paths.resetPassword()}>Forgot your password?</Link>
      </p>
      {signupOpen && (
        <p className="auth__switch">
          New here? <Link to={paths.signup(next)}>Create an account</Link>
        </p>
      )}
    </AuthLayout>
  );
}
