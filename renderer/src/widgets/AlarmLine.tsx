// One alarm in a line: severity, name, subject, room and time; acknowledgement or its button.
import { ALARM_LABELS, SEVERITY_LABELS } from '../../../common/alarms.js';
import { T } from '../../../common/deskText.js';
import type { AlarmView } from '../../../common/views.js';
import { formatDateTimeSeconds } from '../../../common/zonedTime.js';
import { alarmCause } from '../format/alarmCause.js';
import { describeSubject } from '../format/subject.js';
import { useStation } from '../station/context.js';

interface Props {
  readonly alarm: AlarmView;
  readonly onAck?: ((alarm: AlarmView) => void) | undefined;
}

export function AlarmLine({ alarm, onAck }: Props) {
  const { names, timeZone } = useStation();
  const subject = describeSubject(alarm.subject, names);
  const room = alarm.room && !alarm.subject.startsWith('room:') ? names.room(alarm.room) : '';
  const cause = alarmCause(alarm, names);
  return (
    <li className={`alarm-line severity-${alarm.severity}${alarm.ack ? ' acked' : ''}`} data-alarm-id={alarm.id} data-rule={alarm.rule}>
      <span className={`severity severity-${alarm.severity}`}>{SEVERITY_LABELS[alarm.severity]}</span>
      <strong className="alarm-name">{ALARM_LABELS[alarm.rule]}</strong>
      <span className="alarm-subject" title={[subject, room, cause].filter(Boolean).join(' · ')}>
        {subject}{room ? ` · ${room}` : ''}{cause && <em className="alarm-cause"> · {cause}</em>}
      </span>
      <time className="alarm-time">{formatDateTimeSeconds(alarm.raisedAt, timeZone).slice(5)}</time>
      {alarm.ack
        ? <span className="ack-done" title={alarm.ack.note}>{T.alarmBar.acked}</span>
        : onAck && <button type="button" className="small" onClick={() => onAck(alarm)}>{T.alarmBar.ack}</button>}
    </li>
  );
}
