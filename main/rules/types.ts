// A rule says, for a moment, which subjects its condition holds for. Two shapes:
// - held: a condition of the state alone, raised once it has held without a break for a grace;
// - timed: a window of time computed from the state (deadlines), active from `from` until `until`.
// Rules never look at the clock except through `now`, and never keep memory: the engine does.
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
  /** Subject ids (without the kind prefix is not allowed: full subjects like room:R1). */
  holds(ctx: RuleContext): Iterable<string>;
}

export interface TimeWindow { readonly subject: string; readonly from: number; readonly until: number }

export interface TimedRule extends RuleBase {
  readonly kind: 'timed';
  windows(ctx: RuleContext): Iterable<TimeWindow>;
}

export type Rule = HeldRule | TimedRule;
