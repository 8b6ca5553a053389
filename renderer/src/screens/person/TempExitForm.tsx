// 临时出区 (reason, approver, expected return) and the return that ends it.
import { useState, type FormEvent } from 'react';
import { HOUR_MS } from '../../../../common/legal.js';
import { T } from '../../../../common/deskText.js';
import type { PersonDetail } from '../../../../common/views.js';
import { formatDateTime, fromWallInput, toWallInput } from '../../../../common/zonedTime.js';
import { useStation } from '../../station/context.js';
import { useSubmit } from '../../station/useSubmit.js';
import { Field, FormError } from '../../widgets/Field.js';
import { OfficerSelect } from '../../widgets/OfficerSelect.js';

const FIELDS = ['reason', 'approvedBy', 'expectedReturnAt'];

export function TempExitForm({ person }: { readonly person: PersonDetail }) {
  const { overview, timeZone, skewMs, may } = useStation();
  const [reason, setReason] = useState('');
  const [approver, setApprover] = useState('');
  const [back, setBack] = useState(() => toWallInput(Date.now() + skewMs + 2 * HOUR_MS, timeZone));
  const submission = useSubmit();
  const p = person.summary;
  if (!may('person.tempExit')) return null;

  const leave = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const at = fromWallInput(back, timeZone);
    if (at === null) return submission.fail(T.actions.badTime, 'expectedReturnAt');
    const outcome = await submission.run({ type: 'person.tempExit', personId: p.id, reason: reason.trim(), approvedBy: approver, expectedReturnAt: new Date(at).toISOString() });
    if (outcome.ok) setReason('');
  };

  if (p.tempExit) {
    return (
      <section className="action-box">
        <h3>{T.actions.tempExit}</h3>
        <p className="note">{T.actions.onTempExit(formatDateTime(p.tempExit.at, timeZone), formatDateTime(p.tempExit.expectedReturnAt, timeZone))}（{p.tempExit.reason}）</p>
        <FormError message={submission.unclaimed([])} />
        <button type="button" className="primary" disabled={submission.busy} onClick={() => void submission.run({ type: 'person.return', personId: p.id })}>{T.actions.returned}</button>
      </section>
    );
  }

  return (
    <section className="action-box">
      <h3>{T.actions.tempExit}</h3>
      <form onSubmit={(e) => void leave(e)}>
        <div className="form-grid">
          <Field label={T.actions.reason} name="reason" required error={submission.errorFor('reason')} wide>
            {(c) => <input {...c} value={reason} placeholder={T.actions.reasonPlaceholder} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <Field label={T.actions.approver} name="approvedBy" required error={submission.errorFor('approvedBy')}>
            {(c) => <OfficerSelect control={c} officers={overview?.officers ?? []} value={approver} onChange={setApprover} />}
          </Field>
          <Field label={T.actions.expectedReturn} name="expectedReturnAt" required error={submission.errorFor('expectedReturnAt')}>
            {(c) => <input {...c} type="datetime-local" value={back} onChange={(e) => setBack(e.target.value)} />}
          </Field>
        </div>
        <FormError message={submission.unclaimed(FIELDS)} />
        <button type="submit" disabled={submission.busy}>{T.actions.leave}</button>
      </form>
    </section>
  );
}
