// What the set-up editors share, in the administrator's page and in the first-run wizard alike:
// the way to the station, the set-up as it stands on the record (who is present where, which
// officers are registered), the problems to show at their fields, and the cameras whose stream
// passed 试录像 on this page.
import { createContext, useContext } from 'react';
import type { StationBridge } from '../../../../common/api.js';
import type { AreaSetupView, DraftProblem } from '../../../../common/areaSetup.js';

export interface SetupValue {
  readonly bridge: StationBridge;
  /** The set-up as saved (null on the first run before anything is read). */
  readonly saved: AreaSetupView | null;
  readonly problems: readonly DraftProblem[];
  /** Streams (streamKey) that passed 试录像 on this page. */
  readonly tested: ReadonlySet<string>;
  markTested(key: string): void;
}

export const SetupContext = createContext<SetupValue | null>(null);

export function useSetup(): SetupValue {
  const v = useContext(SetupContext);
  if (!v) throw new Error('useSetup outside SetupContext');
  return v;
}

/** A problem about `field` also covers its parts (rooms covers rooms.2.name). */
export function problemAt(problems: readonly DraftProblem[], field: string): string | undefined {
  return problems.find((p) => p.field === field || p.field.startsWith(`${field}.`))?.message;
}

/** The problem of exactly this field. */
export function problemOf(problems: readonly DraftProblem[], field: string): string | undefined {
  return problems.find((p) => p.field === field)?.message;
}
