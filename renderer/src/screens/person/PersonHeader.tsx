// Who the person is, where, and how much of the legal time is left.
import { T } from '../../../../common/deskText.js';
import { BASIS_LABELS, DESTINATION_LABELS, GENDER_LABELS, PERSON_STATUS_LABELS, ROLE_LABELS } from '../../../../common/messages.js';
import type { PersonDetail } from '../../../../common/views.js';
import { formatDate, formatDateTime } from '../../../../common/zonedTime.js';
import { ageOn } from '../../format/age.js';
import { whereaboutsText } from '../../format/whereabouts.js';
import { useStation } from '../../station/context.js';
import { Countdown } from '../../widgets/Countdown.js';
import { CorrectedMark } from '../../widgets/CorrectedMark.js';
import { PersonBadges } from '../../widgets/PersonBadges.js';

export function PersonHeader({ person }: { readonly person: PersonDetail }) {
  const { overview, names, timeZone } = useStation();
  const p = person.summary;
  const warn = overview?.settings.timeLimitWarnMinutes ?? 60;
  const age = ageOn(p.birthDate, formatDate(p.enteredAt, timeZone));
  const c = person.corrected;
  return (
    <section className="person-header" aria-label={p.name}>
      <div className="person-title">
        <h1 className="person-name-big">{p.name}</h1><CorrectedMark field="name" corrected={c} />
        <PersonBadges person={p} role={false} />
        <span className={`badge status-${p.status}`}>{PERSON_STATUS_LABELS[p.status]}</span>
        {p.status !== 'exited' && <Countdown deadlineAt={p.deadlineAt} warnMinutes={warn} timeZone={timeZone} />}
      </div>
      <dl className="facts facts-row">
        <div><dt>{T.person.id}</dt><dd className="mono">{p.id}</dd></div>
        <div><dt>{T.person.gender}</dt><dd>{GENDER_LABELS[p.gender]} · {T.person.age(age)}<CorrectedMark field="gender" corrected={c} /><CorrectedMark field="birthDate" corrected={c} /></dd></div>
        <div><dt>{T.person.role}</dt><dd>{ROLE_LABELS[p.role]}<CorrectedMark field="role" corrected={c} /></dd></div>
        <div><dt>{T.person.basis}</dt><dd>{p.basis ? BASIS_LABELS[p.basis] : T.common.none}<CorrectedMark field="basis" corrected={c} /></dd></div>
        <div><dt>{T.person.limit}</dt><dd>{p.limitHours === null ? T.person.noLimit : T.person.limitHours(p.limitHours)}</dd></div>
        <div><dt>{T.person.entered}</dt><dd>{formatDateTime(p.enteredAt, timeZone)}</dd></div>
        {p.status === 'exited' && p.exitedAt !== null
          ? <div><dt>{T.person.exited}</dt><dd>{formatDateTime(p.exitedAt, timeZone)}{p.destination ? ` · ${DESTINATION_LABELS[p.destination]}` : ''}</dd></div>
          : <div><dt>{T.person.place}</dt><dd>{whereaboutsText(p.whereabouts, names)}</dd></div>}
        <div><dt>{T.person.tag}</dt><dd className="mono">{p.tag ?? T.person.noTag}<CorrectedMark field="tag" corrected={c} /></dd></div>
        <div><dt>{T.person.officers}</dt><dd>{person.officers.map((o) => names.officer(o)).join('、') || T.common.none}</dd></div>
        {p.caseNo && <div><dt>{T.person.caseNo}</dt><dd className="mono">{p.caseNo}<CorrectedMark field="caseNo" corrected={c} /></dd></div>}
      </dl>
    </section>
  );
}
