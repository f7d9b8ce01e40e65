/** Desktop app only: which bot-service this console talks to. Saving reloads the console. */
import { useEffect, useState, type FormEvent } from 'react';
import { Button } from '../../components/Button.tsx';
import { useT } from '../../i18n/index.tsx';

export function ServiceAddressForm() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void window.desktop?.getServiceUrl().then(result => {
      if (result.ok) setValue(result.value);
    });
  }, []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const desktop = window.desktop;
    if (desktop === undefined) return;
    setBusy(true);
    const result = await desktop.setServiceUrl(value.trim());
    setBusy(false);
    // On success main reloads the window from the new address.
    if (!result.ok) setError(result.error.message);
  };

  if (!open) {
    return (
      <Button variant="ghost" size="sm" onClick={() => setOpen(true)}>
        {t('login.service.change')}
      </Button>
    );
  }
  return (
    <form className="login-service" onSubmit={save}>
      <label className="field">
        <span>{t('login.service.label')}</span>
        <input value={value} onChange={event => setValue(event.target.value)} inputMode="url" spellCheck={false} />
      </label>
      {error !== null ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}
      <Button type="submit" size="sm" busy={busy}>
        {t('action.save')}
      </Button>
    </form>
  );
}
