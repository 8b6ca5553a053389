// 延长时限: a new total limit (hours from entry) within the legal maximum, with the approver.
import { useState, type FormEvent } from 'react';
import { T } from '../../../../common/deskText.js';
import { LEGAL_LIMITS } from '../../../../common/legal.js';
import type { PersonDetail } from '../../../../common/views.js';
import { useStation } from '../../station/context.js';
import { useSubmit } from '../../station/useSubmit.js';
import { Field, FormError } from '../../widgets/Field.js';
import { OfficerSelect } from '../../widgets/OfficerSelect.js';

export function ExtendForm({ person }: { readonly person: PersonDetail }) {
  const { overview, may } = useStation();
  const p = person.summary;
  const legal = p.basis ? LEGAL_LIMITS[p.basis] : null;
  const max = legal?.max ?? null;
  const current = p.limitHours;
  const [hours, setHours] = useState(() => (max ?? 0));
  const [approver, setApprover] = useState('');
  const submission = useSubmit();
  if (!may('person.extend') || current === null) return null;

  const extend = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!submission.check([approver === '' && { message: T.actions.needApprover, field: 'approvedBy' }])) return;
    await submission.run({ type: 'person.extend', personId: p.id, limitHours: hours, approvedBy: approver });
  };

  const options = max === null ? [] : Array.from({ length: max - current }, (_, i) => current + i + 1);
  return (
    <section className="action-box">
      <h3>{T.actions.extend}</h3>
      {max === null ? <p className="muted">{T.actions.notExtendable}</p> : (
        <>
          <p className="muted">{T.actions.currentLimit(current, max)}</p>
          {options.length === 0 ? <p className="muted">{T.actions.atMax}</p> : (
            <form {...submission.form} onSubmit={(e) => void extend(e)}>
              <div className="form-grid">
                <Field label={T.actions.newLimit} name="limitHours" required error={submission.errorFor('limitHours')}>
                  {(c) => (
                    <select {...c} value={hours} onChange={(e) => setHours(Number(e.target.value))}>
                      {options.map((h) => <option key={h} value={h}>{T.common.hours(h)}</option>)}
                    </select>
                  )}
                </Field>
                <Field label={T.actions.approver} name="approvedBy" required error={submission.errorFor('approvedBy')}>
                  {(c) => <OfficerSelect control={c} officers={overview?.officers ?? []} value={approver} onChange={setApprover} />}
                </Field>
              </div>
              <FormError message={submission.unclaimed(['limitHours', 'approvedBy'])} />
              <button type="submit" disabled={submission.busy}>{T.actions.extendButton}</button>
            </form>
          )}
        </>
      )}
    </section>
  );
}
