import { RECORDING_LABELS } from '../../../common/messages.js';
import type { RecordingState } from '../../../common/views.js';

/** A room's recording state; `required` rooms that are not recorded are shown as a fault. */
export function RecordingBadge({ state, required }: { readonly state: RecordingState; readonly required: boolean }) {
  const fault = required && state !== 'recorded';
  return (
    <span className={`badge recording recording-${state}${fault ? ' fault' : ''}`} data-recording={state}>
      <span className="dot" aria-hidden="true" />{RECORDING_LABELS[state]}
    </span>
  );
}
