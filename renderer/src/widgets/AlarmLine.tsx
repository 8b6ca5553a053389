// One alarm in a line: severity, name, whether it ended unacknowledged, whom and where it concerns
// (links), when; its acknowledgement or the button for it.
import { ALARM_LABELS, SEVERITY_LABELS } from '../../../common/alarms.js';
import { T } from '../../../common/deskText.js';
import type { AlarmView } from '../../../common/views.js';
import { formatDateTimeSeconds } from '../../../common/zonedTime.js';
import { alarmCause } from '../format/alarmCause.js';
import { useStation } from '../station/context.js';
import { AlarmAbout } from './AlarmAbout.js';

interface Props {
  readonly alarm: AlarmView;
  readonly onAck?: ((alarm: AlarmView) => void) | undefined;
}

export function AlarmLine({ alarm, onAck }: Props) {
  const { names, timeZone } = useStation();
  const ended = alarm.resolvedAt !== null;
  const cause = alarmCause(alarm, names);
  return (
    <li className={`alarm-line severity-${alarm.severity}${alarm.ack ? ' acked' : ''}${ended ? ' ended' : ''}`} data-alarm-id={alarm.id} data-rule={alarm.rule}
      data-state={ended ? 'awaiting' : 'active'}>
      <span className={`severity severity-${alarm.severity}`}>{SEVERITY_LABELS[alarm.severity]}</span>
      <strong className="alarm-name">{ALARM_LABELS[alarm.rule]}</strong>
      {ended && <span className="badge awaiting">{T.alarmBar.awaiting}</span>}
      <AlarmAbout alarm={alarm} names={names} />
      {cause && <em className="alarm-cause"> · {cause}</em>}
      <time className="alarm-time">{formatDateTimeSeconds(alarm.raisedAt, timeZone).slice(5)}</time>
      {alarm.ack
        ? <span className="ack-done" title={alarm.ack.note}>{T.alarmBar.acked}</span>
        : onAck && <button type="button" className="small" onClick={() => onAck(alarm)}>{T.alarmBar.ack}</button>}
    </li>
  );
}
