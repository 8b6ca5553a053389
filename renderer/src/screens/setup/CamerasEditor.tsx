// The cameras of the area: which room each records, and its stream. A camera in a room that must
// be recorded is recorded for as long as the station runs; one without a stream is a room the
// station cannot record (the preview says what that means).
import { useState } from 'react';
import type { AreaDraft, CameraConnection, SetupCamera } from '../../../../common/areaSetup.js';
import { SETUP_TEXT } from '../../../../common/setupText.js';
import { FieldGroup } from '../../widgets/FieldGroup.js';
import { CameraConnectionForm } from './CameraConnectionForm.js';
import { CellError, invalid } from './CellError.js';
import { cameraStream } from './draftChecks.js';
import { problemAt, problemOf, useSetup } from './setupContext.js';

const C = SETUP_TEXT.cameras;
const NEW_CONNECTION: CameraConnection = { rtsp: '', onvif: null, user: null, profile: null };

function nextId(cameras: readonly SetupCamera[]): string {
  for (let n = cameras.length + 1; ; n++) if (!cameras.some((c) => c.id === `CAM${n}`)) return `CAM${n}`;
}

export function CamerasEditor({ draft, onChange }: { readonly draft: AreaDraft; readonly onChange: (d: AreaDraft) => void }) {
  const { problems, tested, saved } = useSetup();
  const [open, setOpen] = useState<number | null>(null);
  const cameras = draft.cameras;
  const set = (i: number, patch: Partial<SetupCamera>): void => onChange({ ...draft, cameras: cameras.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const add = (): void => {
    const room = draft.rooms.find((r) => r.recordingRequired) ?? draft.rooms[0];
    onChange({ ...draft, cameras: [...cameras, { id: nextId(cameras), room: room?.id ?? '', connection: null }] });
    setOpen(cameras.length);
  };
  const remove = (i: number): void => {
    onChange({ ...draft, cameras: cameras.filter((_, j) => j !== i) });
    setOpen(null);
  };
  const isSaved = (c: SetupCamera): boolean => {
    const s = saved?.draft.cameras.find((x) => x.id === c.id)?.connection;
    return Boolean(s && c.connection && cameraStream(c.id, s) === cameraStream(c.id, c.connection));
  };
  const error = (i: number, key: string): string | undefined => problemOf(problems, `cameras.${i}.${key}`);
  return (
    <FieldGroup legend={C.caption} name="cameras" error={problemOf(problems, 'cameras')} wide>
      <table className="data setup-table cameras-table">
        <thead><tr><th scope="col">{C.id}</th><th scope="col">{C.room}</th><th scope="col">{C.stream}</th><th scope="col" /></tr></thead>
        <tbody>
          {cameras.map((c, i) => {
            const label = `${C.caption} ${c.id || i + 1}`;
            const conn = c.connection;
            const ok = conn !== null && (isSaved(c) || tested.has(cameraStream(c.id, conn)));
            const connError = problemAt(problems, `cameras.${i}.connection`);
            return (
              <tr key={i} data-camera={c.id} className={open === i ? 'row-open' : ''}>
                <td>
                  <input className="mono id-input" aria-label={`${label} ${C.id}`} value={c.id} {...invalid(error(i, 'id'))} onChange={(e) => set(i, { id: e.target.value })} />
                  <CellError field={`cameras.${i}.id`} message={error(i, 'id')} />
                </td>
                <td>
                  <select aria-label={`${label} ${C.room}`} value={c.room} {...invalid(error(i, 'room'))} onChange={(e) => set(i, { room: e.target.value })}>
                    {!draft.rooms.some((r) => r.id === c.room) && <option value={c.room}>{c.room || SETUP_TEXT.problems.needRoom}</option>}
                    {draft.rooms.map((room) => <option key={room.id} value={room.id}>{room.name || room.id}</option>)}
                  </select>
                  <CellError field={`cameras.${i}.room`} message={error(i, 'room')} />
                </td>
                <td className="wrap">
                  <span className={conn ? 'mono' : 'muted'}>{conn ? conn.rtsp || '—' : C.none}</span>
                  {conn && <span className={ok ? 'ok-text' : 'muted'}> {ok ? C.tested : C.mustTest}</span>}
                  {open === i && conn && (
                    <CameraConnectionForm cameraId={c.id} connection={conn} path={`cameras.${i}.connection`} label={label} onChange={(x) => set(i, { connection: x })} />
                  )}
                  {open !== i && connError && <CellError field={`cameras.${i}.connection`} message={connError} />}
                </td>
                <td className="row-actions">
                  {conn === null
                    ? <button type="button" className="small" onClick={() => { set(i, { connection: { ...NEW_CONNECTION } }); setOpen(i); }}>{C.connect}</button>
                    : <button type="button" className="small" aria-expanded={open === i} onClick={() => setOpen(open === i ? null : i)}>{open === i ? C.fold : C.edit}</button>}
                  {conn && <button type="button" className="small" onClick={() => { set(i, { connection: null }); setOpen(null); }}>{C.disconnect}</button>}
                  <button type="button" className="small" aria-label={`${SETUP_TEXT.rooms.remove} ${label}`} onClick={() => remove(i)}>{SETUP_TEXT.rooms.remove}</button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" className="small" onClick={add}>{C.add}</button>
    </FieldGroup>
  );
}
