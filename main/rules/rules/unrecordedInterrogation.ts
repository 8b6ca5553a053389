// 讯（询）问未录音录像: a room that must be recorded is occupied (an active session in it, or a
// suspect present) and not every one of its cameras is online and recording.
import type { AreaState } from '../../core/state/model.js';
import type { HeldRule } from '../types.js';

export function roomIsRecorded(state: AreaState, roomId: string): boolean {
  let cameras = 0;
  for (const cam of state.cameras.values()) {
    if (cam.room !== roomId) continue;
    cameras += 1;
    const status = state.cameraStatus.get(cam.id);
    if (!status || !status.online || !status.recording) return false;
  }
  return cameras > 0;
}

export const unrecordedInterrogation: HeldRule = {
  rule: 'unrecorded_interrogation',
  severity: 'critical',
  kind: 'held',
  graceMs: (s) => s.recordingGraceSeconds * 1000,
  holds({ state, occupancy }, hold) {
    for (const room of state.rooms.values()) {
      if (!room.recordingRequired) continue;
      const occupied = (occupancy.activeSessionsByRoom.get(room.id)?.length ?? 0) > 0
        || (occupancy.personsByRoom.get(room.id) ?? []).some((p) => p.role === 'suspect');
      if (occupied && !roomIsRecorded(state, room.id)) hold(`room:${room.id}`);
    }
  },
};
