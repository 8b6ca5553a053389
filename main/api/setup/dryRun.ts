// The core's own decision on each command of a save, without recording anything: the same parse
// and the same decide() the station runs on submit, against the state as it is now. A refusal
// comes back at the draft's field it names, in the core's words.
import type { DraftProblem } from '../../../common/areaSetup.js';
import { decide } from '../../core/commands/decide.js';
import { parseCommand } from '../../core/commands/parse.js';
import type { AreaState } from '../../core/state/model.js';
import type { PlannedCommand } from './plan.js';

export interface DecideMoment { readonly at: number; readonly offsetMinutes: number }

/** The first refusal among the planned commands, or null when the core would accept them all. */
export function dryRun(state: AreaState, commands: readonly PlannedCommand[], moment: DecideMoment): DraftProblem | null {
  for (const planned of commands) {
    const parsed = parseCommand(planned.command);
    const decision = parsed.ok ? decide(state, parsed.command, moment) : parsed;
    if (decision.ok) continue;
    const rejection = decision.rejection;
    return { field: planned.draftField(rejection.field), message: rejection.message };
  }
  return null;
}
