// The full evaluator: every rule over the whole area at every evaluation, the plain reading of the
// contract. It is the oracle the station's engine (engine.ts), which looks only at what an event
// touched, is tested against (tests/rules/differential.test.ts): both must give the same
// transitions in the same order, and the same next deadline.
// Like the engine it keeps one piece of memory, since when each held condition has been true,
// and that memory is itself derived from the record (it is rebuilt by evaluating after every
// recorded event). It never polls: after each evaluation it knows the next instant at which
// something could change without an event.
import type { AlarmRule, Severity } from '../../common/alarms.js';
import { clearChanges } from '../core/state/changes.js';
import { alarmKey, type AreaState } from '../core/state/model.js';
import type { EngineMemory } from './engine.js';
import { computeOccupancy } from './occupancy.js';
import { RULES } from './rules/index.js';
import { inContractOrder, type Evaluator, type Transition } from './transitions.js';
import type { Rule, RuleContext } from './types.js';

interface Desired { readonly rule: AlarmRule; readonly subject: string; readonly severity: Severity; readonly dueAt: number }

export class FullEvaluator implements Evaluator {
  /** Since when each held condition (by rule|subject) has been true without a break. */
  private since = new Map<string, number>();
  private next: number | null = null;
  private evaluatedAt: number | null = null;
  private readonly owned: ReadonlySet<AlarmRule>;

  constructor(private readonly rules: readonly Rule[] = RULES) {
    this.owned = new Set(rules.map((r) => r.rule));
  }

  /** The next instant at which an alarm may change without any event; null if none. */
  get nextDeadline(): number | null {
    return this.next;
  }

  dueBy(t: number): boolean {
    return this.next !== null && this.next <= t;
  }

  /**
   * Evaluates every rule at `now` against `state` and returns the alarm transitions needed to bring
   * the state's active alarms in line, in contract order. Does not change the state.
   */
  evaluate(state: AreaState, now: number): Transition[] {
    // It looks at everything; what changed is of no use to it.
    clearChanges(state.changes);
    const ctx: RuleContext = { state, now, occupancy: computeOccupancy(state) };
    const desired = new Map<string, Desired>();
    const since = new Map<string, number>();
    let next = Infinity;
    for (const rule of this.rules) {
      if (rule.kind === 'held') {
        const grace = rule.graceMs(state.settings);
        rule.holds(ctx, (subject) => {
          const key = alarmKey(rule.rule, subject);
          if (since.has(key)) return;
          const start = this.since.get(key) ?? now;
          since.set(key, start);
          const due = start + grace;
          if (due <= now) desired.set(key, { rule: rule.rule, subject, severity: rule.severity, dueAt: due });
          else if (due < next) next = due;
        });
      } else {
        rule.windows(ctx, (subject, from, until) => {
          if (from > now) {
            if (from < next) next = from;
          } else if (now < until) {
            desired.set(alarmKey(rule.rule, subject), { rule: rule.rule, subject, severity: rule.severity, dueAt: from });
            if (until < next) next = until;
          }
        });
      }
    }
    this.since = since;
    this.next = Number.isFinite(next) ? next : null;
    this.evaluatedAt = now;

    const resolves: Transition[] = [];
    for (const [key, alarmId] of state.activeAlarms) {
      if (desired.has(key)) continue;
      const alarm = state.alarms.get(alarmId);
      // Alarms of rules this engine does not evaluate are someone else's to resolve.
      if (alarm && this.owned.has(alarm.rule)) resolves.push({ kind: 'resolve', rule: alarm.rule, subject: alarm.subject, severity: alarm.severity, alarmId });
    }
    const raises: Transition[] = [];
    for (const [key, d] of desired) if (!state.activeAlarms.has(key)) raises.push({ kind: 'raise', ...d });
    return inContractOrder(resolves, raises);
  }

  /** It compares every active alarm at every evaluation anyway. */
  resync(): void {}

  /** Forgets condition memory (used when the state is rebuilt from scratch). */
  reset(): void {
    this.since.clear();
    this.next = null;
    this.evaluatedAt = null;
  }

  memory(): EngineMemory {
    const since: Partial<Record<AlarmRule, [string, number][]>> = {};
    for (const [key, at] of this.since) {
      const [rule, subject = ''] = key.split('|') as [AlarmRule, string?];
      (since[rule] ??= []).push([subject.slice(subject.indexOf(':') + 1), at]);
    }
    return { evaluatedAt: this.evaluatedAt, since };
  }

  restore(memory: EngineMemory, state: AreaState): void {
    this.reset();
    for (const rule of this.rules) {
      for (const [id, at] of memory.since[rule.rule] ?? []) this.since.set(alarmKey(rule.rule, `${rule.subject}:${id}`), at);
    }
    if (memory.evaluatedAt !== null) this.evaluate(state, memory.evaluatedAt);
  }
}
