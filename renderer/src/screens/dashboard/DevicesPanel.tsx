// Recording and device state per room, for the rooms that have devices or must be recorded.
import { T } from '../../../../common/deskText.js';
import type { PersonSummary, ReaderView, RoomView } from '../../../../common/views.js';
import { recordingDue } from '../../format/recordingDue.js';
import { routeHref } from '../../router/route.js';
import { CameraList } from '../../widgets/CameraStatus.js';
import { RecordingBadge } from '../../widgets/RecordingBadge.js';

const readerState = (r: ReaderView): string => (r.online === null ? T.room.unreported : r.online ? T.room.online : T.room.offline);

interface Props {
  readonly rooms: readonly RoomView[];
  readonly persons: readonly PersonSummary[];
  readonly timeZone: string;
}

export function DevicesPanel({ rooms, persons, timeZone }: Props) {
  const shown = rooms.filter((r) => r.recordingRequired || r.cameras.length > 0 || r.readers.length > 0);
  if (shown.length === 0) return null;
  return (
    <section className="panel devices-panel">
      <h2>{T.dashboard.devices}</h2>
      <table className="data">
        <thead>
          <tr><th>{T.dashboard.room}</th><th>{T.dashboard.recording}</th><th>{T.dashboard.cameras}</th><th>{T.dashboard.readers}</th></tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.id} data-room={r.id}>
              <td className="wrap"><a href={routeHref({ name: 'room', id: r.id })}>{r.name}</a></td>
              <td>{r.recordingRequired || r.cameras.length > 0
                ? <RecordingBadge state={r.recording} required={recordingDue(r, persons.filter((p) => r.persons.includes(p.id)))} /> : '—'}</td>
              <td>{r.cameras.length === 0 ? '—' : <CameraList cameras={r.cameras} timeZone={timeZone} compact />}</td>
              <td>
                {r.readers.length === 0 ? '—' : (
                  <ul className="plain">
                    {r.readers.map((x) => <li key={x.id} className={x.online === false ? 'fault-text' : ''}>{T.dashboard.readerState(x.id, readerState(x))}</li>)}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
