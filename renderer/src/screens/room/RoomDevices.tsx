// A room's cameras (each with its recording, last segment and picture) and readers with what they last reported.
import { T } from '../../../../common/deskText.js';
import type { RoomView } from '../../../../common/views.js';
import { useStation } from '../../station/context.js';
import { CameraList } from '../../widgets/CameraStatus.js';
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
          <CameraList cameras={room.cameras} timeZone={timeZone} />
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
