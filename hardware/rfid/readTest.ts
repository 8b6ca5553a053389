// 读卡测试: what a reader sees, before it is saved — the wristbands held to it (each with how often,
// when last, and the signal), and whether the link is up and why not. Every read counts (no
// dedup, no RSSI floor), as with `rfid listen`: the installer is looking for the wiring, the port
// and the protocol, and a reader that reads nothing says so.
import type { ReaderConfig } from './config.js';
import { ReaderManager, type ReaderManagerOptions } from './manager.js';
import type { ReaderSink, TagReading } from './types.js';

export interface SeenTag {
  readonly tag: string;
  readonly count: number;
  readonly firstAt: number;
  readonly lastAt: number;
  readonly rssi: number | null;
  readonly antenna: number | null;
}

export interface ReadTestView {
  readonly online: boolean;
  /** The link's last word, in English (e.g. "open", "port error: …"). */
  readonly reason: string;
  /** Most recently seen first. */
  readonly tags: readonly SeenTag[];
  readonly startedAt: number;
}

/** Collects reads and link changes into what the page shows; fed by a reader of its own or by a running one. */
export class ReadTally implements ReaderSink {
  private readonly seen = new Map<string, SeenTag>();
  private online = false;
  private reason = 'connecting';

  /** `changed`: after every read and link change (the page is told; tests wait on it). */
  constructor(readonly startedAt: number, private readonly changed: () => void = () => undefined) {}

  tagRead(r: TagReading): void {
    const before = this.seen.get(r.tag);
    this.seen.set(r.tag, {
      tag: r.tag, count: (before?.count ?? 0) + 1, firstAt: before?.firstAt ?? r.at, lastAt: r.at, rssi: r.rssi, antenna: r.antenna,
    });
    // A read proves the link whatever the reader said before (an EM4100 reader has no other sign of life).
    this.online = true;
    this.changed();
  }

  deviceStatus(_reader: string, online: boolean, _at: number, reason: string): void {
    this.online = online;
    this.reason = reason;
    this.changed();
  }

  view(): ReadTestView {
    const tags = [...this.seen.values()].sort((a, b) => b.lastAt - a.lastAt);
    return { online: this.online, reason: this.reason, tags, startedAt: this.startedAt };
  }
}

/** A read test over a reader link of its own. */
export class ReadTest {
  private readonly tally: ReadTally;
  private readonly manager: ReaderManager;

  constructor(config: ReaderConfig, now: () => number, options: Omit<ReaderManagerOptions, 'now'> & { changed?: () => void } = {}) {
    const { changed, ...managerOptions } = options;
    this.tally = new ReadTally(now(), changed);
    this.manager = new ReaderManager([{ ...config, dedupMs: 0, rssiMin: null }], this.tally, { ...managerOptions, now });
    this.manager.start();
  }

  view(): ReadTestView {
    return this.tally.view();
  }

  stop(): Promise<void> {
    return this.manager.stop();
  }
}
