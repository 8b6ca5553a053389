// The custody record as the station's event log: each event appended to the hash chain with the
// subjects it concerns and its projections, in the transaction of the command that caused it.
// Replay with --db may instead commit many commands at once (`batch`): durability is not at stake
// in a replay, and a transaction per line would cost most of its time.
import type { DomainEvent, RecordedEvent } from '../../../common/events.js';
import type { EngineMemory } from '../../rules/engine.js';
import type { EventLog, SnapshotRead } from '../eventLog.js';
import type { AreaState } from '../state/model.js';
import type { Db } from './db.js';
import { EventStore } from './eventStore.js';
import { Projector } from './projections.js';
import { readSnapshot, saveSnapshot, type SavedSnapshot } from './snapshot.js';
import { subjectsOf } from './subjects.js';

export interface RecordLogOptions {
  /** Commit once this many events have been appended, not after each command (replay). */
  readonly batch?: number;
}

export class RecordLog implements EventLog {
  readonly store: EventStore;
  readonly atomic: boolean;
  readonly unitless = false;
  private readonly projector: Projector;
  private readonly batch: number;
  /** The head when the open batch began. */
  private batchFrom = 0;

  constructor(readonly db: Db, options: RecordLogOptions = {}) {
    this.store = new EventStore(db);
    this.projector = new Projector(db);
    this.batch = options.batch ?? 0;
    this.atomic = this.batch === 0;
  }

  append(event: DomainEvent, at: number, actor: string, before: AreaState): RecordedEvent {
    const recorded = this.store.append(event, at, actor, subjectsOf(before, event));
    this.projector.project(recorded, before);
    return recorded;
  }

  run<T>(work: () => T): T {
    if (this.atomic) return this.db.transaction(work).immediate();
    if (!this.db.inTransaction) {
      this.db.exec('BEGIN IMMEDIATE');
      this.batchFrom = this.store.count();
    }
    const result = work();
    if (this.store.count() - this.batchFrom >= this.batch) this.flush();
    return result;
  }

  /** Commits the open batch, if any. */
  flush(): void {
    if (!this.atomic && this.db.inTransaction) this.db.exec('COMMIT');
  }

  count(): number {
    return this.store.count();
  }

  eventsAfter(seq: number): Iterable<RecordedEvent> {
    return this.store.readAfter(seq);
  }

  reloadHead(): void {
    this.store.reloadHead();
  }

  latestSnapshot(): SnapshotRead {
    return readSnapshot(this.db, (seq) => this.store.hashAt(seq));
  }

  /** Saves `state` and `engine` as they stand after the head event. */
  saveSnapshot(state: AreaState, engine: EngineMemory, takenAt: number): SavedSnapshot {
    this.flush();
    return saveSnapshot(this.db, this.store.head, takenAt, state, engine);
  }
}
