// 时限即将届满: within timeLimitWarnMinutes before the legal deadline.
import { MINUTE_MS } from '../../../common/legal.js';
import { deadlineOf } from '../deadline.js';
import type { TimedRule } from '../types.js';

export const timeLimitWarning: TimedRule = {
  rule: 'time_limit_warning',
  severity: 'warning',
  kind: 'timed',
  windows({ state, occupancy }, window) {
    const warn = state.settings.timeLimitWarnMinutes * MINUTE_MS;
    for (const p of occupancy.persons) {
      const deadline = deadlineOf(p);
      if (deadline !== null) window(p.subject, deadline - warn, deadline);
    }
  },
};
