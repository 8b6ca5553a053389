// A questioning room with no session running but people still registered in it (typically just
// after a session ended): the desk is asked to register the officers as gone and to take the
// person back — otherwise the room stays "occupied" on the overview and for the rules. One button
// does both when the way back is known.
import { useCallback, useEffect, useState } from 'react';
import { T } from '../../../../common/deskText.js';
import type { RoomView } from '../../../../common/views.js';
import { useStation } from '../../station/context.js';
import { useQuery } from '../../station/useQuery.js';
import { useSubmit } from '../../station/useSubmit.js';
import { FormError } from '../../widgets/Field.js';
import { MoveForm } from '../../widgets/MoveForm.js';
import { lastRoom } from '../person/lastRoom.js';

/**
 * A person whose session in this room ended after they came in: offered the way back (the last
 * other room they were in), which is also told to the prompt for its one-button clearing.
 */
function PersonStill({ id, room, onWayBack }: { readonly id: string; readonly room: string; readonly onWayBack: (id: string, to: string | null) => void }) {
  const { names } = useStation();
  const detail = useQuery('person', { id }).data;
  const cameIn = detail ? [...detail.movements].reverse().find((m) => m.toRoom === room)?.at ?? 0 : 0;
  const ended = detail?.sessions.some((s) => s.room === room && s.endedAt !== null && s.endedAt >= cameIn) ?? false;
  const back = detail && ended ? lastRoom(detail, room) : null;
  useEffect(() => { onWayBack(id, back); }, [id, back, onWayBack]);
  if (!ended) return null;
  return (
    <section className="panel prompt" data-person-still={id}>
      <p>{T.room.personStill(names.person(id))}</p>
      <MoveForm who={id} current={room} suggested={back ? [back] : []} />
    </section>
  );
}

export function IdleRoomPrompt({ room }: { readonly room: RoomView }) {
  const { names, may } = useStation();
  const submission = useSubmit();
  const [ways, setWays] = useState<Readonly<Record<string, string | null>>>({});
  const onWayBack = useCallback((id: string, to: string | null) => setWays((w) => (w[id] === to ? w : { ...w, [id]: to })), []);
  if (!may('person.move') || (room.officers.length === 0 && room.persons.length === 0)) return null;
  const back = room.persons.flatMap((p) => (ways[p] ? [{ who: p, to: ways[p] }] : []));

  const moveAll = async (moves: readonly { who: string; to: string | null }[]): Promise<void> => {
    for (const m of moves) {
      if (!(await submission.run({ type: 'person.move', who: m.who, room: m.to })).ok) return;
    }
  };
  const officersOut = room.officers.map((o) => ({ who: o, to: null }));

  return (
    <>
      {room.officers.length > 0 && (
        <section className="panel prompt" data-idle-room-prompt>
          <h2>{T.room.afterSession}</h2>
          <div className="inline-form">
            <p>{T.room.officersStill(room.officers.map((o) => names.officer(o)).join('、'))}</p>
            {back.length > 0 && (
              <button type="button" className="primary" disabled={submission.busy} onClick={() => void moveAll([...officersOut, ...back])} autoFocus data-clear-room>
                {T.room.clearRoom(back.map((b) => T.room.personTo(names.person(b.who), names.room(b.to))).join('，'))}
              </button>
            )}
            <button type="button" className={back.length > 0 ? '' : 'primary'} disabled={submission.busy} onClick={() => void moveAll(officersOut)}
              autoFocus={back.length === 0}>{T.room.officersOut}</button>
          </div>
          <FormError message={submission.unclaimed([])} />
        </section>
      )}
      {room.persons.map((p) => <PersonStill key={p} id={p} room={room.id} onWayBack={onWayBack} />)}
    </>
  );
}
