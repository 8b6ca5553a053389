// 人员: everyone registered, in the area or gone, searchable; the way to an exited person's form.
import { useDeferredValue, useState } from 'react';
import { T } from '../../../../common/deskText.js';
import { PERSON_STATUS_LABELS, ROLE_SHORT_LABELS } from '../../../../common/messages.js';
import { formatDateTime } from '../../../../common/zonedTime.js';
import { whereaboutsText } from '../../format/whereabouts.js';
import { routeHref } from '../../router/route.js';
import { useStation } from '../../station/context.js';
import { useQuery } from '../../station/useQuery.js';
import { Countdown } from '../../widgets/Countdown.js';
import { Field } from '../../widgets/Field.js';

type StatusFilter = 'in' | 'exited' | 'all';

export function PersonsScreen() {
  const { overview, names, timeZone } = useStation();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<StatusFilter>('in');
  const search = useDeferredValue(text.trim());
  const { data, error } = useQuery('persons', { status, limit: 500, ...(search ? { text: search } : {}) });
  const warn = overview?.settings.timeLimitWarnMinutes ?? 60;

  return (
    <div className="persons-screen">
      <div className="screen-head"><h1>{T.persons.title}</h1></div>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
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
      {data === undefined ? <p>{T.common.loading}</p> : data.length === 0 ? <p className="muted">{T.persons.none}</p> : (
        <table className="data">
          <thead>
            <tr>
              <th>{T.persons.name}</th><th>{T.persons.id}</th><th>{T.persons.role}</th><th>{T.persons.entered}</th>
              <th>{T.persons.place}</th><th>{T.persons.limit}</th><th>{T.persons.exited}</th><th />
            </tr>
          </thead>
          <tbody>
            {data.map((p) => (
              <tr key={p.id} data-person={p.id}>
                <td className="wrap"><a href={routeHref({ name: 'person', id: p.id })}>{p.name}</a></td>
                <td className="mono">{p.id}</td>
                <td>{ROLE_SHORT_LABELS[p.role]}</td>
                <td className="nowrap">{formatDateTime(p.enteredAt, timeZone)}</td>
                <td>{p.status === 'in' ? whereaboutsText(p.whereabouts, names) : PERSON_STATUS_LABELS[p.status]}</td>
                <td>{p.status === 'exited' ? '—' : <Countdown deadlineAt={p.deadlineAt} warnMinutes={warn} timeZone={timeZone} />}</td>
                <td className="nowrap">{p.exitedAt !== null ? formatDateTime(p.exitedAt, timeZone) : ''}</td>
                <td className="nowrap"><a href={routeHref({ name: 'person', id: p.id })}>{T.persons.open}</a> · <a href={routeHref({ name: 'form', id: p.id })}>{T.persons.form}</a></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
