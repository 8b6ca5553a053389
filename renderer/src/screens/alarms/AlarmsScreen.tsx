// 告警: active and past alarms, filtered by rule and room, acknowledged with a note.
import { useMemo, useState } from 'react';
import { ALARM_LABELS, ALARM_RULES, SEVERITY_LABELS, type AlarmRule } from '../../../../common/alarms.js';
import { T } from '../../../../common/deskText.js';
import type { AlarmView } from '../../../../common/views.js';
import { formatDateTime, formatDateTimeSeconds } from '../../../../common/zonedTime.js';
import { describeSubject } from '../../format/subject.js';
import { useStation } from '../../station/context.js';
import { namesOf } from '../../station/names.js';
import { useQuery } from '../../station/useQuery.js';
import { AckDialog } from '../../widgets/AckDialog.js';
import { Field } from '../../widgets/Field.js';

type StateFilter = 'active' | 'past' | 'all';

export function AlarmsScreen() {
  const { overview, timeZone, may } = useStation();
  const [state, setState] = useState<StateFilter>('active');
  const [rule, setRule] = useState<AlarmRule | ''>('');
  const [room, setRoom] = useState('');
  const [acking, setAcking] = useState<AlarmView | null>(null);
  const { data, error } = useQuery('alarms', {
    ...(state === 'all' ? {} : { active: state === 'active' }), ...(rule ? { rule } : {}), ...(room ? { room } : {}), limit: 500,
  });
  // Past alarms name persons who have left; their names come from the full list.
  const everyone = useQuery('persons', { status: 'all', limit: 2000 }).data;
  const names = useMemo(() => namesOf(overview, everyone ?? []), [overview, everyone]);
  const mayAck = may('alarm.ack');

  return (
    <div className="alarms-screen">
      <div className="screen-head"><h1>{T.alarms.title}</h1>{data && <span className="muted">{T.alarms.count(data.length)}</span>}</div>
      <form className="filters" aria-label={T.alarms.filters} onSubmit={(e) => e.preventDefault()}>
        <Field label={T.alarms.state} name="state">
          {(c) => (
            <select {...c} value={state} onChange={(e) => setState(e.target.value as StateFilter)}>
              {(Object.keys(T.alarms.states) as StateFilter[]).map((s) => <option key={s} value={s}>{T.alarms.states[s]}</option>)}
            </select>
          )}
        </Field>
        <Field label={T.alarms.rule} name="rule">
          {(c) => (
            <select {...c} value={rule} onChange={(e) => setRule(e.target.value as AlarmRule | '')}>
              <option value="">{T.alarms.all}</option>
              {ALARM_RULES.map((r) => <option key={r} value={r}>{ALARM_LABELS[r]}</option>)}
            </select>
          )}
        </Field>
        <Field label={T.alarms.room} name="room">
          {(c) => (
            <select {...c} value={room} onChange={(e) => setRoom(e.target.value)}>
              <option value="">{T.alarms.all}</option>
              {(overview?.rooms ?? []).map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
            </select>
          )}
        </Field>
      </form>
      {error && <p className="form-error" role="alert">{error}</p>}
      {data === undefined ? <p>{T.common.loading}</p> : data.length === 0 ? <p className="muted">{T.alarms.none}</p> : (
        <table className="data alarms-table">
          <thead>
            <tr>
              <th>{T.alarms.raisedAt}</th><th>{T.alarms.severity}</th><th>{T.alarms.name}</th><th>{T.alarms.subject}</th>
              <th>{T.alarms.room}</th><th>{T.alarms.status}</th><th>{T.alarms.ack}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((a) => (
              <tr key={a.id} data-alarm-id={a.id} className={a.resolvedAt === null ? `row-active severity-${a.severity}` : 'row-past'}>
                <td className="nowrap">{formatDateTimeSeconds(a.raisedAt, timeZone)}</td>
                <td><span className={`severity severity-${a.severity}`}>{SEVERITY_LABELS[a.severity]}</span></td>
                <td>{ALARM_LABELS[a.rule]}</td>
                <td className="wrap">{describeSubject(a.subject, names)}</td>
                <td>{a.room ? names.room(a.room) : ''}</td>
                <td>{a.resolvedAt === null ? <strong>{T.alarms.active}</strong> : T.alarms.resolved(formatDateTime(a.resolvedAt, timeZone))}</td>
                <td className="wrap">
                  {a.ack
                    ? <span data-ack-note>{T.alarms.ackBy(names.officer(a.ack.by), formatDateTime(a.ack.at, timeZone))}：{a.ack.note}</span>
                    : mayAck && <button type="button" className="small" onClick={() => setAcking(a)}>{T.alarmBar.ack}</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {acking && <AckDialog alarm={acking} onClose={() => setAcking(null)} />}
    </div>
  );
}
