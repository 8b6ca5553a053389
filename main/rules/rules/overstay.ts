// 滞留办案区超过24小时: in the area longer than maxStayHours, whatever the basis.
import { HOUR_MS } from '../../../common/legal.js';
import type { TimedRule } from '../types.js';

export const overstay: TimedRule = {
  rule: 'overstay',
  severity: 'critical',
  kind: 'timed',
  *windows({ state, occupancy }) {
    const max = state.settings.maxStayHours * HOUR_MS;
    for (const p of occupancy.persons) yield { subject: `person:${p.id}`, from: p.enteredAt + max, until: Infinity };
  },
};
