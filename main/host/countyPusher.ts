// The station's side of replication to the county platform (上级督察): an outbox pusher. It reads
// the record through a connection of its own (read-only; in WAL mode a reader never holds up the
// station's commits) and sends the events in seq order, in batches, from the last one the county
// acknowledged — asked of the county at each (re)connection, so nothing is kept here that could
// disagree with it. One push is in flight at a time (the county's answer paces the station); a
// county that is busy or away is retried with growing pauses, however long it stays away, and the
// backlog then goes in full batches. Every push also tells the county where the record ends, so a
// record shortened or rewritten behind the county's copy is noticed there even when nothing new
// comes. The link state is what the desk shows: 已同步 / 落后 N 条 / 未连接 / 被拒绝.
import { EventEmitter } from 'node:events';
import type { CountyLinkView } from '../../common/views.js';
import { HEARTBEAT_MS } from '../../common/countyApi.js';
import { openDb, type Db } from '../core/store/db.js';
import { GENESIS_HASH } from '../core/store/chain.js';
import { HEAD_PATH, MAX_PUSH_BYTES, MAX_PUSH_EVENTS, PUSH_PATH, type ChainPoint, type PushEvent, type PushRefusal } from '../county/protocol.js';
import { CountyClient, PinMismatchError, type CountyEndpoint } from './countyClient.js';

export const FIRST_RETRY_MS = 1000;
export const MAX_RETRY_MS = 60_000;
/** After a refusal nothing new will change the county's mind soon; it is asked again this often. */
export const REFUSED_RETRY_MS = 5 * 60_000;
/** A push's events add up to at most this many bytes of payload. */
const BATCH_BYTES = 1024 * 1024;

export interface PusherOptions {
  readonly endpoint: CountyEndpoint;
  /** The station's database file (opened read-only by the pusher). */
  readonly recordPath: string;
  readonly timeZone: string;
  /** Station time. */
  readonly now: () => number;
  readonly log: (line: string) => void;
  /** Calls `listener` after each commit of the station; returns the unsubscribe. */
  readonly onCommit: (listener: () => void) => () => void;
  /** Where the SQL migrations are (checked, never applied, by the read-only connection). */
  readonly migrationsDir?: string;
}

export interface PusherEvents {
  /** The link entered another state (the desk reads the overview again). */
  change: [CountyLinkView];
  /** The county acknowledged a push. */
  ack: [CountyLinkView];
}

type Link = CountyLinkView['link'];

interface EventRow { seq: number; at: number; type: string; actor: string; payload: string; prev_hash: string; hash: string }

const isRefusal = (b: unknown): b is PushRefusal => typeof b === 'object' && b !== null && typeof (b as { message?: unknown }).message === 'string';
const isPoint = (b: unknown): b is ChainPoint => typeof b === 'object' && b !== null && typeof (b as { seq?: unknown }).seq === 'number'
  && typeof (b as { hash?: unknown }).hash === 'string';

export class CountyPusher extends EventEmitter<PusherEvents> {
  private readonly client: CountyClient;
  private db: Db | null = null;
  private link: Link = { state: 'connecting' };
  private since: number;
  private ack: ChainPoint | null = null;
  private lastContactAt: number | null = null;
  private batchLimit = MAX_PUSH_EVENTS;
  private stopped = false;
  private running: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private woken = false;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly o: PusherOptions) {
    super();
    this.client = new CountyClient(o.endpoint);
    this.since = o.now();
  }

  start(): void {
    if (this.running) return;
    this.db = openDb(this.o.recordPath, { readonly: true, ...(this.o.migrationsDir ? { migrationsDir: this.o.migrationsDir } : {}) });
    this.unsubscribe = this.o.onCommit(() => this.poke());
    this.running = this.loop().catch((err: unknown) => { this.o.log(`county link: stopped: ${(err as Error).message}`); });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.poke();
    // A push in flight is cut off: the county keeps nothing of a batch it did not commit.
    this.client.close();
    await this.running;
    this.db?.close();
    this.db = null;
  }

  view(): CountyLinkView {
    return { link: this.link, ackSeq: this.ack?.seq ?? null, headSeq: this.head().seq, since: this.since, lastContactAt: this.lastContactAt };
  }

  /** Something was committed (or the pusher is stopping): wake the loop if it waits. */
  private poke(): void {
    this.woken = true;
    this.wake?.();
  }

  /** Waits `ms`, or less when poked (a commit, a stop) and `wakeOnCommit`. */
  private pause(ms: number, wakeOnCommit: boolean): Promise<void> {
    if (this.stopped || (wakeOnCommit && this.woken)) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(finish, ms);
      function finish(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        if (wakeOnCommit || this.stopped) finish();
      };
    }).finally(() => { this.wake = null; });
  }

  /** A new state is news for the desk; a new count of a state (落后 N 条) is read with the next overview. */
  private setLink(link: Link): void {
    const changed = link.state !== this.link.state || (link.state === 'refused' && this.link.state === 'refused' && link.reason !== this.link.reason);
    if (link.state !== this.link.state) this.since = this.o.now();
    this.link = link;
    if (changed) this.emit('change', this.view());
  }

  private head(): ChainPoint {
    const row = this.db?.prepare('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get() as ChainPoint | undefined;
    return row ?? { seq: 0, hash: GENESIS_HASH };
  }

  /** The next batch after `after`, up to `head`: at most batchLimit events and BATCH_BYTES of payload. */
  private batch(after: number, head: number): PushEvent[] {
    const rows = (this.db?.prepare('SELECT seq, at, type, actor, payload, prev_hash, hash FROM events WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?')
      .all(after, head, this.batchLimit) ?? []) as EventRow[];
    const out: PushEvent[] = [];
    let bytes = 0;
    for (const r of rows) {
      bytes += r.payload.length;
      if (out.length > 0 && (bytes > BATCH_BYTES || bytes > MAX_PUSH_BYTES)) break;
      out.push({ seq: r.seq, at: r.at, type: r.type, actor: r.actor, payload: r.payload, prevHash: r.prev_hash, hash: r.hash });
    }
    return out;
  }

  private async loop(): Promise<void> {
    let retry = FIRST_RETRY_MS;
    while (!this.stopped) {
      let wait: { ms: number; wakeOnCommit: boolean };
      try {
        wait = await this.step();
        if (this.link.state !== 'offline') retry = FIRST_RETRY_MS;
      } catch (err) {
        if (err instanceof PinMismatchError) {
          this.setLink({ state: 'refused', reason: '县局平台的证书指纹与本站配置的不符（county.fingerprint），未发送任何数据' });
          this.o.log(`county link: ${err.message}`);
          wait = { ms: REFUSED_RETRY_MS, wakeOnCommit: false };
        } else {
          const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
          if (this.link.state !== 'offline') this.o.log(`county link: cannot reach ${this.client.url}: ${reason}`);
          this.setLink({ state: 'offline', reason });
          this.ack = null;
          wait = { ms: retry, wakeOnCommit: false };
          retry = Math.min(retry * 2, MAX_RETRY_MS);
        }
      }
      await this.pause(wait.ms, wait.wakeOnCommit);
    }
  }

  /** One exchange with the county; says how long to wait before the next. */
  private async step(): Promise<{ ms: number; wakeOnCommit: boolean }> {
    if (this.ack === null) {
      const res = await this.client.call('GET', HEAD_PATH);
      if (res.status !== 200 || !isPoint(res.body)) return this.refusedOrOffline(res.status, res.body, res.retryAfterMs);
      this.ack = { seq: res.body.seq, hash: res.body.hash };
      this.lastContactAt = this.o.now();
    }
    this.woken = false;
    const head = this.head();
    const events = this.batch(this.ack.seq, head.seq);
    const res = await this.client.call('POST', PUSH_PATH, { head, timeZone: this.o.timeZone, events });
    if (res.status === 413 && this.batchLimit > 1) {
      this.batchLimit = Math.max(1, Math.floor(this.batchLimit / 2));
      return { ms: 0, wakeOnCommit: false };
    }
    if (res.status === 409 && isRefusal(res.body) && isPoint(res.body)) this.ack = { seq: res.body.seq, hash: res.body.hash };
    if (res.status !== 200 || !isPoint(res.body)) return this.refusedOrOffline(res.status, res.body, res.retryAfterMs);
    this.lastContactAt = this.o.now();
    this.ack = { seq: res.body.seq, hash: res.body.hash };
    const behind = this.head().seq - this.ack.seq;
    this.setLink(behind > 0 ? { state: 'behind', behind } : { state: 'synced' });
    this.emit('ack', this.view());
    return behind > 0 ? { ms: 0, wakeOnCommit: false } : { ms: HEARTBEAT_MS, wakeOnCommit: true };
  }

  private refusedOrOffline(status: number, body: unknown, retryAfterMs: number | null): { ms: number; wakeOnCommit: boolean } {
    const said = isRefusal(body) ? body.message : `HTTP ${status}`;
    if (status === 503 || status === 429) {
      // Busy: keep the state, come back when asked to.
      this.lastContactAt = this.o.now();
      return { ms: retryAfterMs ?? FIRST_RETRY_MS * 2, wakeOnCommit: false };
    }
    if (status >= 500 || status === 0) throw new Error(said);
    this.lastContactAt = this.o.now();
    if (this.link.state !== 'refused' || this.link.reason !== said) this.o.log(`county link: refused by the county: ${said}`);
    this.setLink({ state: 'refused', reason: said });
    return { ms: REFUSED_RETRY_MS, wakeOnCommit: false };
  }
}
