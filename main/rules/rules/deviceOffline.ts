// 设备离线: a reader or camera last reported itself offline.
import { devicesTouched, everyDevice } from '../dependencies.js';
import type { HeldRule } from '../types.js';

export const deviceOffline: HeldRule = {
  rule: 'device_offline',
  severity: 'warning',
  kind: 'held',
  subject: 'device',
  graceMs: (s) => s.deviceGraceSeconds * 1000,
  holds({ state }, hold) {
    for (const [id, st] of state.deviceStatus) if (!st.online) hold(`device:${id}`);
    for (const [id, st] of state.cameraStatus) if (!st.online) hold(`device:${id}`);
  },
  dependsOn: devicesTouched,
  every: everyDevice,
  holdsFor: (state, id) => state.deviceStatus.get(id)?.online === false || state.cameraStatus.get(id)?.online === false,
};
