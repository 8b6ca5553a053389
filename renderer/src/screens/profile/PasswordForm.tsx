// Changing one's own password: the old one, the new one twice; the station checks the rule and the old password.
import { useState, type FormEvent } from 'react';
import { T } from '../../../../common/deskText.js';
import { useStation } from '../../station/context.js';
import { errorMessage } from '../../station/errors.js';
import { Field, FormError } from '../../widgets/Field.js';

export function PasswordForm() {
  const { bridge } = useStation();
  const [oldPassword, setOld] = useState('');
  const [newPassword, setNew] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const P = T.profile;

  const change = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setDone(false);
    if (newPassword !== again) return setError(T.auth.passwordsDiffer);
    setBusy(true);
    setError(undefined);
    try {
      const r = await bridge.invoke('changePassword', { oldPassword, newPassword });
      if (!r.ok) return setError(r.message);
      setDone(true);
      setOld(''); setNew(''); setAgain('');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel">
      <h2>{P.password}</h2>
      <form noValidate className="form-narrow" onSubmit={(e) => void change(e)}>
        <Field label={P.oldPassword} name="oldPassword" required>
          {(c) => <input {...c} type="password" autoComplete="current-password" value={oldPassword} onChange={(e) => setOld(e.target.value)} />}
        </Field>
        <Field label={P.newPassword} name="newPassword" required hint={T.auth.passwordRule}>
          {(c) => <input {...c} type="password" autoComplete="new-password" value={newPassword} onChange={(e) => setNew(e.target.value)} />}
        </Field>
        <Field label={P.again} name="again" required>
          {(c) => <input {...c} type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />}
        </Field>
        <FormError message={error} />
        {done && <p className="note" role="status">{P.changed}</p>}
        <div className="actions"><button type="submit" className="primary" disabled={busy}>{busy ? T.common.busy : P.change}</button></div>
      </form>
    </section>
  );
}
