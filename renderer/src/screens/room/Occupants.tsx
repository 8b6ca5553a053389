// Who is in the room: persons with their countdowns and officers, each movable by hand, and
// officers registered as entering.
import { useState } from 'react';
import { T } from '../../../../common/deskText.js';
import type { RoomView } from '../../../../common/views.js';
import { routeHref } from '../../router/route.js';
import { useStation } from '../../station/context.js';
import { useSubmit } from '../../station/useSubmit.js';
import { Countdown } from '../../widgets/Countdown.js';
import { Field } from '../../widgets/Field.js';
import { MoveForm } from '../../widgets/MoveForm.js';
import { OfficerSelect } from '../../widgets/OfficerSelect.js';
import { PersonBadges } from '../../widgets/PersonBadges.js';

export function Occupants({ room }: { readonly room: RoomView }) {
  const { overview, names, timeZone, may } = useStation();
  const [officer, setOfficer] = useState('');
  const submission = useSubmit();
  const warn = overview?.settings.timeLimitWarnMinutes ?? 60;
  const canMove = may('person.move');
  return (
    <section className="panel">
      <h2>{T.room.persons}</h2>
      {room.persons.length === 0 ? <p className="muted">{T.room.nobody}</p> : (
        <ul className="occupant-list">
          {room.persons.map((id) => {
            const p = names.persons.get(id);
            return (
              <li key={id}>
                <a className="person-name" href={routeHref({ name: 'person', id })} title={names.person(id)}>{names.person(id)}</a>
                {p && <PersonBadges person={p} />}
                {p && <Countdown deadlineAt={p.deadlineAt} warnMinutes={warn} timeZone={timeZone} />}
                {canMove && <MoveForm who={id} current={room.id} />}
              </li>
            );
          })}
        </ul>
      )}
      <h2>{T.room.officers}</h2>
      {room.officers.length === 0 ? <p className="muted">{T.room.noOfficers}</p> : (
        <ul className="occupant-list">
          {room.officers.map((id) => (
            <li key={id}><span>{names.officer(id)}</span>{canMove && <MoveForm who={id} current={room.id} />}</li>
          ))}
        </ul>
      )}
      {canMove && (
        <form noValidate className="inline-form" onSubmit={(e) => { e.preventDefault(); if (officer) void submission.run({ type: 'person.move', who: officer, room: room.id }).then(() => setOfficer('')); }}>
          <Field label={T.room.officerIn} name="who" error={submission.error?.message}>
            {(c) => <OfficerSelect control={c} officers={overview?.officers ?? []} value={officer} onChange={setOfficer} exclude={room.officers} />}
          </Field>
          <button type="submit" disabled={!officer || submission.busy}>{T.room.officerInButton}</button>
        </form>
      )}
    </section>
  );
}
