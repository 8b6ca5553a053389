// 未登记离开办案区: an exit reader saw the person leave without a temporary exit or an exit, and
// nothing has placed them inside since.
import type { HeldRule } from '../types.js';

export const leftWithoutExit: HeldRule = {
  rule: 'left_without_exit',
  severity: 'critical',
  kind: 'held',
  graceMs: () => 0,
  holds({ occupancy }, hold) {
    for (const p of occupancy.persons) if (p.leftWithoutExitAt !== null) hold(p.subject);
  },
};
