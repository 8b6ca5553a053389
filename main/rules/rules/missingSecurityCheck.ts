// 未安检进入功能室: a suspect not yet searched is somewhere beyond registration and the search room.
import type { AreaState, Person } from '../../core/state/model.js';
import { roomOf } from '../../core/state/areaIndex.js';
import { everyPersonInCustody, personsWhoMatter } from '../dependencies.js';
import type { HeldRule } from '../types.js';

function beyondTheSearch(state: AreaState, roomId: string): boolean {
  const kind = state.rooms.get(roomId)?.kind;
  return kind !== 'registration' && kind !== 'security_check';
}

const unsearched = (p: Person): boolean => p.role === 'suspect' && !p.securityChecked;

export const missingSecurityCheck: HeldRule = {
  rule: 'missing_security_check',
  severity: 'critical',
  kind: 'held',
  subject: 'person',
  graceMs: () => 0,
  holds({ state, occupancy }, hold) {
    for (const [roomId, persons] of occupancy.personsByRoom) {
      if (!beyondTheSearch(state, roomId)) continue;
      for (const p of persons) if (unsearched(p)) hold(p.subject);
    }
  },
  dependsOn: personsWhoMatter(unsearched),
  every: everyPersonInCustody,
  holdsFor(state, id) {
    const p = state.persons.get(id);
    if (!p || p.exited !== null || !unsearched(p)) return false;
    const room = roomOf(state, id);
    return room !== null && beyondTheSearch(state, room);
  },
};
