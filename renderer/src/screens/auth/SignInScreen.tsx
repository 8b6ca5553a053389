import { useState, type FormEvent } from 'react';
import type { StationBridge } from '../../../../common/api.js';
import { T } from '../../../../common/deskText.js';
import type { SessionInfo } from '../../../../common/views.js';
import { errorMessage } from '../../station/errors.js';
import { Field, FormError } from '../../widgets/Field.js';
import { AuthFrame } from './AuthFrame.js';

interface Props {
  readonly bridge: StationBridge;
  readonly example: boolean;
  readonly onSignedIn: (session: SessionInfo) => void;
}

export function SignInScreen({ bridge, example, onSignedIn }: Props) {
  const [account, setAccount] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const signIn = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const r = await bridge.invoke('login', { account: account.trim(), password });
      if (r.ok) onSignedIn(r.session);
      else setError(r.message);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame title={T.auth.signInTitle} example={example}>
      <form onSubmit={(e) => void signIn(e)} className="form-narrow">
        <Field label={T.auth.account} name="account" required>
          {(c) => <input {...c} autoFocus autoComplete="username" value={account} onChange={(e) => setAccount(e.target.value)} required />}
        </Field>
        <Field label={T.auth.password} name="password" required>
          {(c) => <input {...c} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />}
        </Field>
        <FormError message={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>{busy ? T.auth.signingIn : T.auth.signIn}</button>
        </div>
      </form>
    </AuthFrame>
  );
}
