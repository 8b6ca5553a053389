// 未安检进入功能室: a suspect not yet searched is somewhere beyond registration and the search room.
import type { HeldRule } from '../types.js';

export const missingSecurityCheck: HeldRule = {
  rule: 'missing_security_check',
  severity: 'critical',
  kind: 'held',
  graceMs: () => 0,
  holds({ state, occupancy }, hold) {
    for (const [roomId, persons] of occupancy.personsByRoom) {
      const kind = state.rooms.get(roomId)?.kind;
      if (kind === 'registration' || kind === 'security_check') continue;
      for (const p of persons) if (p.role === 'suspect' && !p.securityChecked) hold(p.subject);
    }
  },
};
