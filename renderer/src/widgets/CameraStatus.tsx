// One camera: recording / not recording / offline, when its last checked segment closed, the
// recorder's reason as a tooltip, and its picture on demand.
import { T } from '../../../common/deskText.js';
import type { CameraView } from '../../../common/views.js';
import { formatDateTime } from '../../../common/zonedTime.js';
import { cameraState } from '../format/cameraState.js';
import { LiveButton } from './LiveButton.js';
import { SnapshotButton } from './SnapshotButton.js';

interface Props {
  readonly camera: CameraView;
  readonly timeZone: string;
  /** Room tiles: the segment time without the year, a short button. */
  readonly compact?: boolean;
}

export function CameraStatus({ camera, timeZone, compact }: Props) {
  const state = cameraState(camera);
  const last = camera.lastSegmentAt === null ? null : formatDateTime(camera.lastSegmentAt, timeZone);
  const tip = [T.camera.states[state], camera.reason ? T.camera.reason(camera.reason) : ''].filter(Boolean).join(' · ');
  return (
    <li className={`camera camera-${state}${compact ? ' camera-compact' : ''}`} data-camera={camera.id} data-camera-state={state} title={tip}>
      <span className="camera-id mono">{camera.id}</span>
      <span className="camera-state"><span className="dot" aria-hidden="true" />{T.camera.states[state]}</span>
      <small className="camera-segment muted">{last === null ? T.camera.noSegment : T.camera.lastSegment(compact ? last.slice(5) : last)}</small>
      {!compact && camera.statusAt !== null && <small className="muted">{T.room.statusAt(formatDateTime(camera.statusAt, timeZone))}</small>}
      <SnapshotButton camera={camera.id} compact={compact} />
      <LiveButton camera={camera.id} compact={compact} />
    </li>
  );
}

export function CameraList({ cameras, timeZone, compact }: { readonly cameras: readonly CameraView[]; readonly timeZone: string; readonly compact?: boolean }) {
  if (cameras.length === 0) return null;
  return <ul className="camera-list">{cameras.map((c) => <CameraStatus key={c.id} camera={c} timeZone={timeZone} compact={compact} />)}</ul>;
}
