// 同案人员同室: two suspects of the same case in one room.
import { occupantsOf } from '../../core/state/areaIndex.js';
import { everyRoom, occupantsTouched } from '../dependencies.js';
import type { HeldRule } from '../types.js';

export const coSuspectsTogether: HeldRule = {
  rule: 'co_suspects_together',
  severity: 'critical',
  kind: 'held',
  subject: 'room',
  graceMs: (s) => s.presenceGraceSeconds * 1000,
  holds({ occupancy }, hold) {
    for (const [roomId, persons] of occupancy.personsByRoom) {
      const cases = new Set<string>();
      for (const p of persons) {
        if (p.role !== 'suspect' || !p.caseNo) continue;
        if (cases.has(p.caseNo)) {
          hold(`room:${roomId}`);
          break;
        }
        cases.add(p.caseNo);
      }
    }
  },
  dependsOn: occupantsTouched,
  every: everyRoom,
  holdsFor: (state, id) => occupantsOf(state, id).sharedCases > 0,
};
