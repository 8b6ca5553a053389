// 讯（询）问未录音录像: a room that must be recorded is occupied (an active session in it, or a
// suspect present) and not every one of its cameras is online and recording.
import { camerasIn, occupantsOf, sessionsIn } from '../../core/state/areaIndex.js';
import type { AreaState, Camera } from '../../core/state/model.js';
import { everyRoom, sessionsOrCamerasTouched } from '../dependencies.js';
import type { HeldRule } from '../types.js';

/** There is a camera, and every one is online and recording (one with no status yet is not). */
function allRecording(state: AreaState, cameras: Iterable<Camera>): boolean {
  let n = 0;
  for (const cam of cameras) {
    n += 1;
    const status = state.cameraStatus.get(cam.id);
    if (!status || !status.online || !status.recording) return false;
  }
  return n > 0;
}

export const unrecordedInterrogation: HeldRule = {
  rule: 'unrecorded_interrogation',
  severity: 'critical',
  kind: 'held',
  subject: 'room',
  graceMs: (s) => s.recordingGraceSeconds * 1000,
  holds({ state, occupancy }, hold) {
    for (const room of state.rooms.values()) {
      if (!room.recordingRequired) continue;
      const occupied = (occupancy.activeSessionsByRoom.get(room.id)?.length ?? 0) > 0
        || (occupancy.personsByRoom.get(room.id) ?? []).some((p) => p.role === 'suspect');
      if (occupied && !allRecording(state, [...state.cameras.values()].filter((c) => c.room === room.id))) hold(`room:${room.id}`);
    }
  },
  // A person coming or going matters only when it changes whether a suspect is present.
  counts: { holds: (c) => c.suspects > 0, keep: (room) => room.recordingRequired },
  dependsOn: sessionsOrCamerasTouched((room) => room.recordingRequired),
  every: everyRoom,
  holdsFor(state, id) {
    if (!state.rooms.get(id)?.recordingRequired) return false;
    const occupied = occupantsOf(state, id).suspects > 0 || sessionsIn(state, id).size > 0;
    return occupied && !allRecording(state, camerasIn(state, id));
  },
};
