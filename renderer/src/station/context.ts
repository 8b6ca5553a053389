import { createContext, useContext } from 'react';
import type { CommandInput, StationBridge } from '../../../common/api.js';
import type { CommandType } from '../../../common/commands.js';
import type { AlarmView, Overview, SessionInfo } from '../../../common/views.js';
import type { Names } from './names.js';

/** What a submitted command came to: accepted, or refused with the core's message (and the field it names). */
export type Outcome =
  | { readonly ok: true; readonly at: number; readonly seq: number | null; readonly alarms: readonly AlarmView[] }
  | { readonly ok: false; readonly message: string; readonly field?: string };

export interface StationValue {
  readonly bridge: StationBridge;
  readonly session: SessionInfo;
  /** The last overview (null until the first one arrives). */
  readonly overview: Overview | null;
  readonly loadError: string | null;
  /** Active alarms, including those change notices reported after the last overview. */
  readonly alarms: readonly AlarmView[];
  /** Critical alarms that ended before anyone acknowledged them (已解除·待确认). */
  readonly awaitingAck: readonly AlarmView[];
  /** Grows with every change notice: queries that read it run again. */
  readonly revision: number;
  /** Whether the live channel is up; null until the bridge has said. */
  readonly connected: boolean | null;
  /** Station clock minus this computer's clock, so countdowns follow the station. */
  readonly skewMs: number;
  readonly timeZone: string;
  readonly names: Names;
  submit(command: CommandInput): Promise<Outcome>;
  may(type: CommandType): boolean;
  signOut(): void;
}

export const StationContext = createContext<StationValue | null>(null);

export function useStation(): StationValue {
  const value = useContext(StationContext);
  if (!value) throw new Error('useStation outside StationProvider');
  return value;
}
