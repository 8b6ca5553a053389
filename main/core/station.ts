// The station on its custody record (SQLite: the hash chain, projections, state snapshots), and
// the scratch station of a replay without --db, which keeps no record at all. Both are the same
// core (stationCore.ts).
import { MemoryLog } from './eventLog.js';
import { StationCore, type StationOptions } from './stationCore.js';
import type { Db } from './store/db.js';
import type { EventStore } from './store/eventStore.js';
import { RecordLog } from './store/recordLog.js';
import type { SavedSnapshot } from './store/snapshot.js';

export type { StationEvents, StationOptions, SubmitOptions, SubmitResult } from './stationCore.js';

export interface RecordOptions extends StationOptions {
  /** Commit every `batch` events instead of after each command (replay with --db). */
  readonly batch?: number;
}

export class Station extends StationCore {
  readonly store: EventStore;
  private readonly recordLog: RecordLog;

  constructor(readonly db: Db, options: RecordOptions) {
    const log = new RecordLog(db, options.batch ? { batch: options.batch } : {});
    super(log, options);
    this.recordLog = log;
    this.store = log.store;
  }

  /** Events recorded since the latest snapshot (all of them when there is none). */
  get eventsSinceSnapshot(): number {
    return this.store.count() - this.snapshotSeq;
  }

  /**
   * Saves the state and the engine's memory as of the head event, in the record's database. Call
   * between commands: the state then reflects exactly the events recorded.
   */
  saveSnapshot(): SavedSnapshot {
    const saved = this.recordLog.saveSnapshot(this.state, this.engine.memory(), this.now());
    this.snapshotSeq = saved.seq;
    return saved;
  }

  /** Commits what a batched station (replay with --db) holds open. */
  flush(): void {
    this.recordLog.flush();
  }
}

/** A station that keeps no record: a replay without --db, whose events are needed only once. */
export class ScratchStation extends StationCore {
  constructor(options: StationOptions) {
    super(new MemoryLog(), options);
  }
}
