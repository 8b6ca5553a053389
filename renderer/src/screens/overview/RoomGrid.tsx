// The area's rooms as tiles, each with its occupants and the alarms that concern it (the desk's
// overview and the supervisors' dashboard).
import { useMemo } from 'react';
import { T } from '../../../../common/deskText.js';
import type { AlarmView, PersonSummary, RoomView } from '../../../../common/views.js';
import { groupBy } from '../../format/groupBy.js';
import type { Names } from '../../station/names.js';
import { RoomTile } from './RoomTile.js';

const NOBODY: readonly PersonSummary[] = [];
const NO_ALARMS: readonly AlarmView[] = [];

interface Props {
  readonly rooms: readonly RoomView[];
  readonly persons: readonly PersonSummary[];
  readonly alarms: readonly AlarmView[];
  readonly names: Names;
  readonly warnMinutes: number;
  readonly timeZone: string;
  readonly className?: string;
}

export function RoomGrid({ rooms, persons, alarms, names, warnMinutes, timeZone, className }: Props) {
  const byRoom = useMemo(() => groupBy(persons, (p) => (p.whereabouts.kind === 'room' ? p.whereabouts.room : null)), [persons]);
  const alarmsByRoom = useMemo(() => groupBy(alarms, (a) => a.room), [alarms]);
  return (
    <section aria-label={T.overview.rooms} className={`room-grid${className ? ` ${className}` : ''}`}>
      {rooms.map((room) => (
        <RoomTile key={room.id} room={room} persons={byRoom.get(room.id) ?? NOBODY} alarms={alarmsByRoom.get(room.id) ?? NO_ALARMS}
          names={names} warnMinutes={warnMinutes} timeZone={timeZone} />
      ))}
    </section>
  );
}
