// 滞留办案区超过24小时: in the area longer than maxStayHours, whatever the basis.
import { HOUR_MS } from '../../../common/legal.js';
import type { TimedRule } from '../types.js';

export const overstay: TimedRule = {
  rule: 'overstay',
  severity: 'critical',
  kind: 'timed',
  windows({ state, occupancy }, window) {
    const max = state.settings.maxStayHours * HOUR_MS;
    for (const p of occupancy.persons) window(p.subject, p.enteredAt + max, Infinity);
  },
};
