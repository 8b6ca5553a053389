// Why an alarm holds, where the page can tell more than the rule's name: an unrecorded
// interrogation says what its room's recording is (camera offline, recorder missing, …).
import { RECORDING_LABELS } from '../../../common/messages.js';
import type { AlarmView } from '../../../common/views.js';
import type { Names } from '../station/names.js';

export function alarmCause(alarm: AlarmView, names: Names): string | null {
  if (alarm.rule !== 'unrecorded_interrogation' || alarm.resolvedAt !== null || alarm.room === null) return null;
  const room = names.rooms.get(alarm.room);
  return !room || room.recording === 'recorded' ? null : RECORDING_LABELS[room.recording];
}
