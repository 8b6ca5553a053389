// 登记照片 at entry: a snapshot of a registration-room camera, or a picture from the desk
// computer's own camera (the desk window allows the camera to the app's pages only). The station
// stores the image in its data folder; the form keeps its SHA-256 for the record.
import { useEffect, useRef, useState } from 'react';
import { PHOTO_TEXT } from '../../../../common/idCardText.js';
import { useStation } from '../../station/context.js';
import { errorMessage } from '../../station/errors.js';
import { Field } from '../../widgets/Field.js';
import type { EntryDraft } from './draft.js';

interface Props {
  readonly name: string;
  readonly photo: EntryDraft['photo'];
  readonly onChange: (photo: EntryDraft['photo']) => void;
}

export function PhotoField({ name, photo, onChange }: Props) {
  const { bridge, overview } = useStation();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const video = useRef<HTMLVideoElement | null>(null);
  const cameras = (overview?.rooms ?? []).filter((r) => r.kind === 'registration').flatMap((r) => r.cameras.map((c) => ({ room: r.name, camera: c.id })));
  const webcam = typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';

  useEffect(() => {
    if (video.current && stream) video.current.srcObject = stream;
    // The camera's light goes out when the form is left or the picture is taken.
    return () => stream?.getTracks().forEach((t) => t.stop());
  }, [stream]);

  const store = async (arg: { camera: string } | { dataUrl: string }): Promise<void> => {
    setBusy(true);
    setNote(null);
    try {
      const r = await bridge.invoke('registrationPhoto', arg);
      onChange({ sha256: r.sha256, dataUrl: r.dataUrl });
    } catch (err) {
      setNote(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const openWebcam = async (): Promise<void> => {
    setNote(null);
    try {
      setStream(await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false }));
    } catch (err) {
      setNote(`${PHOTO_TEXT.noWebcam}${errorMessage(err)}`);
    }
  };

  const snap = (): void => {
    const v = video.current;
    if (!v || v.videoWidth === 0) return;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext('2d')?.drawImage(v, 0, 0);
    setStream(null);
    void store({ dataUrl: canvas.toDataURL('image/jpeg', 0.85) });
  };

  return (
    <Field label={PHOTO_TEXT.label} name="person.details.photoSha256" wide
      hint={note ?? (photo ? PHOTO_TEXT.stored(photo.sha256) : PHOTO_TEXT.none)}>
      {(c) => (
        <div className="photo-field" id={c.id} aria-describedby={c['aria-describedby']}>
          {photo && !stream && <img className="person-photo" src={photo.dataUrl} alt={PHOTO_TEXT.alt(name)} data-photo-sha={photo.sha256} />}
          {stream && (
            <div className="photo-live">
              <video ref={video} autoPlay muted playsInline />
              <button type="button" className="primary" onClick={snap}>{PHOTO_TEXT.take}</button>
              <button type="button" onClick={() => setStream(null)}>{PHOTO_TEXT.cancel}</button>
            </div>
          )}
          {!stream && (
            <div className="photo-actions">
              {cameras.map((cam) => (
                <button key={cam.camera} type="button" disabled={busy} onClick={() => void store({ camera: cam.camera })}>
                  {busy ? PHOTO_TEXT.taking : PHOTO_TEXT.fromCamera(cam.room, cam.camera)}
                </button>
              ))}
              {webcam && <button type="button" disabled={busy} onClick={() => void openWebcam()}>{PHOTO_TEXT.fromWebcam}</button>}
            </div>
          )}
        </div>
      )}
    </Field>
  );
}
