// 未登记离开办案区: an exit reader saw the person leave without a temporary exit or an exit, and
// nothing has placed them inside since.
import type { Person } from '../../core/state/model.js';
import { everyPersonInCustody, factsTouched } from '../dependencies.js';
import type { HeldRule } from '../types.js';

const seenLeaving = (p: Person | undefined): boolean => p !== undefined && p.exited === null && p.leftWithoutExitAt !== null;

export const leftWithoutExit: HeldRule = {
  rule: 'left_without_exit',
  severity: 'critical',
  kind: 'held',
  subject: 'person',
  graceMs: () => 0,
  holds({ occupancy }, hold) {
    for (const p of occupancy.persons) if (seenLeaving(p)) hold(p.subject);
  },
  // Being seen leaving is a fact of the person (the reducer marks its changes), not a whereabouts.
  dependsOn: factsTouched,
  every: everyPersonInCustody,
  holdsFor: (state, id) => seenLeaving(state.persons.get(id)),
};
