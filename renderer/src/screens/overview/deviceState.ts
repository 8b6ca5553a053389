import { T } from '../../../../common/deskText.js';
import type { RoomView } from '../../../../common/views.js';

/** A room's readers and cameras in one phrase, and whether it is a fault. */
export function deviceState(room: RoomView): { readonly text: string; readonly fault: boolean } {
  const devices = [...room.cameras, ...room.readers];
  if (devices.length === 0) return { text: T.overview.noDevices, fault: false };
  const offline = devices.filter((d) => d.online === false).length;
  if (offline > 0) return { text: T.overview.devicesOffline(offline), fault: true };
  if (devices.some((d) => d.online === null)) return { text: T.overview.devicesUnknown, fault: false };
  return { text: T.overview.devicesOk, fault: false };
}
