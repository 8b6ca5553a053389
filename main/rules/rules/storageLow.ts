// 录像存储空间不足: the recording disk reported free space below its threshold. Once it is full,
// every interrogation goes unrecorded, so this is raised at once.
import type { HeldRule } from '../types.js';

/** The recording disk as an alarm subject: device:storage. */
const STORAGE = 'storage';

export const storageLow: HeldRule = {
  rule: 'storage_low',
  severity: 'critical',
  kind: 'held',
  subject: 'device',
  graceMs: () => 0,
  holds({ state }, hold) {
    if (state.storage?.low) hold(`device:${STORAGE}`);
  },
  dependsOn: (changes, _state, mark) => {
    if (changes.storage) mark(STORAGE);
  },
  every: (_state, mark) => mark(STORAGE),
  holdsFor: (state) => state.storage?.low === true,
};
