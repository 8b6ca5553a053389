// One room on the overview: who is in it with their legal countdowns, officers, the session
// running there, its recording and device state, and whether an alarm concerns it.
import { memo } from 'react';
import { T } from '../../../../common/deskText.js';
import { ROOM_KIND_LABELS, SESSION_KIND_LABELS } from '../../../../common/messages.js';
import type { AlarmView, PersonSummary, RoomView } from '../../../../common/views.js';
import { formatClock } from '../../../../common/zonedTime.js';
import { recordingDue } from '../../format/recordingDue.js';
import { routeHref } from '../../router/route.js';
import type { Names } from '../../station/names.js';
import { CameraList } from '../../widgets/CameraStatus.js';
import { Countdown } from '../../widgets/Countdown.js';
import { PersonBadges } from '../../widgets/PersonBadges.js';
import { RecordingBadge } from '../../widgets/RecordingBadge.js';
import { deviceState } from './deviceState.js';

/** Occupants a tile lists; a full waiting room would otherwise push the rest of the area off the screen. */
const TILE_ROWS = 6;

/** Persons with an active alarm first, then by deadline (none last): the ones a tile hides are the least urgent. */
function mostUrgent(persons: readonly PersonSummary[]): PersonSummary[] {
  return [...persons].sort((a, b) => Number(b.activeAlarms > 0) - Number(a.activeAlarms > 0)
    || (a.deadlineAt ?? Infinity) - (b.deadlineAt ?? Infinity));
}

interface Props {
  readonly room: RoomView;
  readonly persons: readonly PersonSummary[];
  readonly alarms: readonly AlarmView[];
  readonly names: Names;
  readonly warnMinutes: number;
  readonly timeZone: string;
}

export const RoomTile = memo(function RoomTile({ room, persons, alarms, names, warnMinutes, timeZone }: Props) {
  const devices = deviceState(room);
  const critical = alarms.some((a) => a.severity === 'critical');
  const over = room.capacity !== null && persons.length > room.capacity;
  const showRecording = room.recordingRequired || room.cameras.length > 0;
  return (
    <article className={`room-tile kind-${room.kind}${alarms.length ? (critical ? ' alarm-critical' : ' alarm-warning') : ''}${persons.length === 0 ? ' empty' : ''}`}
      data-room={room.id} data-testid="room-tile">
      <header>
        <h3><a href={routeHref({ name: 'room', id: room.id })} title={T.overview.openRoom(room.name)}>{room.name}</a></h3>
        <span className="room-kind">{ROOM_KIND_LABELS[room.kind]}</span>
        <span className={`room-count${over ? ' fault' : ''}`}>{T.overview.capacity(persons.length, room.capacity)}{over ? ` ${T.overview.overCapacity}` : ''}</span>
      </header>
      <div className="room-state">
        {showRecording && <RecordingBadge state={room.recording} required={recordingDue(room, persons)} />}
        <span className={`badge device${devices.fault ? ' fault' : ''}`}>{devices.text}</span>
      </div>
      <CameraList cameras={room.cameras} timeZone={timeZone} compact />
      {room.sessions.map((s) => (
        <p key={s.id} className="room-session">{T.overview.sessionRunning(SESSION_KIND_LABELS[s.kind], formatClock(s.startedAt, timeZone).slice(0, 5))}</p>
      ))}
      {persons.length > 0 && (
        <ul className="occupants">
          {mostUrgent(persons).slice(0, TILE_ROWS).map((p) => (
            <li key={p.id}>
              <a className="person-name" href={routeHref({ name: 'person', id: p.id })} title={p.name}>{p.name}</a>
              <PersonBadges person={p} role="others" />
              <Countdown deadlineAt={p.deadlineAt} warnMinutes={warnMinutes} timeZone={timeZone} compact />
            </li>
          ))}
        </ul>
      )}
      {persons.length > TILE_ROWS && <a className="more" href={routeHref({ name: 'room', id: room.id })}>{T.overview.more(persons.length - TILE_ROWS)}</a>}
      {room.officers.length > 0 && <p className="room-officers">{T.overview.officers}：{room.officers.map((o) => names.officer(o)).join('、')}</p>}
      {room.officers.length === 0 && room.guardRequired && persons.length > 0 && <p className="room-officers unguarded">{T.overview.noOfficer}</p>}
    </article>
  );
});
