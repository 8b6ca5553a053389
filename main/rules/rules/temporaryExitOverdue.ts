// 临时出区超时未归: on a temporary exit past the expected return.
import { everyPersonInCustody, factsTouched } from '../dependencies.js';
import { personWindows } from '../personWindows.js';
import type { TimedRule } from '../types.js';

export const temporaryExitOverdue: TimedRule = {
  rule: 'temporary_exit_overdue',
  severity: 'warning',
  kind: 'timed',
  subject: 'person',
  ...personWindows((p) => (p.tempExit ? { from: p.tempExit.expectedReturnAt, until: Infinity } : null)),
  dependsOn: factsTouched,
  every: everyPersonInCustody,
};
