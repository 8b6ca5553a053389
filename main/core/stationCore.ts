// The station core: a command becomes events, the events go to the event log (with their
// projections, in one transaction on the custody record), the state follows, and the rule engine
// turns the new state into alarm transitions that are logged in the same unit. The same object
// runs the desk, the headless station and replay; only the clock and the log differ (station.ts).
import { EventEmitter } from 'node:events';
import type { Command } from '../../common/commands.js';
import { reject, type StationRejection } from '../../common/rejections.js';
import { RuleEngine } from '../rules/engine.js';
import { transitionEvent, type Evaluator, type Transition } from '../rules/transitions.js';
import { decide } from './commands/decide.js';
import { decideTagRead } from './commands/devices.js';
import { parseCommand, tagReadCommand } from './commands/parse.js';
import type { DomainEvent, RecordedEvent } from '../../common/events.js';
import { SYSTEM_ACTOR } from '../../common/events.js';
import type { EventLog } from './eventLog.js';
import { emptyState, type AreaState } from './state/model.js';
import { applyEvent } from './state/reducer.js';
import type { TagReadEffect } from './state/tagRead.js';

const storeFailed = (err: unknown): StationRejection => {
  const why = (err as Error).message;
  return reject('STORE_FAILED', { en: `the record could not be written: ${why}`, zh: `记录写入失败，命令未执行：${why}` });
};

export interface SubmitOptions {
  /** Who issued the command: an officer id, or 'system' / 'device:ID' / 'replay'. */
  readonly actor: string;
  /** The instant of the command (UTC ms); the live station leaves it to its clock. */
  readonly at?: number;
  /** UTC offset (minutes) in which the command's calendar date is read; defaults to the station's zone. */
  readonly offsetMinutes?: number;
}

export type SubmitResult =
  | { ok: true; at: number; events: RecordedEvent[] }
  | { ok: false; at: number; rejection: StationRejection };

export interface StationEvents {
  /** Committed events, in order, after each transaction. */
  events: [RecordedEvent[]];
}

export interface StationOptions {
  /**
   * Station time, UTC ms: live, the station clock (main/host/stationClock.ts), which never goes back
   * and never follows a jump of the wall clock; in replay, the scenario's clock.
   */
  readonly now: () => number;
  /** Offset (minutes east of UTC) of the station's time zone at an instant. */
  readonly offsetAt?: (ms: number) => number;
  /** Where the station says how it rebuilt its state (from a snapshot, or the whole record). */
  readonly log?: (line: string) => void;
  /** The rule engine; the differential tests run the full evaluator (rules/oracle.ts) here. */
  readonly evaluator?: Evaluator;
}

const NOTHING: readonly RecordedEvent[] = Object.freeze([]);

/** Events the rule engine does not look after: its own transitions, and acknowledgements. */
const isAlarmEvent = (ev: RecordedEvent): boolean => ev.type === 'alarm.raised' || ev.type === 'alarm.resolved' || ev.type === 'alarm.ack';

export class StationCore extends EventEmitter<StationEvents> {
  state: AreaState = emptyState();
  protected readonly engine: Evaluator;
  protected readonly now: () => number;
  private readonly offsetAt: (ms: number) => number;
  protected readonly say: (line: string) => void;
  /** The event the latest snapshot known to this station reflects (0: none). */
  protected snapshotSeq = 0;

  constructor(protected readonly record: EventLog, options: StationOptions) {
    super();
    this.now = options.now;
    this.offsetAt = options.offsetAt ?? (() => 0);
    this.say = options.log ?? (() => undefined);
    this.engine = options.evaluator ?? new RuleEngine();
    this.rebuild();
  }

  /**
   * Rebuilds the state and the engine's memory from the record: from its latest snapshot when one
   * matches the chain, else from the first event. Every event is applied and, as when it was
   * recorded, the rules are evaluated after it.
   */
  private rebuild(): void {
    this.state = emptyState();
    this.engine.reset();
    this.record.reloadHead();
    const total = this.record.count();
    const snapshot = total > 0 ? this.record.latestSnapshot() : ({ kind: 'none' } as const);
    let from = 0;
    if (snapshot.kind === 'usable') {
      this.state = snapshot.state;
      this.engine.restore(snapshot.engine, this.state);
      from = snapshot.seq;
    }
    this.snapshotSeq = from;
    let applied = 0;
    for (const ev of this.record.eventsAfter(from)) {
      applyEvent(this.state, ev);
      if (!isAlarmEvent(ev)) this.engine.evaluate(this.state, ev.at);
      applied += 1;
    }
    // The record may hold alarms that this engine would not have decided (an older station wrote
    // them): the next evaluation compares them all.
    this.engine.resync();
    if (snapshot.kind === 'usable') this.say(`station: state from the snapshot at event ${snapshot.seq}; applied the ${applied} events after it`);
    else if (snapshot.kind === 'unusable') this.say(`station: the state snapshot at event ${snapshot.seq} is not used: ${snapshot.why}; rebuilt the state from the whole record (${applied} events)`);
    else if (total > 0) this.say(`station: no state snapshot; rebuilt the state from the whole record (${applied} events)`);
  }

  /** The next instant at which an alarm may change by itself. */
  get nextDeadline(): number | null {
    return this.engine.nextDeadline;
  }

  /**
   * Never behind the record. The station clock already guarantees it for live commands; this keeps
   * an instant a caller passes (`at`) from writing the record backwards.
   */
  private clamp(t: number): number {
    return Math.max(t, this.state.lastAt);
  }

  /** Fires every alarm deadline at or before `t`, in time order. Returns what was recorded. */
  advanceTo(t: number): readonly RecordedEvent[] {
    // Called before every command: most of the time nothing is due.
    if (!this.engine.dueBy(t)) return NOTHING;
    const out: RecordedEvent[] = [];
    for (let due = this.engine.nextDeadline; due !== null && due <= t; due = this.engine.nextDeadline) {
      const at = this.clamp(due);
      out.push(...this.commit(() => this.recordTransitions(this.engine.evaluate(this.state, at), at)));
    }
    return out;
  }

  /** Validates, decides and records one command. */
  submit(raw: unknown, options: SubmitOptions): SubmitResult {
    const at = this.clamp(options.at ?? this.now());
    let fired: readonly RecordedEvent[];
    try {
      fired = this.advanceTo(at);
    } catch (err) {
      if (!this.record.atomic) throw err;
      return { ok: false, at, rejection: storeFailed(err) };
    }
    const parsed = parseCommand(raw);
    if (!parsed.ok) return { ok: false, at, rejection: parsed.rejection };
    const result = this.execute(parsed.command, at, options);
    if (result.ok && fired.length > 0) return { ...result, events: [...fired, ...result.events] };
    return result;
  }

  /** A command already validated; deadlines up to `at` must have been fired. */
  execute(command: Command, at: number, options: SubmitOptions): SubmitResult {
    const decision = decide(this.state, command, { at, offsetMinutes: options.offsetMinutes ?? this.offsetAt(at) });
    if (!decision.ok) return { ok: false, at, rejection: decision.rejection };
    const { event, read } = decision;
    if (event === null) return { ok: true, at, events: [] };
    try {
      const events = this.commit(() => this.recordWithRules(event, at, options.actor, read));
      return { ok: true, at, events };
    } catch (err) {
      if (!this.record.atomic) throw err;
      return { ok: false, at, rejection: storeFailed(err) };
    }
  }

  /**
   * What submit does with a wristband read (`raw` of type tag.read), in fewer steps, for a log that
   * cannot refuse a unit (a replay): reads are nearly every line of a replayed day, and the steps
   * any command takes (reading it as any command, choosing its decision, handing the log a unit)
   * were about a twentieth of the move-heavy day's replay. The answer is submit's
   * (tests/core/tagReadPath.test.ts); anything else, and any read on a log that can refuse a unit,
   * takes submit's path.
   */
  submitTagRead(raw: Readonly<Record<string, unknown>>, options: SubmitOptions): SubmitResult {
    const command = raw.type === 'tag.read' && this.state.configured && !this.record.atomic ? tagReadCommand(raw) : null;
    if (command === null) return this.submit(raw, options);
    const at = this.clamp(options.at ?? this.now());
    const fired = this.advanceTo(at);
    const decision = decideTagRead(this.state, command);
    if (!decision.ok) return { ok: false, at, rejection: decision.rejection };
    const { event, read } = decision;
    let events: RecordedEvent[] = [];
    if (event !== null) {
      const actor = options.actor;
      if (!this.record.unitless) events = this.commit(() => this.recordWithRules(event, at, actor, read));
      else {
        events = this.recordWithRules(event, at, actor, read);
        this.tell(events);
      }
    }
    return { ok: true, at, events: fired.length > 0 ? [...fired, ...events] : events };
  }

  /** Records `event` and the alarm transitions the rules then decide. */
  private recordWithRules(event: DomainEvent, at: number, actor: string, read: TagReadEffect | undefined): RecordedEvent[] {
    const recorded = this.append(event, at, actor, read);
    const transitions = this.engine.evaluate(this.state, at);
    return transitions.length === 0 ? [recorded] : [recorded, ...this.recordTransitions(transitions, at)];
  }

  /** `read`: what a tag read means in the state as it is, when the decision worked it out. */
  private append(event: DomainEvent, at: number, actor: string, read?: TagReadEffect): RecordedEvent {
    const recorded = this.record.append(event, at, actor, this.state);
    applyEvent(this.state, recorded, read);
    return recorded;
  }

  private recordTransitions(transitions: readonly Transition[], at: number): RecordedEvent[] {
    return transitions.map((t) => this.append(transitionEvent(t, this.state.nextAlarmNo), at, SYSTEM_ACTOR));
  }

  /**
   * Runs `work` as one unit of the log. If the disk refuses it, SQLite rolls back and the in-memory
   * state, which `work` already changed, is rebuilt from what is really on disk. A log that cannot
   * roll back (a batch of replay) cannot be rebuilt from: the error ends the run.
   */
  private commit(work: () => RecordedEvent[]): RecordedEvent[] {
    let events: RecordedEvent[];
    try {
      events = this.record.run(work);
    } catch (err) {
      if (this.record.atomic) this.rebuild();
      throw err;
    }
    this.tell(events);
    return events;
  }

  /** Hands committed events to the listeners; a replay has none, and emit's call then costs for nothing. */
  private tell(events: RecordedEvent[]): void {
    if (events.length > 0 && this.listenerCount('events') > 0) this.emit('events', events);
  }
}
