// 未按时安排饮食: no meal for mealIntervalHours since entry or the last meal.
import { HOUR_MS } from '../../../common/legal.js';
import { everyPersonInCustody, factsTouched } from '../dependencies.js';
import { personWindows } from '../personWindows.js';
import type { TimedRule } from '../types.js';

export const noMeal: TimedRule = {
  rule: 'no_meal',
  severity: 'warning',
  kind: 'timed',
  subject: 'person',
  ...personWindows((p, settings) => ({ from: Math.max(p.enteredAt, p.lastMealAt ?? p.enteredAt) + settings.mealIntervalHours * HOUR_MS, until: Infinity })),
  dependsOn: factsTouched,
  every: everyPersonInCustody,
};
