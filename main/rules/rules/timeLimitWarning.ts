// 时限即将届满: within timeLimitWarnMinutes before the legal deadline.
import { MINUTE_MS } from '../../../common/legal.js';
import { deadlineOf } from '../deadline.js';
import { everyPersonInCustody, factsTouched } from '../dependencies.js';
import { personWindows } from '../personWindows.js';
import type { TimedRule } from '../types.js';

export const timeLimitWarning: TimedRule = {
  rule: 'time_limit_warning',
  severity: 'warning',
  kind: 'timed',
  subject: 'person',
  ...personWindows((p, settings) => {
    const deadline = deadlineOf(p);
    return deadline === null ? null : { from: deadline - settings.timeLimitWarnMinutes * MINUTE_MS, until: deadline };
  }),
  dependsOn: factsTouched,
  every: everyPersonInCustody,
};
