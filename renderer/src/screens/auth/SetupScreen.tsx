// First run: the station has no account yet; the first administrator is created here.
import { useState, type FormEvent } from 'react';
import type { StationBridge } from '../../../../common/api.js';
import { T } from '../../../../common/deskText.js';
import { GENDER_LABELS } from '../../../../common/messages.js';
import type { SessionInfo } from '../../../../common/views.js';
import { GENDERS, type Gender } from '../../../../common/vocab.js';
import { errorMessage } from '../../station/errors.js';
import { Field, FormError } from '../../widgets/Field.js';
import { AuthFrame } from './AuthFrame.js';

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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const create = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (password !== again) {
      setError(T.auth.passwordsDiffer);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const r = await bridge.invoke('setup', { officerId: officerId.trim(), name: name.trim(), gender, password });
      if (r.ok) onSignedIn(r.session);
      else setError(r.message);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame title={T.auth.setupTitle} example={example}>
      <p>{T.auth.setupIntro}</p>
      <form onSubmit={(e) => void create(e)} className="form-narrow">
        <Field label={T.auth.officerId} name="officerId" required>
          {(c) => <input {...c} autoFocus value={officerId} onChange={(e) => setOfficerId(e.target.value)} required />}
        </Field>
        <Field label={T.auth.name} name="name" required>
          {(c) => <input {...c} value={name} onChange={(e) => setName(e.target.value)} required />}
        </Field>
        <Field label={T.auth.gender} name="gender" required>
          {(c) => (
            <select {...c} value={gender} onChange={(e) => setGender(e.target.value as Gender)}>
              {GENDERS.map((g) => <option key={g} value={g}>{GENDER_LABELS[g]}</option>)}
            </select>
          )}
        </Field>
        <Field label={T.auth.password} name="password" required hint={T.auth.passwordRule}>
          {(c) => <input {...c} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required />}
        </Field>
        <Field label={T.auth.passwordAgain} name="passwordAgain" required>
          {(c) => <input {...c} type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} required />}
        </Field>
        <FormError message={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>{busy ? T.common.busy : T.auth.create}</button>
        </div>
      </form>
    </AuthFrame>
  );
}
