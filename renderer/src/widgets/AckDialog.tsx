// Acknowledging an alarm: the officer says what was done about it; the note goes into the record.
import { useState, type FormEvent } from 'react';
import { ALARM_LABELS, SEVERITY_LABELS } from '../../../common/alarms.js';
import { T } from '../../../common/deskText.js';
import type { AlarmView } from '../../../common/views.js';
import { formatDateTimeSeconds } from '../../../common/zonedTime.js';
import { describeSubject } from '../format/subject.js';
import { useStation } from '../station/context.js';
import { useSubmit } from '../station/useSubmit.js';
import { Field, FormError } from './Field.js';
import { Modal } from './Modal.js';

interface Props {
  readonly alarm: AlarmView;
  readonly onClose: () => void;
}

export function AckDialog({ alarm, onClose }: Props) {
  const { names, timeZone } = useStation();
  const [note, setNote] = useState('');
  const submission = useSubmit();

  const confirm = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (note.trim() === '') {
      submission.fail(T.ack.noteRequired, 'note');
      return;
    }
    const outcome = await submission.run({ type: 'alarm.ack', alarmId: alarm.id, note: note.trim() });
    if (outcome.ok) onClose();
  };

  return (
    <Modal title={T.ack.title} onClose={onClose}>
      <form onSubmit={(e) => void confirm(e)}>
        <dl className="facts">
          <dt>{T.ack.alarm}</dt><dd><span className={`severity severity-${alarm.severity}`}>{SEVERITY_LABELS[alarm.severity]}</span> {ALARM_LABELS[alarm.rule]}</dd>
          <dt>{T.ack.subject}</dt><dd>{describeSubject(alarm.subject, names)}</dd>
          {alarm.room && <><dt>{T.ack.room}</dt><dd>{names.room(alarm.room)}</dd></>}
          <dt>{T.ack.raisedAt}</dt><dd>{formatDateTimeSeconds(alarm.raisedAt, timeZone)}</dd>
        </dl>
        <Field label={T.ack.note} name="note" required error={submission.errorFor('note')}>
          {(c) => <textarea {...c} data-autofocus rows={3} value={note} placeholder={T.ack.notePlaceholder} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <FormError message={submission.unclaimed(['note'])} />
        <div className="actions">
          <button type="submit" className="primary" disabled={submission.busy}>{submission.busy ? T.common.busy : T.ack.confirm}</button>
          <button type="button" onClick={onClose}>{T.common.cancel}</button>
        </div>
      </form>
    </Modal>
  );
}
