import type { PersonSummary, RoomView } from '../../../common/views.js';

/** A room that must be recorded right now: it has a session, or a suspect is in it. */
export function recordingDue(room: RoomView, persons: readonly PersonSummary[]): boolean {
  return room.recordingRequired && (room.sessions.length > 0 || persons.some((p) => p.role === 'suspect'));
}
