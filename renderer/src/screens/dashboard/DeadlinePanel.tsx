// Everyone in custody with the time left to their legal deadline, the most urgent first.
import { T } from '../../../../common/deskText.js';
import type { PersonSummary } from '../../../../common/views.js';
import { whereaboutsText } from '../../format/whereabouts.js';
import { routeHref } from '../../router/route.js';
import type { Names } from '../../station/names.js';
import { Countdown } from '../../widgets/Countdown.js';
import { PersonBadges } from '../../widgets/PersonBadges.js';

interface Props {
  readonly persons: readonly PersonSummary[];
  readonly names: Names;
  readonly warnMinutes: number;
  readonly timeZone: string;
}

export function DeadlinePanel({ persons, names, warnMinutes, timeZone }: Props) {
  const sorted = [...persons].sort((a, b) => (a.deadlineAt ?? Infinity) - (b.deadlineAt ?? Infinity) || a.enteredAt - b.enteredAt);
  return (
    <section className="panel deadline-panel">
      <h2>{T.dashboard.deadlines}</h2>
      {sorted.length === 0 ? <p className="muted">{T.dashboard.noPersons}</p> : (
        <ul className="deadline-list">
          {sorted.map((p) => (
            <li key={p.id} data-person={p.id}>
              <a className="person-name" href={routeHref({ name: 'person', id: p.id })} title={p.name}>{p.name}</a>
              <PersonBadges person={p} role="others" />
              <span className="deadline-place muted" title={whereaboutsText(p.whereabouts, names)}>{whereaboutsText(p.whereabouts, names)}</span>
              <Countdown deadlineAt={p.deadlineAt} warnMinutes={warnMinutes} timeZone={timeZone} compact />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
