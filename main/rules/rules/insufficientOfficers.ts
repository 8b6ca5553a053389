// 讯（询）问民警不足二人: an interrogation or inquiry of a suspect with fewer than two officers. An
// officer of the session counts unless known to be somewhere other than the session's room.
import type { AreaState, Session } from '../../core/state/model.js';
import { roomOf } from '../../core/state/areaIndex.js';
import { everyActiveSession, sessionsTouched } from '../dependencies.js';
import type { HeldRule } from '../types.js';

function countingOfficers(state: AreaState, s: Session): number {
  let n = 0;
  for (const id of s.officers) {
    const where = state.presence.get(id);
    if (where === undefined || roomOf(state, id) === s.room) n += 1;
  }
  return n;
}

function tooFew(state: AreaState, s: Session): boolean {
  if (s.kind === 'identification') return false;
  if (state.persons.get(s.personId)?.role !== 'suspect') return false;
  return countingOfficers(state, s) < 2;
}

export const insufficientOfficers: HeldRule = {
  rule: 'insufficient_officers',
  severity: 'critical',
  kind: 'held',
  subject: 'session',
  graceMs: (s) => s.presenceGraceSeconds * 1000,
  holds({ state, occupancy }, hold) {
    for (const s of occupancy.activeSessions) if (tooFew(state, s)) hold(`session:${s.id}`);
  },
  dependsOn: sessionsTouched,
  every: everyActiveSession,
  holdsFor(state, id) {
    const s = state.index.activeSessions.get(id);
    return s !== undefined && tooFew(state, s);
  },
};
