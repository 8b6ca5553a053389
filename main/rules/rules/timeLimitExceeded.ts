// 超过法定时限: at or past the legal deadline.
import { deadlineOf } from '../deadline.js';
import type { TimedRule } from '../types.js';

export const timeLimitExceeded: TimedRule = {
  rule: 'time_limit_exceeded',
  severity: 'critical',
  kind: 'timed',
  windows({ occupancy }, window) {
    for (const p of occupancy.persons) {
      const deadline = deadlineOf(p);
      if (deadline !== null) window(p.subject, deadline, Infinity);
    }
  },
};
