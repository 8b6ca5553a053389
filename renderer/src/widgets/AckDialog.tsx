// Acknowledging an alarm: what it is about, what to do (处置建议), and the officer's note of what
// was done — typed, or a common one picked and edited. The note goes into the record.
import { useState, type FormEvent } from 'react';
import { ALARM_ADVICE } from '../../../common/alarmAdvice.js';
import { ALARM_LABELS, SEVERITY_LABELS } from '../../../common/alarms.js';
import { T } from '../../../common/deskText.js';
import type { AlarmView } from '../../../common/views.js';
import { formatDateTimeSeconds } from '../../../common/zonedTime.js';
import { useStation } from '../station/context.js';
import { useSubmit } from '../station/useSubmit.js';
import { AlarmAbout } from './AlarmAbout.js';
import { Field, FormError } from './Field.js';
import { Modal } from './Modal.js';
import { NoteSuggestions } from './NoteSuggestions.js';

interface Props {
  readonly alarm: AlarmView;
  readonly onClose: () => void;
}

export function AckDialog({ alarm, onClose }: Props) {
  const { names, timeZone } = useStation();
  const [note, setNote] = useState('');
  const problems = [note.trim() === '' && { message: T.ack.noteRequired, field: 'note' }];
  const submission = useSubmit(problems);
  const advice = ALARM_ADVICE[alarm.rule];

  const confirm = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!submission.check(problems)) return;
    const outcome = await submission.run({ type: 'alarm.ack', alarmId: alarm.id, note: note.trim() });
    if (outcome.ok) onClose();
  };

  return (
    <Modal title={T.ack.title} onClose={onClose}>
      <form {...submission.form} onSubmit={(e) => void confirm(e)}>
        <dl className="facts">
          <dt>{T.ack.alarm}</dt>
          <dd>
            <span className={`severity severity-${alarm.severity}`}>{SEVERITY_LABELS[alarm.severity]}</span> {ALARM_LABELS[alarm.rule]}
            {alarm.resolvedAt !== null && alarm.ack === null && <> <span className="badge awaiting">{T.alarmBar.awaiting}</span></>}
          </dd>
          <dt>{T.ack.subject}</dt><dd><AlarmAbout alarm={alarm} names={names} /></dd>
          <dt>{T.ack.raisedAt}</dt><dd>{formatDateTimeSeconds(alarm.raisedAt, timeZone)}</dd>
          {alarm.resolvedAt !== null && <><dt>{T.ack.resolvedAt}</dt><dd>{formatDateTimeSeconds(alarm.resolvedAt, timeZone)}</dd></>}
        </dl>
        <p className="advice" data-advice><strong>{T.ack.advice}：</strong>{advice.advice}</p>
        <Field label={T.ack.note} name="note" required error={submission.errorFor('note')}>
          {(c) => <textarea {...c} data-autofocus rows={3} value={note} placeholder={T.ack.notePlaceholder} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <NoteSuggestions notes={advice.notes} onPick={setNote} />
        <FormError message={submission.unclaimed(['note'])} />
        <div className="actions">
          <button type="submit" className="primary" disabled={submission.busy}>{submission.busy ? T.common.busy : T.ack.confirm}</button>
          <button type="button" onClick={onClose}>{T.common.cancel}</button>
        </div>
      </form>
    </Modal>
  );
}
