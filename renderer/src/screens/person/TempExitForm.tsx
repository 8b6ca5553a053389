// 临时出区 (reason, approver, expected return) and the return that ends it.
import { useState, type FormEvent } from 'react';
import { HOUR_MS } from '../../../../common/legal.js';
import { T } from '../../../../common/deskText.js';
import type { PersonDetail } from '../../../../common/views.js';
import { formatDateTime } from '../../../../common/zonedTime.js';
import { useStation } from '../../station/context.js';
import { useNow } from '../../station/now.js';
import { useSubmit } from '../../station/useSubmit.js';
import { DateTimeFields, wallInstant, wallText, type WallText } from '../../widgets/dates/DateTimeFields.js';
import { Field, FormError } from '../../widgets/Field.js';
import { OfficerSelect } from '../../widgets/OfficerSelect.js';

const FIELDS = ['reason', 'approvedBy', 'expectedReturnAt'];

export function TempExitForm({ person }: { readonly person: PersonDetail }) {
  const { overview, timeZone, skewMs, may } = useStation();
  const [reason, setReason] = useState('');
  const [approver, setApprover] = useState('');
  const [back, setBack] = useState<WallText>(() => wallText(Date.now() + skewMs + 2 * HOUR_MS, timeZone));
  const submission = useSubmit();
  const now = useNow();
  const p = person.summary;
  if (!may('person.tempExit')) return null;

  const leave = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const at = wallInstant(back, timeZone);
    const ok = submission.check([
      reason.trim() === '' && { message: T.actions.needReason, field: 'reason' },
      approver === '' && { message: T.actions.needApprover, field: 'approvedBy' },
      at === null ? { message: T.actions.badTime, field: 'expectedReturnAt' } : at <= Date.now() + skewMs && { message: T.actions.pastReturn, field: 'expectedReturnAt' },
    ]);
    if (!ok || at === null) return;
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
      <form {...submission.form} onSubmit={(e) => void leave(e)}>
        <div className="form-grid">
          <Field label={T.actions.reason} name="reason" required error={submission.errorFor('reason')} wide>
            {(c) => <input {...c} value={reason} placeholder={T.actions.reasonPlaceholder} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <Field label={T.actions.approver} name="approvedBy" required error={submission.errorFor('approvedBy')}>
            {(c) => <OfficerSelect control={c} officers={overview?.officers ?? []} value={approver} onChange={setApprover} />}
          </Field>
          <DateTimeFields legend={T.actions.expectedReturn} name="expectedReturnAt" required value={back} onChange={setBack}
            error={submission.errorFor('expectedReturnAt')} now={now} timeZone={timeZone} laterHours={[1, 2, 4]} />
        </div>
        <FormError message={submission.unclaimed(FIELDS)} />
        <button type="submit" disabled={submission.busy}>{T.actions.leave}</button>
      </form>
    </section>
  );
}
