// A rule says, for a moment, which subjects its condition holds for. Two shapes:
// - held: a condition of the state alone, raised once it has held without a break for a grace;
// - timed: a window of time computed from the state (deadlines), active from `from` until `until`.
// Rules never look at the clock except through `now`, and never keep memory: the engine does.
//
// Each rule states its condition twice, over one shared predicate:
// - for the whole area at once (`holds`, `windows`), which the full evaluator (oracle.ts) runs: the
//   plain reading of the contract, kept as the oracle the station's engine is tested against;
// - for one subject (`holdsFor`, `windowFor`), with the subjects an event can change (`dependsOn`,
//   and for a room rule the condition over the room's figures it reads, `counts`) and every subject
//   there may be (`every`), which the station's engine (engine.ts) runs after each event on just the
//   subjects the event touched.
// They report through callbacks rather than by returning lists: they run after every change of
// state, and allocation there is what costs.
import type { AlarmRule, Severity, SubjectKind } from '../../common/alarms.js';
import type { Settings } from '../../common/settings.js';
import type { ChangeKind, Changes } from '../core/state/changes.js';
import type { AreaState, Room } from '../core/state/model.js';
import type { Counts } from '../core/state/occupants.js';
import type { Occupancy } from './occupancy.js';

export interface RuleContext {
  readonly state: AreaState;
  readonly now: number;
  readonly occupancy: Occupancy;
}

/** Calls `mark` with the id of each subject (of the rule's kind) to look at. */
export type SubjectSource = (state: AreaState, mark: (id: string) => void) => void;
/**
 * The subjects whose condition the changes may have altered, and the kinds of change that can
 * alter any: after most events (a move) most rules' kinds are untouched, and the engine then does
 * not ask them at all (tests/rules/dependencyKinds.test.ts holds `kinds` to what `touched` reads).
 */
export interface Dependencies {
  /** The kinds of change `touched` reads. */
  readonly kinds: readonly ChangeKind[];
  /** Calls `mark` with the id of each subject whose condition the changes may have altered. */
  readonly touched: (changes: Changes, state: AreaState, mark: (id: string) => void) => void;
}

/** A window of time [from, until) in UTC ms; until may be Infinity. */
export interface Window { readonly from: number; readonly until: number }

interface RuleBase {
  readonly rule: AlarmRule;
  readonly severity: Severity;
  /** The kind of the rule's subjects: its alarms are about `${subject}:${id}`. */
  readonly subject: SubjectKind;
  /** The subjects the changes may have altered (a room rule: besides its `counts`); none when not given. */
  readonly dependsOn?: Dependencies;
  /** Every subject the rule may hold for now (looked at all over again after an area change). */
  readonly every: SubjectSource;
}

/**
 * What a room rule reads of a room's figures (Counts, occupants.ts): its condition over them in a
 * room as the area describes it, and the rooms where it can hold at all (waiting rooms, rooms with
 * a capacity, rooms that must be recorded; every room, and rooms the area no longer has, when not
 * given). What `keep` reads of a room changes only with the area. When persons come to or leave a
 * room, the engine asks the condition of its figures and looks at the room again only where the
 * answer changed: most moves leave every room condition as it was (one more man in a room of men).
 */
export interface CountsCondition {
  readonly holds: (c: Counts, room: Room) => boolean;
  readonly keep?: (room: Room) => boolean;
}

export interface HeldRule extends RuleBase {
  readonly kind: 'held';
  /** A room rule: the condition over the room's figures that its own condition includes. */
  readonly counts?: CountsCondition;
  /** How long the condition must hold before the alarm is raised (ms). */
  graceMs(settings: Settings): number;
  /** Calls `hold` with each subject (kind:id, e.g. room:R1) the condition holds for now. */
  holds(ctx: RuleContext, hold: (subject: string) => void): void;
  /** Whether the condition holds now for the subject `id`. */
  holdsFor(state: AreaState, id: string): boolean;
}

export interface TimedRule extends RuleBase {
  readonly kind: 'timed';
  /** Calls `window` with each subject's window [from, until) (UTC ms; until may be Infinity). */
  windows(ctx: RuleContext, window: (subject: string, from: number, until: number) => void): void;
  /** The window of the subject `id`, or null when it has none. */
  windowFor(state: AreaState, id: string): Window | null;
}

export type Rule = HeldRule | TimedRule;
