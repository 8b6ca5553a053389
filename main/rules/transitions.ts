// What an evaluation of the rules returns, in the contract's order for one instant: resolves
// before raises, each in the order of the rule table, then by subject.
import { ALARM_RULES, type AlarmRule, type Severity } from '../../common/alarms.js';
import type { DomainEvent } from '../../common/events.js';
import type { AreaState } from '../core/state/model.js';
import type { EngineMemory } from './engine.js';

export type Transition =
  | { readonly kind: 'raise'; readonly rule: AlarmRule; readonly subject: string; readonly severity: Severity; readonly dueAt: number }
  | { readonly kind: 'resolve'; readonly rule: AlarmRule; readonly subject: string; readonly severity: Severity; readonly alarmId: string };

const RULE_ORDER = new Map<AlarmRule, number>(ALARM_RULES.map((r, i) => [r, i]));

export function byRuleThenSubject(a: { rule: AlarmRule; subject: string }, b: { rule: AlarmRule; subject: string }): number {
  return (RULE_ORDER.get(a.rule) ?? 0) - (RULE_ORDER.get(b.rule) ?? 0) || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0);
}

/** Resolves, then raises, each sorted. */
export function inContractOrder(resolves: Transition[], raises: Transition[]): Transition[] {
  return [...resolves.sort(byRuleThenSubject), ...raises.sort(byRuleThenSubject)];
}

/** What the station asks of a rule engine (engine.ts; the full evaluator, oracle.ts, in tests). */
export interface Evaluator {
  /**
   * The alarm transitions needed at `now` to bring the state's active alarms in line with the
   * rules, in contract order. Does not change the state; the caller records them.
   */
  evaluate(state: AreaState, now: number): readonly Transition[];
  /** The next instant at which an alarm may change without any event; null if none. */
  readonly nextDeadline: number | null;
  /**
   * Whether nextDeadline is at or before `t`. Asked before every command, when most often none is:
   * a yes or no, where the instant itself would be a new number object on every command.
   */
  dueBy(t: number): boolean;
  /** Forgets condition memory (the state is about to be rebuilt from scratch). */
  reset(): void;
  /** The state's alarms may not be what this evaluator last decided: compare them all next time. */
  resync(): void;
  /** What a snapshot keeps of it. */
  memory(): EngineMemory;
  /** Takes up the memory of one that last evaluated `state` (read back from a snapshot). */
  restore(memory: EngineMemory, state: AreaState): void;
}

/** No transitions: what nearly every evaluation returns, one shared list rather than one each. */
export const NO_TRANSITIONS: readonly Transition[] = Object.freeze([]);

/** The event that records `t`; a raised alarm takes the number `nextAlarmNo` (the state's next). */
export function transitionEvent(t: Transition, nextAlarmNo: number): DomainEvent {
  if (t.kind === 'raise') {
    const alarmId = `AL${String(nextAlarmNo).padStart(6, '0')}`;
    return { type: 'alarm.raised', payload: { alarmId, rule: t.rule, subject: t.subject, severity: t.severity, dueAt: t.dueAt } };
  }
  return { type: 'alarm.resolved', payload: { alarmId: t.alarmId, rule: t.rule, subject: t.subject, severity: t.severity } };
}
