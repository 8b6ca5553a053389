// The read models of one station, made by the station's own code: its event store, projections,
// reducer and view queries run over a private SQLite copy of its record in the county's data
// folder. So the county's dashboard shows an area exactly as the area's own desk would, and no
// projection rule exists twice. The copy is a cache: PostgreSQL is the county's record, and the
// copy is caught up from it (or made again) whenever it is behind or differs.
import { existsSync, rmSync } from 'node:fs';
import type { RecordedEvent } from '../../../common/events.js';
import type { AlarmView, Overview, PersonDetail } from '../../../common/views.js';
import { alarmsByIds } from '../../api/queries/alarms.js';
import { overview } from '../../api/queries/overview.js';
import { personDetail } from '../../api/queries/person.js';
import { applyEvent } from '../../core/state/reducer.js';
import { emptyState, type AreaState } from '../../core/state/model.js';
import { openDb, type Db } from '../../core/store/db.js';
import { EventStore } from '../../core/store/eventStore.js';
import { Projector } from '../../core/store/projections.js';
import { subjectsOf } from '../../core/store/subjects.js';
import { EXAMPLE_AREA_ID } from '../../host/exampleArea.js';
import type { ChainPoint } from '../protocol.js';

/** An event as the county holds it. */
export interface HeldEvent { readonly seq: number; readonly at: number; readonly type: string; readonly actor: string; readonly payload: string; readonly hash: string }

/** The area as the county's list shows it. */
export interface AreaFigures { readonly personsIn: number; readonly sessionsActive: number; readonly criticalActive: number; readonly unrecordedRooms: number }

/** What a batch changed, for the county's tables. */
export interface ReadModels {
  /** The overview (its `now` is set when it is read). */
  readonly overview: Overview;
  readonly figures: AreaFigures;
  /** Every person an event of the batch concerned, as they are now. */
  readonly persons: readonly PersonDetail[];
  /** Every alarm an event of the batch raised, resolved or acknowledged, as it is now. */
  readonly alarms: readonly AlarmView[];
  /** The timeline index of the batch: which subject each event concerns. */
  readonly subjects: readonly { readonly subject: string; readonly seq: number }[];
}

export class ReplicaError extends Error {
  override name = 'ReplicaError';
}

export function areaFigures(o: Overview): AreaFigures {
  return {
    personsIn: o.persons.length,
    sessionsActive: o.rooms.reduce((n, r) => n + r.sessions.length, 0),
    criticalActive: o.alarms.filter((a) => a.severity === 'critical').length,
    unrecordedRooms: o.rooms.filter((r) => r.recordingRequired && r.persons.length > 0 && r.recording !== 'recorded').length,
  };
}

export class Replica {
  private state: AreaState = emptyState();
  private readonly store: EventStore;
  private readonly projector: Projector;
  private open = false;

  private constructor(private readonly db: Db) {
    // A cache made again from PostgreSQL after any loss: speed over durability.
    db.pragma('synchronous = OFF');
    this.store = new EventStore(db);
    this.projector = new Projector(db);
    this.reload();
  }

  /** Opens the copy at `path`; a copy that cannot be read is made again. */
  static open(path: string): Replica {
    try {
      return new Replica(openDb(path));
    } catch {
      Replica.remove(path);
      return new Replica(openDb(path));
    }
  }

  static remove(path: string): void {
    for (const f of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(f)) rmSync(f, { force: true });
  }

  get head(): ChainPoint {
    return this.store.head;
  }

  /** The hash of event `seq` in the copy (null: not there). */
  hashAt(seq: number): string | null {
    return this.store.hashAt(seq);
  }

  /** The state again from the copy's events (after a rollback). */
  private reload(): void {
    this.state = emptyState();
    this.store.reloadHead();
    for (const ev of this.store.readAfter()) applyEvent(this.state, ev);
  }

  begin(): void {
    this.db.exec('BEGIN IMMEDIATE');
    this.open = true;
  }

  commit(): void {
    if (!this.open) return;
    this.db.exec('COMMIT');
    this.open = false;
  }

  rollback(): void {
    if (!this.open) return;
    this.db.exec('ROLLBACK');
    this.open = false;
    this.reload();
  }

  /**
   * Adds events (already verified against the chain) inside the open transaction, and returns
   * the read models they changed. Throws ReplicaError when the copy cannot follow (an event type
   * this county does not know, or a copy that differs from the chain).
   */
  apply(events: readonly HeldEvent[], options: { readonly models: boolean } = { models: true }): ReadModels | null {
    const persons = new Set<string>();
    const alarms = new Set<string>();
    const subjects: { subject: string; seq: number }[] = [];
    for (const ev of events) {
      if (ev.seq !== this.store.head.seq + 1) throw new ReplicaError(`the copy holds up to ${this.store.head.seq}, cannot add ${ev.seq}`);
      const event = { type: ev.type, payload: JSON.parse(ev.payload) as unknown } as RecordedEvent;
      let recorded: RecordedEvent;
      try {
        const concerns = subjectsOf(this.state, event);
        recorded = this.store.append(event, ev.at, ev.actor, concerns);
        if (this.store.head.hash !== ev.hash) throw new ReplicaError(`the copy's event ${ev.seq} hashes differently`);
        this.projector.project(recorded, this.state);
        applyEvent(this.state, recorded);
        for (const s of concerns) {
          subjects.push({ subject: s, seq: ev.seq });
          if (s.startsWith('person:')) persons.add(s.slice('person:'.length));
        }
      } catch (err) {
        if (err instanceof ReplicaError) throw err;
        throw new ReplicaError(`event ${ev.seq} (${ev.type}) cannot be projected: ${(err as Error).message}`, { cause: err });
      }
      if (recorded.type === 'alarm.raised' || recorded.type === 'alarm.resolved' || recorded.type === 'alarm.ack') alarms.add(recorded.payload.alarmId);
    }
    if (!options.models) return null;
    const o: Overview = {
      ...overview(this.db, { now: 0, timeZone: '', example: this.state.area?.id === EXAMPLE_AREA_ID }),
      clockJumps: [...this.state.clockJumps],
    };
    return {
      overview: o, figures: areaFigures(o), subjects,
      persons: [...persons].flatMap((id) => {
        const d = personDetail(this.db, id);
        return d ? [d] : [];
      }),
      alarms: alarmsByIds(this.db, [...alarms]),
    };
  }

  close(): void {
    if (this.open) this.rollback();
    this.db.close();
  }
}
