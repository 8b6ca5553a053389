// Where the station's accepted events go. The custody record (store/recordLog.ts) writes each one
// to SQLite with its hash and projections; a scratch run (replay without --db) needs only their
// order and keeps nothing (MemoryLog).
import type { DomainEvent, RecordedEvent } from '../../common/events.js';
import type { EngineMemory } from '../rules/engine.js';
import type { AreaState } from './state/model.js';

/** A saved state read back: usable, or why not. */
export type SnapshotRead =
  | { readonly kind: 'none' }
  | { readonly kind: 'unusable'; readonly seq: number; readonly why: string }
  | { readonly kind: 'usable'; readonly seq: number; readonly state: AreaState; readonly engine: EngineMemory };

export interface EventLog {
  /** Appends one event; `before` is the state it is about to be applied to. Inside run(). */
  append(event: DomainEvent, at: number, actor: string, before: AreaState): RecordedEvent;
  /** Runs `work` as one unit: on disk all of it or none. */
  run<T>(work: () => T): T;
  /** run() only calls its work (a log that keeps nothing): a unit need not be handed to it. */
  readonly unitless: boolean;
  /**
   * Whether a unit that throws leaves the log as it was, so that the state can be rebuilt from it
   * and the command refused. When not, a failure ends the run.
   */
  readonly atomic: boolean;
  /** How many events the log holds. */
  count(): number;
  /** The events after `seq`, in order (rebuilding the state). */
  eventsAfter(seq: number): Iterable<RecordedEvent>;
  /** Re-reads the head after a unit failed. */
  reloadHead(): void;
  /** The latest saved state and engine memory, checked against the log. */
  latestSnapshot(): SnapshotRead;
}

/** Keeps nothing but the count: the events of a scratch run are read once and forgotten. */
export class MemoryLog implements EventLog {
  private seq = 0;
  readonly atomic = false;
  readonly unitless = true;

  append(event: DomainEvent, at: number, actor: string): RecordedEvent {
    this.seq += 1;
    return { type: event.type, payload: event.payload, seq: this.seq, at, actor } as RecordedEvent;
  }

  run<T>(work: () => T): T {
    return work();
  }

  count(): number {
    return this.seq;
  }

  eventsAfter(): Iterable<RecordedEvent> {
    return [];
  }

  reloadHead(): void {}

  latestSnapshot(): SnapshotRead {
    return { kind: 'none' };
  }
}
