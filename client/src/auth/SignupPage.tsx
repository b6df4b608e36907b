import { PASSWORD_MIN } from '@opsboard/shared';
import { useState, type FormEvent } from 'react';
import { authApi } from '../api/auth';
import { ApiError, plainMessage } from '../api/errors';
import { Link } from '../app/Link';
import { paths, safeNext } from '../app/routes';
import { navigate, useLocation } from '../app/router';
import { Field } from '../ui/Field';
import { AuthLayout } from './AuthLayout';
import { session } from './session';

type Errors = Partial<Record<'name' | 'email' | 'password' | 'form', string>>;

export function SignupPage() {
  const location = useLocation();
  const next = safeNext(location.search);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Errors = {};
    if (!name.trim()) local.name = 'Tell us your name; your team sees it on cards.';
    if (!email.includes('@')) local.email = 'Enter an e-mail address.';
    if (password.length < PASSWORD_MIN) local.password = `Use at least ${PASSWORD_MIN} characters; a few words make a good passphrase.`;
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      const info = await authApi.signup({ name: name.trim(), email: email.trim(), password });
      navigate(next, { replace: true });
      session.signedIn(info);
    } catch (err) {
      const field = err instanceof ApiError ? err.field : null;
      const key = field === 'name' || field === 'email' || field === 'password' ? field : 'form';
      setErrors({ [key]: plainMessage(err) });
      setBusy(false);
    }
  };

  return (
    <AuthLayout title="Create your account">
      <form className="form" onSubmit={submit} noValidate>
        <Field label="Your name" error={errors.name}>
          {(p) => <input {...p} autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} autoFocus />}
        </Field>
        <Field label="E-mail" error={errors.email}>
          {(p) => <input {...p} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field label="Password" error={errors.password} hint={`At least ${PASSWORD_MIN} characters. Common passwords are refused.`}>
          {(p) => <input {...p} type="password" autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        {errors.form && (
          <p className="form__error" role="alert">
            {errors.form}
          </p>
        )}
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {busy ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <p className="auth__switch">
        Already have an account? <Link to={paths.login(next)}>Log in</Link>
      </p>
    </AuthLayout>
  );
}
