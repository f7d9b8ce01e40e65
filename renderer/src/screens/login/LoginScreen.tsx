/**
 * Login: username and password, the reason a previous session ended, and (in the desktop app)
 * the service address to connect to.
 */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { useSession } from '../../api/session.tsx';
import { Button } from '../../components/Button.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { useT, type Translate } from '../../i18n/index.tsx';
import { ServiceAddressForm } from './ServiceAddressForm.tsx';
import './login.css';

function loginError(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return t('login.error.credentials');
    if (error.status === 429) return t('login.error.throttled', { seconds: error.retryAfter ?? 60 });
    if (error.status === 0) return t('error.network.hint');
    if (error.status === 400) return t('login.error.missing');
    return error.message;
  }
  return t('error.unknown.title');
}

export function LoginScreen() {
  const t = useT();
  const { login, endedBecause } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (username.trim() === '' || password === '') {
      setError(t('login.error.missing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
    } catch (caught) {
      setError(loginError(t, caught));
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <div className="login-card panel">
        <div className="login-top">
          <div>
            <h1>{t('app.title')}</h1>
            <p className="muted">{t('login.subtitle')}</p>
          </div>
          <LanguageSwitch />
        </div>
        {endedBecause === 'expired' ? (
          <p className="login-note" role="status">
            {t('login.expired')}
          </p>
        ) : null}
        <form onSubmit={submit} noValidate aria-describedby={error !== null ? 'login-error' : undefined}>
          <label className="field">
            <span>{t('login.username')}</span>
            <input
              name="username"
              autoComplete="username"
              autoFocus
              value={username}
              onChange={event => setUsername(event.target.value)}
              aria-invalid={error !== null || undefined}
            />
          </label>
          <label className="field">
            <span>{t('login.password')}</span>
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={event => setPassword(event.target.value)}
              aria-invalid={error !== null || undefined}
            />
          </label>
          {error !== null ? (
            <div id="login-error" className="form-error" role="alert">
              {error}
            </div>
          ) : null}
          <Button type="submit" variant="primary" busy={busy}>
            {t('login.submit')}
          </Button>
        </form>
        <p className="muted login-help">{t('login.help')}</p>
        {window.desktop !== undefined ? <ServiceAddressForm /> : null}
      </div>
    </main>
  );
}
