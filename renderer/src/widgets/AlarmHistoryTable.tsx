// Alarms of the past as a table (drill-downs, the alarm report): when, how severe, what, about
// whom, where, when it ended and who acknowledged it with what note.
import { ALARM_LABELS, SEVERITY_LABELS } from '../../../common/alarms.js';
import { T } from '../../../common/deskText.js';
import type { AlarmView } from '../../../common/views.js';
import { formatDateTime, formatDateTimeSeconds } from '../../../common/zonedTime.js';
import { describeSubject } from '../format/subject.js';
import type { Names } from '../station/names.js';

interface Props {
  readonly alarms: readonly AlarmView[];
  readonly names: Names;
  readonly timeZone: string;
  readonly className?: string;
}

export function AlarmHistoryTable({ alarms, names, timeZone, className }: Props) {
  const C = T.alarmReport.columns;
  return (
    <table className={`data alarms-table${className ? ` ${className}` : ''}`}>
      <thead>
        <tr><th>{C.raisedAt}</th><th>{C.severity}</th><th>{C.name}</th><th>{C.subject}</th><th>{C.room}</th><th>{C.resolvedAt}</th><th>{C.ack}</th></tr>
      </thead>
      <tbody>
        {alarms.map((a) => (
          <tr key={a.id} data-alarm-id={a.id} data-rule={a.rule} className={a.resolvedAt === null ? `row-active severity-${a.severity}` : ''}>
            <td className="nowrap">{formatDateTimeSeconds(a.raisedAt, timeZone)}</td>
            <td><span className={`severity severity-${a.severity}`}>{SEVERITY_LABELS[a.severity]}</span></td>
            <td>{ALARM_LABELS[a.rule]}</td>
            <td className="wrap">{describeSubject(a.subject, names)}</td>
            <td className="wrap">{a.room ? names.room(a.room) : ''}</td>
            <td className="nowrap">{a.resolvedAt === null ? <strong>{T.alarmReport.active}</strong> : formatDateTime(a.resolvedAt, timeZone)}</td>
            <td className="wrap">{a.ack ? `${names.officer(a.ack.by)} ${formatDateTime(a.ack.at, timeZone)}：${a.ack.note}` : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
