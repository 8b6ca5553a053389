import { useState, type FormEvent } from 'react';
import type { StationBridge } from '../../../../common/api.js';
import { T } from '../../../../common/deskText.js';
import type { SessionInfo } from '../../../../common/views.js';
import { Field, FormError } from '../../widgets/Field.js';
import { AuthFrame } from './AuthFrame.js';
import { useAuthCall } from './useAuthCall.js';

interface Props {
  readonly bridge: StationBridge;
  readonly example: boolean;
  readonly onSignedIn: (session: SessionInfo) => void;
}

export function SignInScreen({ bridge, example, onSignedIn }: Props) {
  const [account, setAccount] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, setError, run } = useAuthCall(onSignedIn);

  const signIn = (e: FormEvent): void => {
    e.preventDefault();
    if (!account.trim() || !password) { setError(T.auth.needAccountPassword); return; }
    void run(() => bridge.invoke('login', { account: account.trim(), password }));
  };

  return (
    <AuthFrame title={T.auth.signInTitle} example={example}>
      <form noValidate onSubmit={signIn} className="form-narrow">
        <Field label={T.auth.account} name="account" required>
          {(c) => <input {...c} autoFocus autoComplete="username" value={account} onChange={(e) => setAccount(e.target.value)} />}
        </Field>
        <Field label={T.auth.password} name="password" required>
          {(c) => <input {...c} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <FormError message={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>{busy ? T.auth.signingIn : T.auth.signIn}</button>
        </div>
      </form>
    </AuthFrame>
  );
}
