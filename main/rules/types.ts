// A rule says, for a moment, which subjects its condition holds for. Two shapes:
// - held: a condition of the state alone, raised once it has held without a break for a grace;
// - timed: a window of time computed from the state (deadlines), active from `from` until `until`.
// Rules never look at the clock except through `now`, and never keep memory: the engine does.
// They report through callbacks rather than by returning lists: they run after every change of
// state, and allocation there is what costs.
import type { AlarmRule, Severity } from '../../common/alarms.js';
import type { Settings } from '../../common/settings.js';
import type { AreaState } from '../core/state/model.js';
import type { Occupancy } from './occupancy.js';

export interface RuleContext {
  readonly state: AreaState;
  readonly now: number;
  readonly occupancy: Occupancy;
}

interface RuleBase { readonly rule: AlarmRule; readonly severity: Severity }

export interface HeldRule extends RuleBase {
  readonly kind: 'held';
  /** How long the condition must hold before the alarm is raised (ms). */
  graceMs(settings: Settings): number;
  /** Calls `hold` with each subject (kind:id, e.g. room:R1) the condition holds for now. */
  holds(ctx: RuleContext, hold: (subject: string) => void): void;
}

export interface TimedRule extends RuleBase {
  readonly kind: 'timed';
  /** Calls `window` with each subject's window [from, until) (UTC ms; until may be Infinity). */
  windows(ctx: RuleContext, window: (subject: string, from: number, until: number) => void): void;
}

export type Rule = HeldRule | TimedRule;
