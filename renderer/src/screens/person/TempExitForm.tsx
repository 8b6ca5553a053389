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
import { lastRoom } from './lastRoom.js';

const FIELDS = ['reason', 'approvedBy', 'expectedReturnAt'];

export function TempExitForm({ person }: { readonly person: PersonDetail }) {
  const { overview, names, timeZone, skewMs, may } = useStation();
  const [reason, setReason] = useState('');
  const [approver, setApprover] = useState('');
  const [back, setBack] = useState<WallText>(() => wallText(Date.now() + skewMs + 2 * HOUR_MS, timeZone));
  const now = useNow();
  const at = wallInstant(back, timeZone);
  const problems = [
    reason.trim() === '' && { message: T.actions.needReason, field: 'reason' },
    approver === '' && { message: T.actions.needApprover, field: 'approvedBy' },
    at === null ? { message: T.actions.badTime, field: 'expectedReturnAt' } : at <= now && { message: T.actions.pastReturn, field: 'expectedReturnAt' },
  ];
  const submission = useSubmit(problems);
  const p = person.summary;
  if (!may('person.tempExit')) return null;

  const leave = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!submission.check(problems) || at === null) return;
    const outcome = await submission.run({ type: 'person.tempExit', personId: p.id, reason: reason.trim(), approvedBy: approver, expectedReturnAt: new Date(at).toISOString() });
    if (outcome.ok) setReason('');
  };

  /** The return, and — most often — the person taken straight back to the room they left from. */
  const returnTo = async (room: string | null): Promise<void> => {
    if (!(await submission.run({ type: 'person.return', personId: p.id })).ok || room === null) return;
    await submission.run({ type: 'person.move', who: p.id, room });
  };
  const wayBack = lastRoom(person);

  if (p.tempExit) {
    return (
      <section className="action-box">
        <h3>{T.actions.tempExit}</h3>
        <p className="note">{T.actions.onTempExit(formatDateTime(p.tempExit.at, timeZone), formatDateTime(p.tempExit.expectedReturnAt, timeZone))}（{p.tempExit.reason}）</p>
        <FormError message={submission.unclaimed([])} />
        <div className="actions">
          {wayBack !== null && (
            <button type="button" className="primary" disabled={submission.busy} data-return-to={wayBack}
              onClick={() => void returnTo(wayBack)}>{T.actions.returnTo(names.room(wayBack))}</button>
          )}
          <button type="button" className={wayBack === null ? 'primary' : ''} disabled={submission.busy} onClick={() => void returnTo(null)}>{T.actions.returned}</button>
        </div>
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
