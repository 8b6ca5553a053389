// 滞留办案区超过24小时: in the area longer than maxStayHours, whatever the basis.
import { HOUR_MS } from '../../../common/legal.js';
import { everyPersonInCustody, factsTouched } from '../dependencies.js';
import { personWindows } from '../personWindows.js';
import type { TimedRule } from '../types.js';

export const overstay: TimedRule = {
  rule: 'overstay',
  severity: 'critical',
  kind: 'timed',
  subject: 'person',
  ...personWindows((p, settings) => ({ from: p.enteredAt + settings.maxStayHours * HOUR_MS, until: Infinity })),
  dependsOn: factsTouched,
  every: everyPersonInCustody,
};
