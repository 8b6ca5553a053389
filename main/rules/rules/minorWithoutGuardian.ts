// 未成年人讯（询）问无合适成年人在场: a session of a minor with no appropriate adult named.
import type { AreaState, Session } from '../../core/state/model.js';
import { everyActiveSession, sessionsChanged } from '../dependencies.js';
import type { HeldRule } from '../types.js';

const noGuardian = (state: AreaState, s: Session): boolean => state.persons.get(s.personId)?.minor === true && s.appropriateAdults.length === 0;

export const minorWithoutGuardian: HeldRule = {
  rule: 'minor_without_guardian',
  severity: 'critical',
  kind: 'held',
  subject: 'session',
  graceMs: () => 0,
  holds({ state, occupancy }, hold) {
    for (const s of occupancy.activeSessions) if (noGuardian(state, s)) hold(`session:${s.id}`);
  },
  dependsOn: sessionsChanged,
  every: everyActiveSession,
  holdsFor(state, id) {
    const s = state.index.activeSessions.get(id);
    return s !== undefined && noGuardian(state, s);
  },
};
