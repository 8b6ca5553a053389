// 未成年人讯（询）问无合适成年人在场: a session of a minor with no appropriate adult named.
import type { HeldRule } from '../types.js';

export const minorWithoutGuardian: HeldRule = {
  rule: 'minor_without_guardian',
  severity: 'critical',
  kind: 'held',
  graceMs: () => 0,
  holds({ state, occupancy }, hold) {
    for (const s of occupancy.activeSessions) {
      if (state.persons.get(s.personId)?.minor && s.appropriateAdults.length === 0) hold(`session:${s.id}`);
    }
  },
};
