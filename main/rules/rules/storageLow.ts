// 录像存储空间不足: the recording disk reported free space below its threshold. Once it is full,
// every interrogation goes unrecorded, so this is raised at once.
import { STORAGE_DEVICE } from '../../../common/alarms.js';
import type { HeldRule } from '../types.js';

export const storageLow: HeldRule = {
  rule: 'storage_low',
  severity: 'critical',
  kind: 'held',
  subject: 'device',
  graceMs: () => 0,
  holds({ state }, hold) {
    if (state.storage?.low) hold(`device:${STORAGE_DEVICE}`);
  },
  dependsOn: {
    kinds: ['storage'],
    touched: (changes, _state, mark) => {
      if (changes.storage) mark(STORAGE_DEVICE);
    },
  },
  every: (_state, mark) => mark(STORAGE_DEVICE),
  holdsFor: (state) => state.storage?.low === true,
};
