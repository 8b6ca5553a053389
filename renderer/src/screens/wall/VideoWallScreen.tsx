// 视频墙 (督察): every room that must be recorded, with its recording state, who is in it and
// whether a session runs there, and its live picture for the roles allowed live view. A browser
// keeps about six connections to one station and the page itself needs two (its live channel and
// its calls), so at most WALL_LIVE rooms play at once; the others start with a click.
import { useMemo, useState } from 'react';
import { R } from '../../../../common/recordingText.js';
import { SESSION_KIND_LABELS } from '../../../../common/messages.js';
import type { PersonSummary, RoomView } from '../../../../common/views.js';
import { formatClock } from '../../../../common/zonedTime.js';
import { recordingDue } from '../../format/recordingDue.js';
import { LivePlayer } from '../../media/LivePlayer.js';
import { routeHref } from '../../router/route.js';
import { useStation } from '../../station/context.js';
import { useMediaAccess } from '../../station/useMediaAccess.js';
import { CameraList } from '../../widgets/CameraStatus.js';
import { RecordingBadge } from '../../widgets/RecordingBadge.js';

export const WALL_LIVE = 4;

interface TileProps {
  readonly room: RoomView;
  readonly persons: readonly PersonSummary[];
  readonly live: boolean;
  readonly canPlay: boolean;
  readonly timeZone: string;
  onToggle(): void;
}

function WallTile({ room, persons, live, canPlay, timeZone, onToggle }: TileProps) {
  const camera = room.cameras[0];
  return (
    <article className={`wall-tile${recordingDue(room, persons) && room.recording !== 'recorded' ? ' fault' : ''}`} data-wall-room={room.id} data-recording={room.recording}>
      <header>
        <h2><a href={routeHref({ name: 'room', id: room.id })} title={R.wall.openRoom}>{room.name}</a></h2>
        <RecordingBadge state={room.recording} required={recordingDue(room, persons)} />
      </header>
      <p className="wall-facts">
        <span>{R.wall.occupants(persons.length)}</span>
        {room.sessions.map((s) => (
          <a key={s.id} className="badge warn" href={routeHref({ name: 'session', id: s.id })}>
            {SESSION_KIND_LABELS[s.kind]} · {formatClock(s.startedAt, timeZone).slice(0, 5)}
          </a>
        ))}
      </p>
      {!camera ? <p className="muted">{R.wall.noCamera}</p> : live ? (
        <LivePlayer camera={camera.id} label={`${room.name} · ${R.live.video(camera.id)}`} compact />
      ) : (
        <div className="wall-idle"><CameraList cameras={room.cameras} timeZone={timeZone} compact /></div>
      )}
      {camera && canPlay && (
        <div className="actions"><button type="button" className="small" onClick={onToggle}>{live ? R.wall.pause : R.wall.play}</button></div>
      )}
    </article>
  );
}

export function VideoWallScreen() {
  const { overview, timeZone } = useStation();
  const access = useMediaAccess();
  const rooms = useMemo(() => overview?.rooms.filter((r) => r.recordingRequired) ?? [], [overview]);
  const [chosen, setChosen] = useState<readonly string[] | null>(null);
  if (!overview) return <p>{R.playback.loading}</p>;
  // Until someone chooses, the first rooms whose camera answers play.
  const playing = chosen ?? rooms.filter((r) => r.cameras[0]?.online === true).slice(0, WALL_LIVE).map((r) => r.id);
  const toggle = (id: string): void => {
    setChosen(playing.includes(id) ? playing.filter((x) => x !== id) : [...playing, id].slice(-WALL_LIVE));
  };
  const byRoom = (id: string): PersonSummary[] => overview.persons.filter((p) => p.whereabouts.kind === 'room' && p.whereabouts.room === id && p.status !== 'exited');
  return (
    <div className="video-wall">
      <div className="screen-head">
        <h1>{R.wall.title}</h1>
        <span className="muted">{R.wall.intro}</span>
        {!access.live && <span className="note">{R.live.notAllowed}</span>}
      </div>
      {rooms.length === 0 ? <p className="muted">{R.wall.empty}</p> : (
        <div className="wall-grid">
          {rooms.map((r) => (
            <WallTile key={r.id} room={r} persons={byRoom(r.id)} live={access.live && playing.includes(r.id)} canPlay={access.live}
              timeZone={timeZone} onToggle={() => toggle(r.id)} />
          ))}
        </div>
      )}
    </div>
  );
}
