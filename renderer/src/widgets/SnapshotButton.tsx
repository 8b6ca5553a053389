// 查看画面: asks the station for a JPEG of what the camera sees now and shows it in a dialog. The
// station answers 409 when the camera has no stream it can grab from; the desk says so plainly.
import { useState } from 'react';
import { ApiCallError } from '../../../common/api.js';
import { T } from '../../../common/deskText.js';
import { formatDateTimeSeconds } from '../../../common/zonedTime.js';
import { useStation } from '../station/context.js';
import { errorMessage } from '../station/errors.js';
import { Modal } from './Modal.js';

type Shot =
  | { readonly state: 'loading' }
  | { readonly state: 'shown'; readonly at: number; readonly dataUrl: string }
  | { readonly state: 'failed'; readonly message: string; readonly detail: string | null };

export function SnapshotButton({ camera, compact }: { readonly camera: string; readonly compact?: boolean | undefined }) {
  const { bridge, timeZone } = useStation();
  const [shot, setShot] = useState<Shot | null>(null);

  const open = async (): Promise<void> => {
    setShot({ state: 'loading' });
    try {
      const r = await bridge.invoke('snapshot', { camera });
      setShot({ state: 'shown', at: r.at, dataUrl: r.dataUrl });
    } catch (err) {
      setShot(err instanceof ApiCallError && err.status === 409
        ? { state: 'failed', message: T.camera.noStream(camera), detail: err.message }
        : { state: 'failed', message: errorMessage(err), detail: null });
    }
  };

  return (
    <>
      <button type="button" className="small" onClick={() => void open()} aria-label={T.camera.viewOf(camera)} title={T.camera.viewOf(camera)}>
        {compact ? T.camera.viewShort : T.camera.view}
      </button>
      {shot && (
        <Modal title={T.camera.title(camera)} onClose={() => setShot(null)}>
          {shot.state === 'loading' && <p role="status">{T.camera.loading}</p>}
          {shot.state === 'shown' && (
            <figure className="snapshot">
              <img src={shot.dataUrl} alt={T.camera.alt(camera)} />
              <figcaption className="muted">{T.camera.takenAt(formatDateTimeSeconds(shot.at, timeZone))}</figcaption>
            </figure>
          )}
          {shot.state === 'failed' && (
            <div role="alert" className="snapshot-failed">
              <p className="form-error">{shot.message}</p>
              {shot.detail && <p className="muted">{T.camera.stationSaid(shot.detail)}</p>}
            </div>
          )}
          <div className="actions">
            <button type="button" data-autofocus onClick={() => setShot(null)}>{T.common.close}</button>
          </div>
        </Modal>
      )}
    </>
  );
}
