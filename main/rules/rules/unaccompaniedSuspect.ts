// 嫌疑人无人看管: a suspect in a room that needs a guard, with no officer present and no active
// session in the room with an officer whose whereabouts are not known.
import type { HeldRule } from '../types.js';

export const unaccompaniedSuspect: HeldRule = {
  rule: 'unaccompanied_suspect',
  severity: 'critical',
  kind: 'held',
  graceMs: (s) => s.presenceGraceSeconds * 1000,
  holds({ state, occupancy }, hold) {
    for (const [roomId, persons] of occupancy.personsByRoom) {
      if (!state.rooms.get(roomId)?.guardRequired) continue;
      if ((occupancy.officersByRoom.get(roomId)?.size ?? 0) > 0) continue;
      const sessionGuard = (occupancy.activeSessionsByRoom.get(roomId) ?? [])
        .some((s) => [...s.officers].some((o) => !state.presence.has(o)));
      if (sessionGuard) continue;
      for (const p of persons) if (p.role === 'suspect') hold(p.subject);
    }
  },
};
