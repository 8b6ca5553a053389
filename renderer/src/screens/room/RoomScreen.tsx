// 讯问/询问 — the operator's view of one room: recording and devices, who is present, the session
// running there (or starting one), and the room's alarms.
import { T } from '../../../../common/deskText.js';
import { ROOM_KIND_LABELS } from '../../../../common/messages.js';
import { SESSION_ROOM_KINDS } from '../../../../common/vocab.js';
import { useStation } from '../../station/context.js';
import { ActiveSession } from './ActiveSession.js';
import { IdleRoomPrompt } from './IdleRoomPrompt.js';
import { Occupants } from './Occupants.js';
import { RoomAlarms } from './RoomAlarms.js';
import { RoomDevices } from './RoomDevices.js';
import { StartSession } from './StartSession.js';

export function RoomScreen({ id }: { readonly id: string }) {
  const { overview, names, alarms, awaitingAck, may } = useStation();
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
          {sessionRoom && room.sessions.length === 0 && <IdleRoomPrompt room={room} />}
          {sessionRoom && room.sessions.length === 0 && may('session.start') && <StartSession key={room.id} room={room} />}
          {!sessionRoom && <p className="muted">{T.room.notSessionRoom(ROOM_KIND_LABELS[room.kind])}</p>}
          <Occupants room={room} />
        </div>
        <div>
          <RoomDevices room={room} />
          <RoomAlarms alarms={[...alarms, ...awaitingAck].filter((a) => a.room === room.id)} />
        </div>
      </div>
    </div>
  );
}
