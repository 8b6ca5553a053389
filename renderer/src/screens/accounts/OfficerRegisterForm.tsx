// 登记民警: an account belongs to a registered officer, so a new officer is registered first
// (officer.register, recorded like every command, with the station's refusals at their fields).
import { useState, type FormEvent } from 'react';
import { T } from '../../../../common/deskText.js';
import { GENDER_LABELS } from '../../../../common/messages.js';
import { GENDERS, type Gender } from '../../../../common/vocab.js';
import { useSubmit } from '../../station/useSubmit.js';
import { Field, FormError } from '../../widgets/Field.js';

const FIELDS = ['officer.id', 'officer.name', 'officer.gender', 'officer.tag'];

export function OfficerRegisterForm({ onRegistered }: { readonly onRegistered: (officerId: string) => void }) {
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [gender, setGender] = useState<Gender>('male');
  const [tag, setTag] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const submission = useSubmit();
  const A = T.accounts;

  const register = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setDone(null);
    const officer = { id: id.trim(), name: name.trim(), gender, ...(tag.trim() ? { tag: tag.trim() } : {}) };
    const outcome = await submission.run({ type: 'officer.register', officer });
    if (!outcome.ok) return;
    setDone(A.registered(officer.name));
    setId(''); setName(''); setTag('');
    onRegistered(officer.id);
  };

  return (
    <section className="panel">
      <h2>{A.register}</h2>
      <p className="muted">{A.registerIntro}</p>
      <form noValidate onSubmit={(e) => void register(e)}>
        <div className="form-grid">
          <Field label={A.officerId} name="officer.id" required error={submission.errorFor('officer.id')}>
            {(c) => <input {...c} value={id} autoComplete="off" onChange={(e) => setId(e.target.value)} />}
          </Field>
          <Field label={A.name} name="officer.name" required error={submission.errorFor('officer.name')}>
            {(c) => <input {...c} value={name} autoComplete="off" onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field label={A.gender} name="officer.gender" required error={submission.errorFor('officer.gender')}>
            {(c) => (
              <select {...c} value={gender} onChange={(e) => setGender(e.target.value as Gender)}>
                {GENDERS.map((g) => <option key={g} value={g}>{GENDER_LABELS[g]}</option>)}
              </select>
            )}
          </Field>
          <Field label={A.tag} name="officer.tag" error={submission.errorFor('officer.tag')}>
            {(c) => <input {...c} value={tag} autoComplete="off" onChange={(e) => setTag(e.target.value)} />}
          </Field>
        </div>
        <FormError message={submission.unclaimed(FIELDS)} />
        {done && <p className="note" role="status">{done}</p>}
        <div className="actions">
          <button type="submit" disabled={submission.busy}>{submission.busy ? T.common.busy : A.registerButton}</button>
        </div>
      </form>
    </section>
  );
}
