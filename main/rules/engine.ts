// The rule engine: a pure function of state and time. It keeps one piece of memory, since when
// each held condition has been true, and that memory is itself derived from the record (it is
// rebuilt by evaluating after every recorded event). It never polls: after each evaluation it
// knows the next instant at which something could change without an event, and the host (live
// timer or replay's virtual clock) calls it back then.
import { ALARM_RULES, type AlarmRule, type Severity } from '../../common/alarms.js';
import { alarmKey, type AreaState } from '../core/state/model.js';
import { computeOccupancy } from './occupancy.js';
import { RULES } from './rules/index.js';
import type { Rule, RuleContext } from './types.js';

export type Transition =
  | { readonly kind: 'raise'; readonly rule: AlarmRule; readonly subject: string; readonly severity: Severity; readonly dueAt: number }
  | { readonly kind: 'resolve'; readonly rule: AlarmRule; readonly subject: string; readonly severity: Severity; readonly alarmId: string };

interface Desired { readonly rule: AlarmRule; readonly subject: string; readonly severity: Severity; readonly dueAt: number }

const RULE_ORDER = new Map<AlarmRule, number>(ALARM_RULES.map((r, i) => [r, i]));

function byRuleThenSubject(a: { rule: AlarmRule; subject: string }, b: { rule: AlarmRule; subject: string }): number {
  return (RULE_ORDER.get(a.rule) ?? 0) - (RULE_ORDER.get(b.rule) ?? 0) || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0);
}

export class RuleEngine {
  /** Since when each held condition (by rule|subject) has been true without a break. */
  private since = new Map<string, number>();
  private next: number | null = null;
  private readonly owned: ReadonlySet<AlarmRule>;

  constructor(private readonly rules: readonly Rule[] = RULES) {
    this.owned = new Set(rules.map((r) => r.rule));
  }

  /** The next instant at which an alarm may change without any event; null if none. */
  get nextDeadline(): number | null {
    return this.next;
  }

  /**
   * Evaluates every rule at `now` against `state` and returns the alarm transitions needed to bring
   * the state's active alarms in line, in contract order. Does not change the state.
   */
  evaluate(state: AreaState, now: number): Transition[] {
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

    const resolves: Transition[] = [];
    for (const [key, alarmId] of state.activeAlarms) {
      if (desired.has(key)) continue;
      const alarm = state.alarms.get(alarmId);
      // Alarms of rules this engine does not evaluate are someone else's to resolve.
      if (alarm && this.owned.has(alarm.rule)) resolves.push({ kind: 'resolve', rule: alarm.rule, subject: alarm.subject, severity: alarm.severity, alarmId });
    }
    const raises: Transition[] = [];
    for (const [key, d] of desired) if (!state.activeAlarms.has(key)) raises.push({ kind: 'raise', ...d });
    return [...resolves.sort(byRuleThenSubject), ...raises.sort(byRuleThenSubject)];
  }

  /** Forgets condition memory (used when the state is rebuilt from scratch). */
  reset(): void {
    this.since.clear();
    this.next = null;
  }
}
