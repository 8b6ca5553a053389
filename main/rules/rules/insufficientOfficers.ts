// 讯（询）问民警不足二人: an interrogation or inquiry of a suspect with fewer than two officers. An
// officer of the session counts unless known to be somewhere other than the session's room.
import { roomOf, type AreaState, type Session } from '../../core/state/model.js';
import type { HeldRule } from '../types.js';

export function countingOfficers(state: AreaState, s: Session): number {
  let n = 0;
  for (const id of s.officers) {
    const where = state.presence.get(id);
    if (where === undefined || roomOf(state, id) === s.room) n += 1;
  }
  return n;
}

export const insufficientOfficers: HeldRule = {
  rule: 'insufficient_officers',
  severity: 'critical',
  kind: 'held',
  graceMs: (s) => s.presenceGraceSeconds * 1000,
  holds({ state, occupancy }, hold) {
    for (const s of occupancy.activeSessions) {
      if (s.kind === 'identification') continue;
      if (state.persons.get(s.personId)?.role !== 'suspect') continue;
      if (countingOfficers(state, s) < 2) hold(`session:${s.id}`);
    }
  },
};
