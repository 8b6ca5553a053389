// A questioning room with no session running but people still registered in it (typically just
// after a session ended): the desk is asked to register the officers as gone and to take the
// person back — otherwise the room stays "occupied" on the overview and for the rules.
import { T } from '../../../../common/deskText.js';
import type { RoomView } from '../../../../common/views.js';
import { useStation } from '../../station/context.js';
import { useQuery } from '../../station/useQuery.js';
import { useSubmit } from '../../station/useSubmit.js';
import { FormError } from '../../widgets/Field.js';
import { MoveForm } from '../../widgets/MoveForm.js';

/** A person whose session in this room ended after they came in: offered the way back (the last other room they were in). */
function PersonStill({ id, room }: { readonly id: string; readonly room: string }) {
  const { names } = useStation();
  const detail = useQuery('person', { id }).data;
  if (!detail) return null;
  const moves = [...detail.movements].reverse();
  const cameIn = moves.find((m) => m.toRoom === room)?.at ?? 0;
  if (!detail.sessions.some((s) => s.room === room && s.endedAt !== null && s.endedAt >= cameIn)) return null;
  const before = moves.find((m) => m.toRoom !== null && m.toRoom !== room)?.toRoom ?? null;
  return (
    <section className="panel prompt" data-person-still={id}>
      <p>{T.room.personStill(names.person(id))}</p>
      <MoveForm who={id} current={room} suggested={before} />
    </section>
  );
}

export function IdleRoomPrompt({ room }: { readonly room: RoomView }) {
  const { names, may } = useStation();
  const submission = useSubmit();
  if (!may('person.move') || (room.officers.length === 0 && room.persons.length === 0)) return null;
  // Persons are listed only when their session here has ended (see PersonStill); officers always.

  const officersOut = async (): Promise<void> => {
    for (const o of room.officers) {
      if (!(await submission.run({ type: 'person.move', who: o, room: null })).ok) return;
    }
  };

  return (
    <>
      {room.officers.length > 0 && (
        <section className="panel prompt" data-idle-room-prompt>
          <h2>{T.room.afterSession}</h2>
          <div className="inline-form">
            <p>{T.room.officersStill(room.officers.map((o) => names.officer(o)).join('、'))}</p>
            <button type="button" className="primary" disabled={submission.busy} onClick={() => void officersOut()} autoFocus>{T.room.officersOut}</button>
          </div>
          <FormError message={submission.unclaimed([])} />
        </section>
      )}
      {room.persons.map((p) => <PersonStill key={p} id={p} room={room.id} />)}
    </>
  );
}
