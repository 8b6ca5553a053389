// First run: the station has no account yet; the first administrator is created here.
import { useState, type FormEvent } from 'react';
import type { StationBridge } from '../../../../common/api.js';
import { T } from '../../../../common/deskText.js';
import { GENDER_LABELS } from '../../../../common/messages.js';
import type { SessionInfo } from '../../../../common/views.js';
import { GENDERS, type Gender } from '../../../../common/vocab.js';
import { Field, FormError } from '../../widgets/Field.js';
import { AuthFrame } from './AuthFrame.js';
import { useAuthCall } from './useAuthCall.js';

interface Props {
  readonly bridge: StationBridge;
  readonly example: boolean;
  readonly onSignedIn: (session: SessionInfo) => void;
}

export function SetupScreen({ bridge, example, onSignedIn }: Props) {
  const [officerId, setOfficerId] = useState('');
  const [name, setName] = useState('');
  const [gender, setGender] = useState<Gender>('male');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const { busy, error, setError, run } = useAuthCall(onSignedIn);

  const create = (e: FormEvent): void => {
    e.preventDefault();
    if (!officerId.trim() || !name.trim()) setError(T.auth.needOfficer);
    else if (password !== again) setError(T.auth.passwordsDiffer);
    else void run(() => bridge.invoke('setup', { officerId: officerId.trim(), name: name.trim(), gender, password }));
  };

  return (
    <AuthFrame title={T.auth.setupTitle} example={example}>
      <p>{T.auth.setupIntro}</p>
      <form noValidate onSubmit={create} className="form-narrow">
        <Field label={T.auth.officerId} name="officerId" required>
          {(c) => <input {...c} autoFocus value={officerId} onChange={(e) => setOfficerId(e.target.value)} />}
        </Field>
        <Field label={T.auth.name} name="name" required>
          {(c) => <input {...c} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label={T.auth.gender} name="gender" required>
          {(c) => (
            <select {...c} value={gender} onChange={(e) => setGender(e.target.value as Gender)}>
              {GENDERS.map((g) => <option key={g} value={g}>{GENDER_LABELS[g]}</option>)}
            </select>
          )}
        </Field>
        <Field label={T.auth.password} name="password" required hint={T.auth.passwordRule}>
          {(c) => <input {...c} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <Field label={T.auth.passwordAgain} name="passwordAgain" required>
          {(c) => <input {...c} type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />}
        </Field>
        <FormError message={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>{busy ? T.common.busy : T.auth.create}</button>
        </div>
      </form>
    </AuthFrame>
  );
}
