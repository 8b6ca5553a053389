// 讯问/询问 — the operator's view of one room: recording and devices, who is present, the session
// running there (or starting one), and the room's alarms.
import { useState } from 'react';
import { T } from '../../../../common/deskText.js';
import { ROOM_KIND_LABELS } from '../../../../common/messages.js';
import type { AlarmView, RoomView } from '../../../../common/views.js';
import { SESSION_ROOM_KINDS } from '../../../../common/vocab.js';
import { routeHref } from '../../router/route.js';
import { useStation } from '../../station/context.js';
import { AckDialog } from '../../widgets/AckDialog.js';
import { AlarmLine } from '../../widgets/AlarmLine.js';
import { Countdown } from '../../widgets/Countdown.js';
import { MoveForm } from '../../widgets/MoveForm.js';
import { OfficerSelect } from '../../widgets/OfficerSelect.js';
import { PersonBadges } from '../../widgets/PersonBadges.js';
import { Field } from '../../widgets/Field.js';
import { useSubmit } from '../../station/useSubmit.js';
import { ActiveSession } from './ActiveSession.js';
import { RoomDevices } from './RoomDevices.js';
import { StartSession } from './StartSession.js';

function Occupants({ room }: { readonly room: RoomView }) {
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
        <form className="inline-form" onSubmit={(e) => { e.preventDefault(); if (officer) void submission.run({ type: 'person.move', who: officer, room: room.id }).then(() => setOfficer('')); }}>
          <Field label={T.room.officerIn} name="who" error={submission.error?.message}>
            {(c) => <OfficerSelect control={c} officers={overview?.officers ?? []} value={officer} onChange={setOfficer} exclude={room.officers} />}
          </Field>
          <button type="submit" disabled={!officer || submission.busy}>{T.room.officerInButton}</button>
        </form>
      )}
    </section>
  );
}

function RoomAlarms({ alarms }: { readonly alarms: readonly AlarmView[] }) {
  const { may } = useStation();
  const [acking, setAcking] = useState<AlarmView | null>(null);
  return (
    <section className="panel">
      <h2>{T.room.alarms}</h2>
      {alarms.length === 0 ? <p className="muted">{T.room.noAlarms}</p> : (
        <ul className="alarm-lines">{alarms.map((a) => <AlarmLine key={a.id} alarm={a} onAck={may('alarm.ack') ? setAcking : undefined} />)}</ul>
      )}
      {acking && <AckDialog alarm={acking} onClose={() => setAcking(null)} />}
    </section>
  );
}

export function RoomScreen({ id }: { readonly id: string }) {
  const { overview, names, alarms, may } = useStation();
  if (!overview) return <p>{T.common.loading}</p>;
  const room = names.rooms.get(id);
  if (!room) return <p className="form-error" role="alert">{T.common.roomNotFound(id)}</p>;
  const sessionRoom = SESSION_ROOM_KINDS.includes(room.kind);
  return (
    <div className="room-screen">
      <div className="screen-head">
        <h1>{room.name}</h1>
        <span className="room-kind">{ROOM_KIND_LABELS[room.kind]}</span>
      </div>
      <div className="room-columns">
        <div>
          {room.sessions.map((s) => <ActiveSession key={s.id} room={room} session={s} />)}
          {sessionRoom && room.sessions.length === 0 && may('session.start') && <StartSession key={room.id} room={room} />}
          {!sessionRoom && <p className="muted">{T.room.notSessionRoom(ROOM_KIND_LABELS[room.kind])}</p>}
          <Occupants room={room} />
        </div>
        <div>
          <RoomDevices room={room} />
          <RoomAlarms alarms={alarms.filter((a) => a.room === room.id)} />
        </div>
      </div>
    </div>
  );
}
