// One camera's recording as the desk reads it. A camera the recorder has not reported on yet is
// "unreported", not "offline": the desk should not be told a camera is down before anyone knows.
import type { CameraView } from '../../../common/views.js';

export type CameraState = 'recording' | 'not_recording' | 'offline' | 'unreported' | 'no_recorder';

export function cameraState(c: CameraView): CameraState {
  // Without its programs the station cannot record the camera, whatever the camera itself does.
  if (c.recorderMissing === true) return 'no_recorder';
  if (c.online === null) return 'unreported';
  if (!c.online) return 'offline';
  return c.recording ? 'recording' : 'not_recording';
}
