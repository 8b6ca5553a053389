// 告警: alarms filtered by state (active, unacknowledged, ended, all), rule, room and a range of
// days; each names whom and where it concerns (links); acknowledged one by one with a note, or —
// warnings only — several at once with one note.
import { useMemo, useState } from 'react';
import { ALARM_LABELS, ALARM_RULES, SEVERITY_LABELS, type AlarmRule } from '../../../../common/alarms.js';
import type { ApiArg } from '../../../../common/api.js';
import { T } from '../../../../common/deskText.js';
import type { AlarmView } from '../../../../common/views.js';
import { formatDateTime, formatDateTimeSeconds } from '../../../../common/zonedTime.js';
import { rangeInstants, type DayRange } from '../../format/dayRange.js';
import { useStation } from '../../station/context.js';
import { namesOf } from '../../station/names.js';
import { useQuery } from '../../station/useQuery.js';
import { AckDialog } from '../../widgets/AckDialog.js';
import { AlarmAbout } from '../../widgets/AlarmAbout.js';
import { DayRangeFields } from '../../widgets/DayRangeFields.js';
import { Field } from '../../widgets/Field.js';
import { BulkAckDialog } from './BulkAckDialog.js';

type StateFilter = 'active' | 'unacked' | 'past' | 'all';

/** The station's filter for a state. */
function stateArg(state: StateFilter): Pick<ApiArg<'alarms'>, 'active' | 'acked'> {
  switch (state) {
    case 'active': return { active: true };
    case 'unacked': return { acked: false };
    case 'past': return { active: false };
    case 'all': return {};
  }
}

const NO_RANGE: DayRange = { from: '', to: '' };

export function AlarmsScreen() {
  const { overview, timeZone, may, awaitingAck } = useStation();
  const [state, setState] = useState<StateFilter>('active');
  const [rule, setRule] = useState<AlarmRule | ''>('');
  const [room, setRoom] = useState('');
  const [range, setRange] = useState<DayRange>(NO_RANGE);
  const [acking, setAcking] = useState<AlarmView | null>(null);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [bulk, setBulk] = useState(false);
  // A range applies once both ends are dates in order; an empty range is no filter.
  const span = range.from !== '' || range.to !== '' ? rangeInstants(range, timeZone) : null;
  const { data: asked, error } = useQuery('alarms', {
    ...stateArg(state), ...(rule ? { rule } : {}), ...(room ? { room } : {}), ...(span ? { from: span.from, to: span.to } : {}), limit: 500,
  });
  // Past alarms name persons who have left; their names come from the full list.
  const everyone = useQuery('persons', { status: 'all', limit: 2000 }).data;
  const names = useMemo(() => namesOf(overview, everyone ?? []), [overview, everyone]);
  const mayAck = may('alarm.ack');
  // 活动告警 also shows the critical alarms that ended unacknowledged: they still wait for someone.
  const data = useMemo(() => (asked && state === 'active'
    ? [...asked, ...awaitingAck.filter((a) => (!rule || a.rule === rule) && (!room || a.room === room) && (!span || (a.raisedAt >= span.from && a.raisedAt < span.to)))]
      .sort((a, b) => b.raisedAt - a.raisedAt)
    : asked), [asked, state, awaitingAck, rule, room, span]);
  const warnings = (data ?? []).filter((a) => a.severity === 'warning' && a.ack === null);
  const chosen = warnings.filter((a) => picked.has(a.id));
  const toggle = (id: string, on: boolean): void => setPicked((p) => {
    const next = new Set(p);
    if (on) next.add(id); else next.delete(id);
    return next;
  });

  return (
    <div className="alarms-screen">
      <div className="screen-head"><h1>{T.alarms.title}</h1>{data && <span className="muted">{T.alarms.count(data.length)}</span>}</div>
      <form noValidate className="filters" aria-label={T.alarms.filters} onSubmit={(e) => e.preventDefault()}>
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
        <DayRangeFields value={range} onChange={setRange} optional />
      </form>
      {mayAck && warnings.length > 0 && (
        <div className="toolbar bulk-bar">
          <label className="check">
            <input type="checkbox" checked={chosen.length === warnings.length} onChange={(e) => setPicked(new Set(e.target.checked ? warnings.map((a) => a.id) : []))} />
            <span>{T.alarms.pickAllWarnings(warnings.length)}</span>
          </label>
          <button type="button" disabled={chosen.length === 0} onClick={() => setBulk(true)}>{T.alarms.bulkAck(chosen.length)}</button>
        </div>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
      {data === undefined ? <p>{T.common.loading}</p> : data.length === 0 ? <p className="muted">{T.alarms.none}</p> : (
        <table className="data alarms-table">
          <thead>
            <tr>
              {mayAck && warnings.length > 0 && <th><span className="visually-hidden">{T.alarms.pick}</span></th>}
              <th>{T.alarms.raisedAt}</th><th>{T.alarms.severity}</th><th>{T.alarms.name}</th><th>{T.alarms.subject}</th>
              <th>{T.alarms.status}</th><th>{T.alarms.ack}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((a) => {
              const awaiting = a.resolvedAt !== null && a.ack === null && a.severity === 'critical';
              return (
                <tr key={a.id} data-alarm-id={a.id} className={a.resolvedAt === null || awaiting ? `row-active severity-${a.severity}` : 'row-past'}>
                  {mayAck && warnings.length > 0 && (
                    <td>{a.severity === 'warning' && a.ack === null && (
                      <input type="checkbox" aria-label={T.alarms.pickOne(ALARM_LABELS[a.rule], formatDateTime(a.raisedAt, timeZone))}
                        checked={picked.has(a.id)} onChange={(e) => toggle(a.id, e.target.checked)} />
                    )}</td>
                  )}
                  <td className="nowrap">{formatDateTimeSeconds(a.raisedAt, timeZone)}</td>
                  <td><span className={`severity severity-${a.severity}`}>{SEVERITY_LABELS[a.severity]}</span></td>
                  <td>{ALARM_LABELS[a.rule]}</td>
                  <td className="wrap"><AlarmAbout alarm={a} names={names} /></td>
                  <td>{a.resolvedAt === null ? <strong>{T.alarms.active}</strong> : awaiting
                    ? <strong className="fault-text">{T.alarmBar.awaiting}</strong> : T.alarms.resolved(formatDateTime(a.resolvedAt, timeZone))}</td>
                  <td className="wrap">
                    {a.ack
                      ? <span data-ack-note>{T.alarms.ackBy(names.officer(a.ack.by), formatDateTime(a.ack.at, timeZone))}：{a.ack.note}</span>
                      : mayAck && <button type="button" className="small" onClick={() => setAcking(a)}>{T.alarmBar.ack}</button>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {acking && <AckDialog alarm={acking} onClose={() => setAcking(null)} />}
      {bulk && <BulkAckDialog alarms={chosen} names={names} onClose={() => { setBulk(false); setPicked(new Set()); }} />}
    </div>
  );
}
