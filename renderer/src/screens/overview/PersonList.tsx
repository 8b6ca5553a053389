// A short list of persons outside the room tiles (place not known, out on a temporary exit).
import type { ReactNode } from 'react';
import type { PersonSummary } from '../../../../common/views.js';
import { routeHref } from '../../router/route.js';
import { Countdown } from '../../widgets/Countdown.js';

interface Props {
  readonly title: string;
  readonly persons: readonly PersonSummary[];
  readonly warnMinutes: number;
  readonly timeZone: string;
  /** What this list says about each person besides the name and the countdown. */
  readonly about: (p: PersonSummary) => ReactNode;
}

export function PersonList({ title, persons, warnMinutes, timeZone, about }: Props) {
  if (persons.length === 0) return null;
  return (
    <section className="panel">
      <h2>{title}</h2>
      <ul className="person-list">
        {persons.map((p) => (
          <li key={p.id}>
            <a className="person-name" href={routeHref({ name: 'person', id: p.id })} title={p.name}>{p.name}</a>
            {about(p)}
            <Countdown deadlineAt={p.deadlineAt} warnMinutes={warnMinutes} timeZone={timeZone} />
          </li>
        ))}
      </ul>
    </section>
  );
}
