// A room's cameras and readers with what they last reported.
import { T } from '../../../../common/deskText.js';
import type { RoomView } from '../../../../common/views.js';
import { formatDateTime } from '../../../../common/zonedTime.js';
import { useStation } from '../../station/context.js';
import { RecordingBadge } from '../../widgets/RecordingBadge.js';

const onlineText = (online: boolean | null): string => (online === null ? T.room.unreported : online ? T.room.online : T.room.offline);

export function RoomDevices({ room }: { readonly room: RoomView }) {
  const { timeZone } = useStation();
  return (
    <section className="panel">
      <h2>{T.room.recording}</h2>
      <p className="recording-big"><RecordingBadge state={room.recording} required={room.recordingRequired} /></p>
      {room.cameras.length > 0 && (
        <>
          <h3>{T.room.cameras}</h3>
          <ul className="plain">
            {room.cameras.map((c) => (
              <li key={c.id} data-camera={c.id}>
                <span className="mono">{c.id}</span>：{onlineText(c.online)}
                {c.online !== null && `，${c.recording ? T.room.recordingOn : T.room.recordingOff}`}
                {c.statusAt !== null && <small className="muted"> · {T.room.statusAt(formatDateTime(c.statusAt, timeZone))}</small>}
                {c.lastSegmentAt !== null && <small className="muted"> · {T.room.lastSegment(formatDateTime(c.lastSegmentAt, timeZone))}</small>}
              </li>
            ))}
          </ul>
        </>
      )}
      {room.readers.length > 0 && (
        <>
          <h3>{T.room.readers}</h3>
          <ul className="plain">
            {room.readers.map((r) => (
              <li key={r.id}><span className="mono">{r.id}</span>：{onlineText(r.online)}{r.role === 'exit' ? ` · ${T.room.exitReader}` : ''}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
