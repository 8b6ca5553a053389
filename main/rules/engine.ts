// The station's rule engine. After an event it looks again only at the subjects the event can
// have changed — each rule names them (rules/*.ts, dependencies.ts) from what the reducer marked
// (core/state/changes.ts), and a room rule's condition over the room's figures is asked of the
// rooms persons came to or left — so its cost per event does not grow with the area. Time-driven changes
// (a grace running out, a deadline or a meal interval passing) wait in a deadline queue; the
// engine never scans for them and never polls. The host (live timer, replay's virtual clock) calls
// it back at `nextDeadline`.
// Its answers are those of the full evaluator (oracle.ts), transition for transition and in the
// same order; tests/rules/differential.test.ts holds them equal.
//
// Memory: since when each held condition has held, what it last decided for each subject, and
// the instant each subject waits for. Only the first is not a function of the state and the
// time; it is what a snapshot keeps (memory()/restore()).
import type { AlarmRule } from '../../common/alarms.js';
import { changedKinds, clearChanges, kindBits } from '../core/state/changes.js';
import { alarmKey, type AreaState, type Room } from '../core/state/model.js';
import type { Place } from '../core/state/place.js';
import { DeadlineQueue } from './deadlineQueue.js';
import { RULES } from './rules/index.js';
import { inContractOrder, NO_TRANSITIONS, type Evaluator, type Transition } from './transitions.js';
import type { CountsCondition, Dependencies, Rule } from './types.js';

/** What a snapshot keeps of the engine (plain data). */
export interface EngineMemory {
  /** The instant of the last evaluation (null: none yet). */
  readonly evaluatedAt: number | null;
  /** Since when each held condition has held: by rule, [subject id, since] pairs. */
  readonly since: Readonly<Partial<Record<AlarmRule, readonly (readonly [string, number])[]>>>;
}

interface Slot {
  readonly index: number;
  readonly rule: Rule;
  /** 'room:' and the like: subject = prefix + id. */
  readonly prefix: string;
  /** The rule's grace under the current settings (held rules). */
  grace: number;
  /** What is remembered of each subject that holds, waits or is desired; the others have no entry. */
  readonly memos: Map<string, Memo>;
}

/**
 * What the engine remembers of one subject of one rule, in one record so that a look at a subject
 * costs one lookup. A subject with nothing to remember has no record.
 */
interface Memo {
  /** Held rules: since when the condition has held (undefined: it does not hold). */
  since: number | undefined;
  /** The instant the subject waits for (grace end, window start or end; undefined: none). */
  wait: number | undefined;
  /** Whether the alarm should be active now. */
  desired: boolean;
}

/** A subject whose alarm should now be active (`on`) or no longer. */
interface Flip { readonly slot: Slot; readonly id: string; readonly on: boolean; readonly dueAt: number }

/** Rules that depend on the same changes, handed each subject from one pass over them. */
interface Group { readonly dependsOn: Dependencies; readonly kinds: number; readonly slots: readonly Slot[] }

/** A room rule's condition over the room's figures; its bit in a place's note is 1 << its index here. */
interface CountsSlot { readonly slot: Slot; readonly counts: CountsCondition }

/** A place's note holds a bit per room rule over its figures (place.ts). */
const MAX_COUNTS_RULES = 31;

export class RuleEngine implements Evaluator {
  private readonly slots: Slot[];
  private readonly groups: readonly Group[];
  private readonly bySlotRule: ReadonlyMap<AlarmRule, Slot>;
  private readonly countsSlots: readonly CountsSlot[];
  /** Those of countsSlots that can hold in every room (asked of a room the area no longer has). */
  private readonly countsEveryRoom: readonly Slot[];
  private readonly queue = new DeadlineQueue();
  /**
   * The queue's top entry is known to be waited for: asked for the next deadline before and after
   * every command, the engine checks the top against what it waits for once, until a wait changes.
   */
  private topLive = false;
  /** Look at every subject at the next evaluation (nothing is known yet). */
  private fresh = true;
  /** Compare every active alarm with what is desired at the next evaluation. */
  private resyncNext = false;
  private evaluatedAt: number | null = null;

  // The evaluation under way, read by `mark` (one bound function instead of a closure per rule).
  private curGroup: readonly Slot[] = [];
  private curState: AreaState | null = null;
  private curNow = 0;
  /** The subjects whose decision changed in this evaluation; emptied after it (kept, not reallocated). */
  private readonly flips: Flip[] = [];
  private readonly mark = (id: string): void => {
    const state = this.curState;
    if (state === null) return;
    const group = this.curGroup;
    for (let i = 0; i < group.length; i++) this.recheck(group[i] as Slot, state, id, this.curNow);
  };

  constructor(rules: readonly Rule[] = RULES) {
    this.slots = rules.map((rule, index) => ({
      index, rule, prefix: `${rule.subject}:`, grace: 0, memos: new Map(),
    }));
    this.bySlotRule = new Map(this.slots.map((s) => [s.rule.rule, s]));
    const groups = new Map<Dependencies, Slot[]>();
    for (const slot of this.slots) {
      const dependsOn = slot.rule.dependsOn;
      if (dependsOn === undefined) continue;
      const group = groups.get(dependsOn);
      if (group) group.push(slot);
      else groups.set(dependsOn, [slot]);
    }
    this.countsSlots = this.slots.flatMap((slot) => (slot.rule.kind === 'held' && slot.rule.counts ? [{ slot, counts: slot.rule.counts }] : []));
    if (this.countsSlots.length > MAX_COUNTS_RULES) throw new Error(`at most ${MAX_COUNTS_RULES} rules over a room's figures`);
    this.countsEveryRoom = this.countsSlots.filter((c) => c.counts.keep === undefined).map((c) => c.slot);
    this.groups = [...groups].map(([dependsOn, slots]): Group => ({ dependsOn, kinds: kindBits(dependsOn.kinds), slots }));
  }

  get nextDeadline(): number | null {
    return this.peekDue() ?? null;
  }

  dueBy(t: number): boolean {
    return this.liveTop() && (this.queue.topAt() as number) <= t;
  }

  evaluate(state: AreaState, now: number): readonly Transition[] {
    this.curState = state;
    this.curNow = now;
    const changes = state.changes;
    if (this.fresh || changes.all) this.lookAtEverything(state, now);
    else {
      // Only the rules that depend on a kind of change the event made are asked what it touched:
      // a move concerns two of the ten groups, and asking the others, each to find its lists
      // empty, was about a twentieth of the instructions a move-heavy day's replay runs.
      const changed = changedKinds(changes);
      for (const group of this.groups) {
        if ((group.kinds & changed) === 0) continue;
        this.curGroup = group.slots;
        group.dependsOn.touched(changes, state, this.mark);
      }
      const rooms = changes.rooms;
      for (let i = 0; i < rooms.length; i++) this.lookAtRoom(rooms[i] as Place, state, now);
    }
    while (this.dueBy(now)) {
      const slot = this.slots[this.queue.topSlot()];
      const id = this.queue.topId();
      this.queue.pop();
      this.topLive = false;
      if (slot) this.recheck(slot, state, id, now);
    }
    clearChanges(changes);
    this.curGroup = [];
    this.curState = null;
    this.fresh = false;
    this.evaluatedAt = now;
    const transitions = this.resyncNext ? this.compareAll(state) : this.compare(state, this.flips);
    this.resyncNext = false;
    while (this.flips.length > 0) this.flips.pop();
    return transitions;
  }

  reset(): void {
    for (const slot of this.slots) slot.memos.clear();
    this.queue.clear();
    this.topLive = false;
    this.fresh = true;
    this.resyncNext = false;
    this.evaluatedAt = null;
  }

  /**
   * The state's alarms may not be what this engine last decided (the state was rebuilt from the
   * record, which an older station may have written): the next evaluation compares them all.
   */
  resync(): void {
    this.resyncNext = true;
  }

  memory(): EngineMemory {
    const since: Partial<Record<AlarmRule, [string, number][]>> = {};
    for (const slot of this.slots) {
      const held: [string, number][] = [];
      for (const [id, memo] of slot.memos) if (memo.since !== undefined) held.push([id, memo.since]);
      if (held.length > 0) since[slot.rule.rule] = held;
    }
    return { evaluatedAt: this.evaluatedAt, since };
  }

  /**
   * Takes up the memory of an engine that last evaluated `state` (a snapshot): what it decided and
   * what it waits for follow from the state at that instant.
   */
  restore(memory: EngineMemory, state: AreaState): void {
    this.reset();
    for (const slot of this.slots) for (const [id, at] of memory.since[slot.rule.rule] ?? []) slot.memos.set(id, { since: at, wait: undefined, desired: false });
    if (memory.evaluatedAt !== null) this.evaluate(state, memory.evaluatedAt);
    this.resyncNext = true;
  }

  /** The earliest deadline still waited for. */
  private peekDue(): number | undefined {
    return this.liveTop() ? this.queue.topAt() : undefined;
  }

  /** Whether the queue's top entry is still waited for; stale entries on top are dropped. */
  private liveTop(): boolean {
    if (this.topLive) return true;
    const q = this.queue;
    for (let at = q.topAt(); at !== undefined; at = q.topAt()) {
      if (this.slots[q.topSlot()]?.memos.get(q.topId())?.wait === at) return (this.topLive = true);
      q.pop();
    }
    return false;
  }

  /** After an area change or a fresh start: every subject there may be, and every one remembered. */
  private lookAtEverything(state: AreaState, now: number): void {
    for (const slot of this.slots) {
      const rule = slot.rule;
      if (rule.kind === 'held') slot.grace = rule.graceMs(state.settings);
      const ids = new Set<string>(slot.memos.keys());
      rule.every(state, (id) => ids.add(id));
      for (const id of ids) this.recheck(slot, state, id, now);
    }
    for (const place of state.index.places.values()) {
      const spec = place.spec;
      place.countsKept = spec === undefined ? 0 : this.keptIn(spec);
      place.countsHeld = spec === undefined ? 0 : this.heldIn(place, spec, place.countsKept);
    }
  }

  /**
   * A room whose persons present changed: the rules over its figures whose answer changed since
   * the engine last looked at it (place.ts keeps the answers) look at it again.
   */
  private lookAtRoom(place: Place, state: AreaState, now: number): void {
    const spec = place.spec;
    if (spec === undefined) {
      // A room the area no longer has: no note is kept of it, the rules of every room look again.
      for (const slot of this.countsEveryRoom) this.recheck(slot, state, place.room, now);
      return;
    }
    let kept = place.countsKept;
    if (kept < 0) place.countsKept = kept = this.keptIn(spec);
    const held = this.heldIn(place, spec, kept);
    let changed = held ^ place.countsHeld;
    place.countsHeld = held;
    for (let i = 0; changed !== 0; i++, changed >>>= 1) {
      if ((changed & 1) !== 0) this.recheck((this.countsSlots[i] as CountsSlot).slot, state, place.room, now);
    }
  }

  /** The rules over the figures that can hold in `room` (a bit each). */
  private keptIn(room: Room): number {
    let kept = 0;
    for (let i = 0; i < this.countsSlots.length; i++) {
      const keep = (this.countsSlots[i] as CountsSlot).counts.keep;
      if (keep === undefined || keep(room)) kept |= 1 << i;
    }
    return kept;
  }

  /** Of the rules `kept`, those whose condition holds over the figures of `place` (a bit each). */
  private heldIn(place: Place, room: Room, kept: number): number {
    let held = 0;
    for (let i = 0, bits = kept; bits !== 0; i++, bits >>>= 1) {
      if ((bits & 1) !== 0 && (this.countsSlots[i] as CountsSlot).counts.holds(place, room)) held |= 1 << i;
    }
    return held;
  }

  /** Looks at one subject of one rule at `now`: its condition, what it waits for, its alarm. */
  private recheck(slot: Slot, state: AreaState, id: string, now: number): void {
    const rule = slot.rule;
    // Most subjects of most rules have nothing remembered: the size check spares those the lookup.
    const memo = slot.memos.size > 0 ? slot.memos.get(id) : undefined;
    let since: number | undefined;
    let on = false;
    let dueAt = 0;
    let wait: number | undefined;
    if (rule.kind === 'held') {
      if (rule.holdsFor(state, id)) {
        since = memo?.since ?? now;
        dueAt = since + slot.grace;
        if (dueAt <= now) on = true;
        else wait = dueAt;
      }
    } else {
      const w = rule.windowFor(state, id);
      if (w !== null) {
        if (w.from > now) wait = w.from;
        else if (now < w.until) {
          on = true;
          dueAt = w.from;
          if (w.until !== Infinity) wait = w.until;
        }
      }
    }
    const waiting = memo?.wait;
    const wasOn = memo?.desired === true;
    if (wait !== waiting) {
      this.topLive = false;
      if (wait !== undefined) this.queue.push(wait, slot.index, id);
    }
    if (since === undefined && wait === undefined && !on) {
      if (memo) slot.memos.delete(id);
    } else if (memo) {
      // Instants written only when they changed: each write of one is a new number object.
      if (memo.since !== since) memo.since = since;
      if (memo.wait !== wait) memo.wait = wait;
      memo.desired = on;
    } else slot.memos.set(id, { since, wait, desired: on });
    if (on !== wasOn) this.flips.push({ slot, id, on, dueAt });
  }

  /** The transitions for the subjects whose decision changed. */
  private compare(state: AreaState, flips: readonly Flip[]): readonly Transition[] {
    if (flips.length === 0) return NO_TRANSITIONS;
    const resolves: Transition[] = [];
    const raises: Transition[] = [];
    for (const { slot, id, on, dueAt } of flips) {
      const { rule, severity } = slot.rule;
      const subject = slot.prefix + id;
      const alarmId = state.activeAlarms.get(alarmKey(rule, subject));
      if (on && alarmId === undefined) raises.push({ kind: 'raise', rule, subject, severity, dueAt });
      else if (!on && alarmId !== undefined) this.resolveInto(resolves, state, alarmId);
    }
    return inContractOrder(resolves, raises);
  }

  /** The transitions that bring every active alarm in line with what is desired. */
  private compareAll(state: AreaState): Transition[] {
    const resolves: Transition[] = [];
    const raises: Transition[] = [];
    for (const alarmId of state.activeAlarms.values()) {
      const alarm = state.alarms.get(alarmId);
      const slot = alarm ? this.bySlotRule.get(alarm.rule) : undefined;
      // Alarms of rules this engine does not evaluate are someone else's to resolve.
      if (!alarm || !slot) continue;
      const id = alarm.subject.startsWith(slot.prefix) ? alarm.subject.slice(slot.prefix.length) : null;
      if (id === null || slot.memos.get(id)?.desired !== true) this.resolveInto(resolves, state, alarmId);
    }
    for (const slot of this.slots) {
      const { rule, severity } = slot.rule;
      for (const [id, memo] of slot.memos) {
        if (!memo.desired) continue;
        const subject = slot.prefix + id;
        if (state.activeAlarms.has(alarmKey(rule, subject))) continue;
        raises.push({ kind: 'raise', rule, subject, severity, dueAt: this.dueAt(slot, state, id) });
      }
    }
    return inContractOrder(resolves, raises);
  }

  private resolveInto(out: Transition[], state: AreaState, alarmId: string): void {
    const alarm = state.alarms.get(alarmId);
    if (alarm) out.push({ kind: 'resolve', rule: alarm.rule, subject: alarm.subject, severity: alarm.severity, alarmId });
  }

  /** When a desired alarm fell due: the end of its grace, or the start of its window. */
  private dueAt(slot: Slot, state: AreaState, id: string): number {
    const rule = slot.rule;
    if (rule.kind === 'held') return (slot.memos.get(id)?.since ?? 0) + slot.grace;
    return rule.windowFor(state, id)?.from ?? 0;
  }
}
