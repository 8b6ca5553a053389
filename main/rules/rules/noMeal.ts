// 未按时安排饮食: no meal for mealIntervalHours since entry or the last meal.
import { HOUR_MS } from '../../../common/legal.js';
import type { TimedRule } from '../types.js';

export const noMeal: TimedRule = {
  rule: 'no_meal',
  severity: 'warning',
  kind: 'timed',
  windows({ state, occupancy }, window) {
    const interval = state.settings.mealIntervalHours * HOUR_MS;
    for (const p of occupancy.persons) {
      window(p.subject, Math.max(p.enteredAt, p.lastMealAt ?? p.enteredAt) + interval, Infinity);
    }
  },
};
