// Receives each station's pushes: one at a time per station, each batch verified against the
// chain the county holds and written in one PostgreSQL transaction with the read models it
// changes (made by the station's own projections, replica.ts). What is wrong with a chain is
// recorded as a county alarm and never overwritten; the copy the county holds stays as it was.
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AlarmView } from '../../../common/views.js';
import type { PushEvent, PushRefusal, PushReply, PushRequest, RefusalCode } from '../protocol.js';
import {
  eventsAfter, heldHashes, insertEvents, insertSubjects, lockStation, recordProblem, setProjectionError, stationHead, updateStation,
  upsertAlarms, upsertAreaNow, upsertPersons, type StationHead,
} from '../store/ingestStore.js';
import { inTransaction, type Pool } from '../store/pool.js';
import { Replica, ReplicaError, type ReadModels } from './replica.js';
import { checkBatch, checkReportedHead, type ChainProblem, type ProblemKind } from './verify.js';

/** Pushes waiting or running at once, beyond which stations are asked to come back later. */
export const MAX_QUEUED_PUSHES = 256;
/** Events read from PostgreSQL at a time when a projection copy catches up. */
const CATCH_UP_CHUNK = 5000;

export interface Ingested {
  readonly station: string;
  /** The county's head for the station after the batch. */
  readonly seq: number;
  /** The instant of the batch's last event. */
  readonly at: number;
  readonly types: readonly string[];
  readonly alarms: readonly AlarmView[];
}

export interface IngestEvents {
  ingested: [Ingested];
}

export type PushOutcome =
  | { readonly ok: true; readonly reply: PushReply }
  | { readonly ok: false; readonly refusal: PushRefusal };

const REFUSAL: Readonly<Record<ProblemKind, RefusalCode>> = { fork: 'FORK', gap: 'GAP', broken: 'BROKEN', shortened: 'SHORTENED' };

export interface IngestOptions {
  readonly pool: Pool;
  /** The county's data folder: the projection copies live in replicas/. */
  readonly dataDir: string;
  readonly now: () => number;
  readonly log: (line: string) => void;
  readonly maxQueued?: number;
}

export class Ingest extends EventEmitter<IngestEvents> {
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Each station's projection copy, once opened; null: it cannot follow this station's record. */
  private readonly replicas = new Map<string, Replica | null>();
  private queued = 0;
  private readonly pool: Pool;
  private readonly now: () => number;
  private readonly log: (line: string) => void;
  private readonly replicaDir: string;

  constructor(private readonly o: IngestOptions) {
    super();
    this.pool = o.pool;
    this.now = o.now;
    this.log = o.log;
    this.replicaDir = join(o.dataDir, 'replicas');
    mkdirSync(this.replicaDir, { recursive: true, mode: 0o700 });
  }

  /** Too much is waiting: a new push should come back later (backpressure). */
  get busy(): boolean {
    return this.queued >= (this.o.maxQueued ?? MAX_QUEUED_PUSHES);
  }

  head(station: string): Promise<StationHead | null> {
    return stationHead(this.pool, station);
  }

  /** One push of `station` (already authenticated), after any push of it still running. */
  push(station: string, req: PushRequest): Promise<PushOutcome> {
    return this.serially(station, () => this.receive(station, req));
  }

  private serially<T>(station: string, work: () => Promise<T>): Promise<T> {
    this.queued += 1;
    const before = this.queues.get(station) ?? Promise.resolve();
    const run = before.catch(() => undefined).then(work);
    const tail = run.catch(() => undefined).finally(() => {
      this.queued -= 1;
      if (this.queues.get(station) === tail) this.queues.delete(station);
    });
    this.queues.set(station, tail);
    return run;
  }

  private async receive(station: string, req: PushRequest): Promise<PushOutcome> {
    const replica = await this.replicaOf(station);
    const receivedAt = this.now();
    let problem: ChainProblem | null = null;
    let accepted: readonly PushEvent[] = [];
    let models: ReadModels | null = null;
    let after: StationHead;
    try {
      after = await inTransaction(this.pool, async (c) => {
        const held = await lockStation(c, station);
        if (!held) throw new Error(`station ${station} is not enrolled`);
        const hashes = await heldHashes(c, station, req.events.filter((e) => e.seq <= held.seq).map((e) => e.seq));
        const check = checkBatch(held, req.events, hashes);
        problem = check.problem ?? checkReportedHead(check.head, req.head);
        accepted = check.accepted;
        if (accepted.length > 0) {
          models = replica ? await this.project(c, station, replica, accepted) : null;
          await insertEvents(c, station, accepted, receivedAt);
          if (models) {
            await insertSubjects(c, station, models.subjects);
            await upsertPersons(c, station, models.persons);
            await upsertAlarms(c, station, models.alarms);
            await upsertAreaNow(c, station, models.overview, models.figures, check.head.seq, receivedAt);
          }
        }
        await updateStation(c, station, {
          head: check.head, seenAt: receivedAt, reported: req.head, timeZone: req.timeZone, area: (models as ReadModels | null)?.overview.area ?? null, problem: problem !== null,
        });
        if (problem) await recordProblem(c, station, problem, receivedAt);
        return { ...check.head, verified: held.verified && problem === null };
      });
    } catch (err) {
      replica?.rollback();
      throw err;
    }
    replica?.commit();
    const last = accepted.at(-1);
    if (last) {
      this.emit('ingested', {
        station, seq: last.seq, at: last.at, types: [...new Set(accepted.map((e) => e.type))], alarms: (models as ReadModels | null)?.alarms ?? [],
      });
    }
    const found = problem as ChainProblem | null;
    if (found) {
      this.log(`county: ${station}: ${found.kind} at event ${found.seq}: ${found.detail}`);
      return { ok: false, refusal: { code: REFUSAL[found.kind], message: found.detail, seq: after.seq, hash: after.hash } };
    }
    return { ok: true, reply: { station, seq: after.seq, hash: after.hash, verified: after.verified } };
  }

  /** The batch through the station's projections; a copy that cannot follow is set aside. */
  private async project(c: Parameters<typeof setProjectionError>[0], station: string, replica: Replica, events: readonly PushEvent[]): Promise<ReadModels | null> {
    replica.begin();
    try {
      return replica.apply(events);
    } catch (err) {
      replica.rollback();
      if (!(err instanceof ReplicaError)) throw err;
      this.stopFollowing(station, replica, err);
      await setProjectionError(c, station, err.message);
      return null;
    }
  }

  private stopFollowing(station: string, replica: Replica, err: Error): void {
    this.log(`county: ${station}: the dashboard no longer follows this record: ${err.message}`);
    replica.close();
    this.replicas.set(station, null);
  }

  /** The station's projection copy, caught up with what PostgreSQL holds (made again if it differs). */
  private async replicaOf(station: string): Promise<Replica | null> {
    const known = this.replicas.get(station);
    if (known !== undefined) return known;
    const path = join(this.replicaDir, `${station}.db`);
    let replica = Replica.open(path);
    const held = await stationHead(this.pool, station);
    const mine = replica.head;
    const same = mine.seq === 0 || (held !== null && mine.seq <= held.seq && (await heldHashes(this.pool, station, [mine.seq])).get(mine.seq) === mine.hash);
    if (!same) {
      replica.close();
      Replica.remove(path);
      replica = Replica.open(path);
    }
    try {
      for (let batch = await eventsAfter(this.pool, station, replica.head.seq, CATCH_UP_CHUNK); batch.length > 0;
        batch = await eventsAfter(this.pool, station, replica.head.seq, CATCH_UP_CHUNK)) {
        replica.begin();
        try {
          replica.apply(batch, { models: false });
          replica.commit();
        } catch (err) {
          replica.rollback();
          throw err;
        }
      }
    } catch (err) {
      if (!(err instanceof ReplicaError)) {
        replica.close();
        throw err;
      }
      this.stopFollowing(station, replica, err);
      await setProjectionError(this.pool, station, err.message);
      return null;
    }
    this.replicas.set(station, replica);
    await setProjectionError(this.pool, station, null);
    return replica;
  }

  /** Waits for the pushes under way, then closes the projection copies. */
  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((p) => p.catch(() => undefined)));
    for (const r of this.replicas.values()) r?.close();
    this.replicas.clear();
  }
}
