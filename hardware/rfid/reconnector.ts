// Keeps one link up: opens it, and after an open failure, a close, an unplug or a recycle,
// opens it again after a delay that doubles up to a ceiling. A link that stayed up for a while
// resets the delay, so a replugged device is found within the first short delays; one that
// drops right after opening keeps the delay growing instead of spinning.
import { messageOf, type Connector, type Link } from './link.js';

export interface BackoffOptions {
  minMs: number;
  maxMs: number;
}

export interface ReconnectorEvents {
  up(): void;
  data(chunk: Buffer): void;
  /** The link is down (or could not be opened); another attempt is already scheduled. */
  down(reason: string): void;
}

/** A link up for at least this long counts as a good one: the next attempt starts from minMs. */
const STABLE_MS = 2000;

export class Reconnector {
  private link: Link | null = null;
  /** Bumped for every attempt and every close: callbacks of an older link are ignored. */
  private epoch = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private delay: number;
  private upAt = 0;

  constructor(
    private readonly connect: Connector,
    private readonly backoff: BackoffOptions,
    private readonly events: ReconnectorEvents,
  ) {
    this.delay = backoff.minMs;
  }

  get isUp(): boolean {
    return this.link !== null;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.attempt();
  }

  /** Writes if the link is up; a failed write takes the link down. */
  write(bytes: Uint8Array): Promise<void> {
    const link = this.link;
    if (!link) return Promise.resolve();
    return link.write(bytes).catch((err: unknown) => {
      if (this.link === link) this.drop(`write failed: ${messageOf(err)}`);
    });
  }

  /** Closes a link that is open but useless (a silent reader) and opens it again. */
  recycle(reason: string): void {
    this.drop(reason);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.epoch++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const link = this.link;
    this.link = null;
    if (link) await link.close().catch(() => undefined);
  }

  private attempt(): void {
    this.timer = null;
    const epoch = ++this.epoch;
    this.connect({
      data: (chunk) => {
        if (epoch === this.epoch) this.events.data(chunk);
      },
      closed: (reason) => {
        if (epoch === this.epoch && this.link) this.lost(reason);
      },
    }).then(
      (link) => {
        if (epoch !== this.epoch || this.stopped) {
          void link.close().catch(() => undefined);
          return;
        }
        this.link = link;
        this.upAt = performance.now();
        this.events.up();
      },
      (err: unknown) => {
        if (epoch !== this.epoch || this.stopped) return;
        this.events.down(`open failed: ${messageOf(err)}`);
        this.schedule();
      },
    );
  }

  private lost(reason: string): void {
    this.link = null;
    this.epoch++;
    this.afterDown(reason);
  }

  private drop(reason: string): void {
    const link = this.link;
    if (!link) return;
    this.link = null;
    this.epoch++;
    void link.close().catch(() => undefined);
    this.afterDown(reason);
  }

  private afterDown(reason: string): void {
    if (performance.now() - this.upAt >= STABLE_MS) this.delay = this.backoff.minMs;
    this.events.down(reason);
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped || this.timer) return;
    const delay = this.delay;
    this.delay = Math.min(delay * 2, this.backoff.maxMs);
    this.timer = setTimeout(() => this.attempt(), delay);
  }
}
