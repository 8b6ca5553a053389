// Several warnings acknowledged with one note (33 未按时安排饮食 after a busy night need not be 33
// dialogs). Critical alarms are never acknowledged in bulk: each needs its own look. Each
// acknowledgement is its own command in the record; those the station refuses are listed.
import { useState, type FormEvent } from 'react';
import { ALARM_ADVICE } from '../../../../common/alarmAdvice.js';
import { ALARM_LABELS } from '../../../../common/alarms.js';
import { T } from '../../../../common/deskText.js';
import type { AlarmView } from '../../../../common/views.js';
import { formatDateTime } from '../../../../common/zonedTime.js';
import { useStation } from '../../station/context.js';
import type { Names } from '../../station/names.js';
import { useSubmit } from '../../station/useSubmit.js';
import { AlarmAbout } from '../../widgets/AlarmAbout.js';
import { Field, FormError } from '../../widgets/Field.js';
import { Modal } from '../../widgets/Modal.js';
import { NoteSuggestions } from '../../widgets/NoteSuggestions.js';

interface Props {
  readonly alarms: readonly AlarmView[];
  readonly names: Names;
  readonly onClose: () => void;
}

export function BulkAckDialog({ alarms, names, onClose }: Props) {
  const { timeZone, submit } = useStation();
  const [note, setNote] = useState('');
  const [done, setDone] = useState<number | null>(null);
  const [failed, setFailed] = useState<readonly { alarm: AlarmView; message: string }[]>([]);
  const problems = [note.trim() === '' && { message: T.ack.noteRequired, field: 'note' }];
  const submission = useSubmit(problems);
  const warnings = alarms.filter((a) => a.severity === 'warning');
  const rules = [...new Set(warnings.map((a) => a.rule))];
  const notes = [...new Set(rules.flatMap((r) => ALARM_ADVICE[r].notes))];

  const confirm = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!submission.check(problems)) return;
    const refused: { alarm: AlarmView; message: string }[] = [];
    for (const [i, alarm] of warnings.entries()) {
      setDone(i);
      const outcome = await submit({ type: 'alarm.ack', alarmId: alarm.id, note: note.trim() });
      if (!outcome.ok) refused.push({ alarm, message: outcome.message });
    }
    setDone(null);
    if (refused.length === 0) onClose();
    else setFailed(refused);
  };

  return (
    <Modal title={T.ack.bulkTitle} onClose={onClose} wide>
      <form {...submission.form} onSubmit={(e) => void confirm(e)}>
        <p>{T.ack.bulkIntro(warnings.length)}</p>
        <ul className="bulk-list">
          {warnings.map((a) => (
            <li key={a.id} data-alarm-id={a.id}>
              <strong>{ALARM_LABELS[a.rule]}</strong> <AlarmAbout alarm={a} names={names} /> <span className="muted">{formatDateTime(a.raisedAt, timeZone)}</span>
              {failed.find((f) => f.alarm.id === a.id) && <span className="fault-text"> · {failed.find((f) => f.alarm.id === a.id)?.message}</span>}
            </li>
          ))}
        </ul>
        {rules.length === 1 && rules[0] && <p className="advice"><strong>{T.ack.advice}：</strong>{ALARM_ADVICE[rules[0]].advice}</p>}
        <Field label={T.ack.note} name="note" required error={submission.errorFor('note')}>
          {(c) => <textarea {...c} data-autofocus rows={2} value={note} placeholder={T.ack.notePlaceholder} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <NoteSuggestions notes={notes} onPick={setNote} />
        {failed.length > 0 && <p className="form-error" role="alert">{T.ack.bulkFailed(failed.length)}</p>}
        <FormError message={submission.unclaimed(['note'])} />
        <div className="actions">
          <button type="submit" className="primary" disabled={done !== null || failed.length > 0}>
            {done !== null ? T.ack.bulkProgress(done + 1, warnings.length) : T.ack.bulkConfirm(warnings.length)}
          </button>
          <button type="button" onClick={onClose}>{failed.length > 0 ? T.common.close : T.common.cancel}</button>
        </div>
      </form>
    </Modal>
  );
}
