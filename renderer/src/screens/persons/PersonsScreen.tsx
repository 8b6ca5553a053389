// 人员: by default 在区人员, the nearest legal deadline first (for every role: this is the desk's
// list of who must be dealt with next), with where they are, when they last ate and their alarms;
// or everyone registered, searchable — the way to an exited person's form.
import { useDeferredValue, useMemo, useState } from 'react';
import { T } from '../../../../common/deskText.js';
import { PERSON_STATUS_LABELS, ROLE_SHORT_LABELS } from '../../../../common/messages.js';
import type { PersonSummary } from '../../../../common/views.js';
import { formatDateTime, formatSpan } from '../../../../common/zonedTime.js';
import { whereaboutsText } from '../../format/whereabouts.js';
import { routeHref } from '../../router/route.js';
import { useStation } from '../../station/context.js';
import { useNow } from '../../station/now.js';
import { useQuery } from '../../station/useQuery.js';
import { Countdown } from '../../widgets/Countdown.js';
import { Field } from '../../widgets/Field.js';
import { PersonBadges } from '../../widgets/PersonBadges.js';

type StatusFilter = 'in' | 'exited' | 'all';

/** The nearest deadline first; no deadline last; then the earliest entry. */
export function byRemainingTime(a: PersonSummary, b: PersonSummary): number {
  return (a.deadlineAt ?? Infinity) - (b.deadlineAt ?? Infinity) || a.enteredAt - b.enteredAt;
}

export function PersonsScreen() {
  const { overview, names, timeZone } = useStation();
  const now = useNow();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<StatusFilter>('in');
  const search = useDeferredValue(text.trim());
  const { data, error } = useQuery('persons', { status, limit: 500, ...(search ? { text: search } : {}) });
  const warn = overview?.settings.timeLimitWarnMinutes ?? 60;
  const rows = useMemo(() => (data && status === 'in' ? [...data].sort(byRemainingTime) : data), [data, status]);

  return (
    <div className="persons-screen">
      <div className="screen-head"><h1>{status === 'in' ? T.persons.inAreaTitle : T.persons.title}</h1>{rows && <span className="muted">{T.common.persons(rows.length)}</span>}</div>
      <form noValidate className="filters" onSubmit={(e) => e.preventDefault()}>
        <Field label={T.persons.search} name="text" className="field-search">
          {(c) => <input {...c} type="search" value={text} onChange={(e) => setText(e.target.value)} />}
        </Field>
        <Field label={T.persons.status} name="status">
          {(c) => (
            <select {...c} value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
              {(Object.keys(T.persons.statuses) as StatusFilter[]).map((s) => <option key={s} value={s}>{T.persons.statuses[s]}</option>)}
            </select>
          )}
        </Field>
      </form>
      {error && <p className="form-error" role="alert">{error}</p>}
      {rows === undefined ? <p>{T.common.loading}</p> : rows.length === 0 ? <p className="muted">{T.persons.none}</p> : (
        <table className="data persons-table">
          <thead>
            <tr>
              <th>{T.persons.name}</th><th>{T.persons.role}</th><th>{T.persons.place}</th><th>{T.persons.limit}</th>
              {status === 'in' ? <><th>{T.persons.lastMeal}</th><th>{T.persons.alarms}</th></> : <><th>{T.persons.entered}</th><th>{T.persons.exited}</th></>}
              <th>{T.persons.id}</th><th />
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id} data-person={p.id}>
                <td className="wrap"><a className="person-name" href={routeHref({ name: 'person', id: p.id })}>{p.name}</a> <PersonBadges person={p} role={false} /></td>
                <td>{ROLE_SHORT_LABELS[p.role]}</td>
                <td className="wrap">{p.status === 'in' ? whereaboutsText(p.whereabouts, names) : PERSON_STATUS_LABELS[p.status]}</td>
                <td>{p.status === 'exited' ? '—' : <Countdown deadlineAt={p.deadlineAt} warnMinutes={warn} timeZone={timeZone} />}</td>
                {status === 'in' ? (
                  <>
                    <td className="nowrap">{p.lastMealAt !== null ? T.handover.mealAgo(formatDateTime(p.lastMealAt, timeZone).slice(5), formatSpan(now - p.lastMealAt)) : T.persons.noMeal}</td>
                    <td className={p.activeAlarms > 0 ? 'fault-text' : ''}>{p.activeAlarms > 0 ? p.activeAlarms : ''}</td>
                  </>
                ) : (
                  <>
                    <td className="nowrap">{formatDateTime(p.enteredAt, timeZone)}</td>
                    <td className="nowrap">{p.exitedAt !== null ? formatDateTime(p.exitedAt, timeZone) : ''}</td>
                  </>
                )}
                <td className="mono">{p.id}</td>
                <td className="nowrap"><a href={routeHref({ name: 'person', id: p.id })}>{T.persons.open}</a> · <a href={routeHref({ name: 'form', id: p.id })}>{T.persons.form}</a></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
