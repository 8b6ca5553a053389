// 交接班记录: what the next shift takes over — who is in custody and where, time left, meals, the
// items the desk holds for them, the sessions in progress and the alarms not yet dealt with —
// printable on A4 with the record's head hash and lines for both officers' signatures.
import { ALARM_LABELS, SEVERITY_LABELS } from '../../../../common/alarms.js';
import { T } from '../../../../common/deskText.js';
import { ROLE_SHORT_LABELS, SESSION_KIND_LABELS } from '../../../../common/messages.js';
import type { Handover } from '../../../../common/views.js';
import { formatDateTime, formatSpan } from '../../../../common/zonedTime.js';
import { whereaboutsText } from '../../format/whereabouts.js';
import { routeHref } from '../../router/route.js';
import { useStation } from '../../station/context.js';
import { useNow } from '../../station/now.js';
import { useQuery } from '../../station/useQuery.js';
import { AlarmAbout } from '../../widgets/AlarmAbout.js';
import { Countdown } from '../../widgets/Countdown.js';
import { PersonBadges } from '../../widgets/PersonBadges.js';

const C = T.handover.columns;

function PersonsTable({ data }: { readonly data: Handover }) {
  const { overview, names, timeZone } = useStation();
  const now = useNow();
  const warn = overview?.settings.timeLimitWarnMinutes ?? 60;
  if (data.persons.length === 0) return <p className="muted">{T.handover.noPersons}</p>;
  return (
    <table className="form-table grid handover-persons">
      <thead>
        <tr><th>{C.name}</th><th>{C.role}</th><th>{C.place}</th><th>{C.left}</th><th>{C.meal}</th><th>{C.items}</th><th>{C.officers}</th><th>{C.alarms}</th></tr>
      </thead>
      <tbody>
        {data.persons.map(({ summary: p, officers, itemsHeld }) => (
          <tr key={p.id} data-person={p.id}>
            <td><a href={routeHref({ name: 'person', id: p.id })}>{p.name}</a> <PersonBadges person={p} role={false} /></td>
            <td>{ROLE_SHORT_LABELS[p.role]}</td>
            <td>{p.status === 'temp_exit' && p.tempExit
              ? `${T.overview.outside} · ${T.overview.expectedBack(formatDateTime(p.tempExit.expectedReturnAt, timeZone).slice(5))}`
              : whereaboutsText(p.whereabouts, names)}</td>
            <td><Countdown deadlineAt={p.deadlineAt} warnMinutes={warn} timeZone={timeZone} /></td>
            <td>{p.lastMealAt !== null
              ? T.handover.mealAgo(formatDateTime(p.lastMealAt, timeZone).slice(5), formatSpan(now - p.lastMealAt))
              : T.handover.noMeal(formatSpan(now - p.enteredAt))}</td>
            <td>{itemsHeld.length === 0 ? T.handover.noItems : itemsHeld.map((i) => T.handover.item(i.name, i.quantity, i.locker)).join('、')}</td>
            <td>{officers.map((o) => names.officer(o)).join('、')}</td>
            <td className={p.activeAlarms > 0 ? 'fault-text' : ''}>{p.activeAlarms || ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function HandoverScreen() {
  const { names, timeZone } = useStation();
  const { data, error } = useQuery('handover', {});
  if (error && data === undefined) return <p className="form-error" role="alert">{error}</p>;
  if (data === undefined) return <p>{T.common.loading}</p>;
  return (
    <div className="handover-screen">
      <div className="toolbar no-print">
        <button type="button" className="primary" onClick={() => window.print()}>{T.handover.print}</button>
        <span className="muted">{T.handover.a4} · {T.handover.intro}</span>
      </div>
      <article className="report-sheet handover-sheet" aria-label={T.handover.title}>
        <h1>{T.handover.title}</h1>
        <p className="form-head"><span>{data.area?.name ?? ''}</span><span>{T.handover.at(formatDateTime(data.now, timeZone))}</span></p>
        <section className="form-section-print">
          <h2>{T.handover.persons(data.persons.length)}</h2>
          <PersonsTable data={data} />
        </section>
        <section className="form-section-print">
          <h2>{T.handover.sessions(data.sessions.length)}</h2>
          {data.sessions.length === 0 ? <p>{T.handover.noSessions}</p> : (
            <table className="form-table grid">
              <thead><tr><th>{C.kind}</th><th>{C.room}</th><th>{C.person}</th><th>{C.started}</th><th>{C.sessionOfficers}</th></tr></thead>
              <tbody>
                {data.sessions.map((s) => (
                  <tr key={s.id} data-session={s.id}>
                    <td>{SESSION_KIND_LABELS[s.kind]}</td><td>{names.room(s.room)}</td>
                    <td>{data.persons.find((p) => p.summary.id === s.personId)?.summary.name ?? s.personId}</td>
                    <td>{formatDateTime(s.startedAt, timeZone)}</td><td>{s.officers.map((o) => names.officer(o)).join('、')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="form-section-print">
          <h2>{T.handover.alarms(data.alarms.length)}</h2>
          {data.alarms.length === 0 ? <p>{T.handover.noAlarms}</p> : (
            <table className="form-table grid">
              <thead><tr><th>{C.raisedAt}</th><th>{C.alarm}</th><th>{C.subject}</th><th>{C.state}</th></tr></thead>
              <tbody>
                {data.alarms.map((a) => (
                  <tr key={a.id} data-alarm-id={a.id}>
                    <td>{formatDateTime(a.raisedAt, timeZone)}</td>
                    <td>{SEVERITY_LABELS[a.severity]} · {ALARM_LABELS[a.rule]}</td>
                    <td><AlarmAbout alarm={a} names={names} /></td>
                    <td>{a.resolvedAt === null ? T.alarmReport.active : T.alarmBar.awaiting}{a.ack ? ` · ${T.alarmBar.acked}` : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <table className="form-table handover-sign">
          <tbody><tr><th>{T.handover.handedBy}</th><td className="sign" /><th>{T.handover.takenBy}</th><td className="sign" /></tr></tbody>
        </table>
        <footer className="form-foot">
          <span data-handover="hash">{T.form.hash(data.headHash.slice(0, 16))}</span>
          <span>{T.form.printedAt(formatDateTime(data.now, timeZone))}</span>
          <span className="muted">{T.form.hashNote}</span>
        </footer>
      </article>
    </div>
  );
}
