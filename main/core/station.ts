// The station core: a command becomes events, the events and their projections are written in one
// transaction, the state follows, and the rule engine turns the new state into alarm transitions
// that are written in the same transaction. The same object runs the desk, the headless station
// and replay; only the clock differs.
import { EventEmitter } from 'node:events';
import type { Command } from '../../common/commands.js';
import { reject, type StationRejection } from '../../common/rejections.js';
import { RuleEngine, type Transition } from '../rules/engine.js';
import { decide } from './commands/decide.js';
import { parseCommand } from './commands/parse.js';
import type { DomainEvent, RecordedEvent } from '../../common/events.js';
import { SYSTEM_ACTOR } from '../../common/events.js';
import { emptyState, type AreaState } from './state/model.js';
import { applyEvent } from './state/reducer.js';
import type { Db } from './store/db.js';
import { EventStore } from './store/eventStore.js';
import { Projector } from './store/projections.js';
import { subjectsOf } from './store/subjects.js';

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
}

export class Station extends EventEmitter<StationEvents> {
  state: AreaState = emptyState();
  readonly store: EventStore;
  private readonly projector: Projector;
  private readonly engine = new RuleEngine();
  private readonly now: () => number;
  private readonly offsetAt: (ms: number) => number;

  constructor(readonly db: Db, options: StationOptions) {
    super();
    this.now = options.now;
    this.offsetAt = options.offsetAt ?? (() => 0);
    this.store = new EventStore(db);
    this.projector = new Projector(db);
    this.rebuild();
  }

  /** Rebuilds the state and the engine's memory from the record. */
  private rebuild(): void {
    this.state = emptyState();
    this.engine.reset();
    this.store.reloadHead();
    for (const ev of this.store.readAll()) {
      applyEvent(this.state, ev);
      if (ev.type !== 'alarm.raised' && ev.type !== 'alarm.resolved' && ev.type !== 'alarm.ack') this.engine.evaluate(this.state, ev.at);
    }
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
  advanceTo(t: number): RecordedEvent[] {
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
    let fired: RecordedEvent[];
    try {
      fired = this.advanceTo(at);
    } catch (err) {
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
    const event = decision.event;
    if (event === null) return { ok: true, at, events: [] };
    try {
      const events = this.commit(() => {
        const recorded = this.record(event, at, options.actor);
        return [recorded, ...this.recordTransitions(this.engine.evaluate(this.state, at), at)];
      });
      return { ok: true, at, events };
    } catch (err) {
      return { ok: false, at, rejection: storeFailed(err) };
    }
  }

  private record(event: DomainEvent, at: number, actor: string): RecordedEvent {
    const recorded = this.store.append(event, at, actor, subjectsOf(this.state, event));
    this.projector.project(recorded, this.state);
    applyEvent(this.state, recorded);
    return recorded;
  }

  private recordTransitions(transitions: readonly Transition[], at: number): RecordedEvent[] {
    return transitions.map((t) => {
      if (t.kind === 'raise') {
        const alarmId = `AL${String(this.state.nextAlarmNo).padStart(6, '0')}`;
        return this.record({ type: 'alarm.raised', payload: { alarmId, rule: t.rule, subject: t.subject, severity: t.severity, dueAt: t.dueAt } }, at, SYSTEM_ACTOR);
      }
      return this.record({ type: 'alarm.resolved', payload: { alarmId: t.alarmId, rule: t.rule, subject: t.subject, severity: t.severity } }, at, SYSTEM_ACTOR);
    });
  }

  /**
   * Runs `work` in one transaction. If the disk refuses it, SQLite rolls back and the in-memory
   * state, which `work` already changed, is rebuilt from what is really on disk.
   */
  private commit(work: () => RecordedEvent[]): RecordedEvent[] {
    let events: RecordedEvent[];
    try {
      events = this.db.transaction(work).immediate();
    } catch (err) {
      this.rebuild();
      throw err;
    }
    if (events.length > 0) this.emit('events', events);
    return events;
  }
}
