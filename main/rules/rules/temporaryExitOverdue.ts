// 临时出区超时未归: on a temporary exit past the expected return.
import type { TimedRule } from '../types.js';

export const temporaryExitOverdue: TimedRule = {
  rule: 'temporary_exit_overdue',
  severity: 'warning',
  kind: 'timed',
  windows({ occupancy }, window) {
    for (const p of occupancy.persons) {
      if (p.tempExit) window(p.subject, p.tempExit.expectedReturnAt, Infinity);
    }
  },
};
