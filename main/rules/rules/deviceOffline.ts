// 设备离线: a reader or camera last reported itself offline.
import type { HeldRule } from '../types.js';

export const deviceOffline: HeldRule = {
  rule: 'device_offline',
  severity: 'warning',
  kind: 'held',
  graceMs: (s) => s.deviceGraceSeconds * 1000,
  holds({ state }, hold) {
    for (const [id, st] of state.deviceStatus) if (!st.online) hold(`device:${id}`);
    for (const [id, st] of state.cameraStatus) if (!st.online) hold(`device:${id}`);
  },
};
