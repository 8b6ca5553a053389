// 超过法定时限: at or past the legal deadline.
import { deadlineOf } from '../deadline.js';
import { everyPersonInCustody, factsTouched } from '../dependencies.js';
import { personWindows } from '../personWindows.js';
import type { TimedRule } from '../types.js';

export const timeLimitExceeded: TimedRule = {
  rule: 'time_limit_exceeded',
  severity: 'critical',
  kind: 'timed',
  subject: 'person',
  ...personWindows((p) => {
    const deadline = deadlineOf(p);
    return deadline === null ? null : { from: deadline, until: Infinity };
  }),
  dependsOn: factsTouched,
  every: everyPersonInCustody,
};
