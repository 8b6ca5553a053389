// 实时画面: opens a camera's live picture in a dialog, from wherever the camera is shown (the room
// view, the overview's and the dashboard's room tiles) — for the roles the station allows live view.
import { useState } from 'react';
import { R } from '../../../common/recordingText.js';
import { LivePlayer } from '../media/LivePlayer.js';
import { useStation } from '../station/context.js';
import { useMediaAccess } from '../station/useMediaAccess.js';
import { Modal } from './Modal.js';

export function LiveButton({ camera, compact }: { readonly camera: string; readonly compact?: boolean | undefined }) {
  const { names } = useStation();
  const access = useMediaAccess();
  const [open, setOpen] = useState(false);
  if (!access.live) return null;
  const room = [...names.rooms.values()].find((r) => r.cameras.some((c) => c.id === camera))?.name ?? '';
  const title = R.live.title(camera, room);
  return (
    <>
      <button type="button" className="small" onClick={() => setOpen(true)} aria-label={title} title={title} data-live-button={camera}>
        {compact ? R.live.buttonShort : R.live.button}
      </button>
      {open && (
        <Modal title={title} onClose={() => setOpen(false)} wide>
          <LivePlayer camera={camera} label={R.live.video(camera)} sound />
          <div className="actions">
            <button type="button" data-autofocus onClick={() => setOpen(false)}>{R.live.close}</button>
          </div>
        </Modal>
      )}
    </>
  );
}
