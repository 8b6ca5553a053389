// The area's rooms as tiles, each with its occupants and the alarms that concern it (the desk's
// overview and the supervisors' dashboard). On a small screen (the 1366×768 desk monitor) the
// rooms with alarms or people come first and idle rooms shrink to a line of chips, so that an
// interrogation room in use is never below the fold.
import { useMemo } from 'react';
import { T } from '../../../../common/deskText.js';
import type { AlarmView, PersonSummary, RoomView } from '../../../../common/views.js';
import { groupBy } from '../../format/groupBy.js';
import { routeHref } from '../../router/route.js';
import type { Names } from '../../station/names.js';
import { useMediaQuery } from '../../station/useMediaQuery.js';
import { RecordingBadge } from '../../widgets/RecordingBadge.js';
import { deviceState } from './deviceState.js';
import { idleRoom, urgentFirst } from './roomOrder.js';
import { RoomTile } from './RoomTile.js';

const NOBODY: readonly PersonSummary[] = [];
const NO_ALARMS: readonly AlarmView[] = [];
/** The desk monitor and anything smaller. */
export const SMALL_SCREEN = '(max-width: 1599px), (max-height: 899px)';

interface Props {
  readonly rooms: readonly RoomView[];
  readonly persons: readonly PersonSummary[];
  readonly alarms: readonly AlarmView[];
  readonly names: Names;
  readonly warnMinutes: number;
  readonly timeZone: string;
  readonly className?: string;
}

function RoomChip({ room }: { readonly room: RoomView }) {
  const devices = deviceState(room);
  return (
    <li className="room-chip" data-room={room.id} data-testid="room-chip">
      <a href={routeHref({ name: 'room', id: room.id })} title={T.overview.openRoom(room.name)}>{room.name}</a>
      {(room.recordingRequired || room.cameras.length > 0) && <RecordingBadge state={room.recording} required={false} />}
      {devices.fault && <span className="badge device fault">{devices.text}</span>}
    </li>
  );
}

export function RoomGrid({ rooms, persons, alarms, names, warnMinutes, timeZone, className }: Props) {
  const small = useMediaQuery(SMALL_SCREEN);
  const byRoom = useMemo(() => groupBy(persons, (p) => (p.whereabouts.kind === 'room' ? p.whereabouts.room : null)), [persons]);
  const alarmsByRoom = useMemo(() => groupBy(alarms, (a) => a.room), [alarms]);
  const alarmsOf = (id: string): readonly AlarmView[] => alarmsByRoom.get(id) ?? NO_ALARMS;
  const ordered = small ? urgentFirst(rooms, alarmsOf) : [...rooms];
  const tiles = small ? ordered.filter((r) => !idleRoom(r, alarmsOf(r.id))) : ordered;
  const chips = small ? ordered.filter((r) => idleRoom(r, alarmsOf(r.id))) : [];
  return (
    <div className={`room-area${className ? ` ${className}` : ''}`}>
      <section aria-label={T.overview.rooms} className="room-grid" data-order={small ? 'urgent' : 'area'}>
        {tiles.map((room) => (
          <RoomTile key={room.id} room={room} persons={byRoom.get(room.id) ?? NOBODY} alarms={alarmsOf(room.id)}
            names={names} warnMinutes={warnMinutes} timeZone={timeZone} />
        ))}
      </section>
      {chips.length > 0 && (
        <section aria-label={T.overview.idleRooms} className="idle-rooms">
          <h2>{T.overview.idleRooms}</h2>
          <ul className="room-chips">{chips.map((r) => <RoomChip key={r.id} room={r} />)}</ul>
        </section>
      )}
    </div>
  );
}
