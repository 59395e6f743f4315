import { useState } from 'preact/hooks';
import { signIn } from '../api/client';
import { t } from '../i18n';
import { errorText } from '../session';

export function LoginView({ onSignedIn }: { onSignedIn(): void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(null);
    try {
      await signIn(String(form.get('username') ?? ''), String(form.get('password') ?? ''));
      onSignedIn();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="card login">
      <h1>{t('login.title')}</h1>
      <form onSubmit={submit}>
        <label>{t('login.username')}<input name="username" autoComplete="username" required /></label>
        <label>{t('login.password')}<input name="password" type="password" autoComplete="current-password" required /></label>
        <button class="primary" disabled={busy}>{t('login.submit')}</button>
        <p class="error" role="alert">{error}</p>
      </form>
    </div>
  );
}
