// The time-driven rules are all about a person in custody: each gives the person's window, and
// both of its readings (the whole area, one person) follow from it.
import type { Settings } from '../../common/settings.js';
import type { Person } from '../core/state/model.js';
import type { TimedRule, Window } from './types.js';

export type PersonWindow = (p: Person, settings: Settings) => Window | null;

export function personWindows(window: PersonWindow): Pick<TimedRule, 'windows' | 'windowFor'> {
  return {
    windows({ state, occupancy }, report) {
      for (const p of occupancy.persons) {
        const w = window(p, state.settings);
        if (w) report(p.subject, w.from, w.until);
      }
    },
    windowFor(state, id) {
      const p = state.persons.get(id);
      return p && p.exited === null ? window(p, state.settings) : null;
    },
  };
}
