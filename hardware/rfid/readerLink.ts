// One configured reader: its link, decoder, poller, watchdog, filters, and its online state.
//
// When is a reader online?
// - A polled UHF reader (R2000, CHAFON) is online once it answers, and offline when its link
//   closes or fails to open, or when it sends nothing for watchdogMs: it answers every poll, so
//   silence means it is gone even if its port (a USB adapter, a TCP converter) is still open.
//   The silent link is then closed and reopened, which also clears a half-open TCP connection.
// - An EM4100 reader sends nothing without a card, so silence means nothing: it is online while
//   its port is open, and only a port that closes, errors or cannot be opened makes it offline.
// The sink hears a state only when it changes.
import type { ReaderConfig } from './config.js';
import { Dedup } from './dedup.js';
import type { DecodedFrame, FrameDecoder, FrameSink } from './frame.js';
import { messageOf, type Connector } from './link.js';
import { Poller } from './poller.js';
import { DRIVERS } from './protocols.js';
import { Reconnector, type BackoffOptions } from './reconnector.js';
import type { ReaderSink } from './types.js';
import { Watchdog } from './watchdog.js';

export interface ReaderStatus {
  id: string;
  online: boolean;
  framesDecoded: number;
  badFrames: number;
  /** UTC ms of the last read that passed the RSSI filter (deduplicated or not), or null. */
  lastReadAt: number | null;
}

export interface ReaderLinkDeps {
  connector: Connector;
  now: () => number;
  backoff: BackoffOptions;
  log: (line: string) => void;
}

export class ReaderLink {
  private readonly decoder: FrameDecoder;
  private readonly dedup: Dedup;
  private readonly reconnector: Reconnector;
  private readonly poller: Poller | null;
  private readonly watchdog: Watchdog | null;
  private readonly onFrame: FrameSink;
  private online: boolean | null = null;
  private stopped = false;
  private lastReadAt: number | null = null;
  /** Arrival time of the chunk being decoded: the time of the reads it carries. */
  private chunkAt = 0;

  constructor(
    private readonly config: ReaderConfig,
    private readonly sink: ReaderSink,
    private readonly deps: ReaderLinkDeps,
  ) {
    const driver = DRIVERS[config.protocol];
    this.decoder = driver.decoder();
    this.dedup = new Dedup(config.dedupMs);
    this.onFrame = (frame) => this.frame(frame);
    this.reconnector = new Reconnector(deps.connector, deps.backoff, {
      up: () => this.up(),
      data: (chunk) => this.data(chunk),
      down: (reason) => this.down(reason),
    });
    if (driver.poll) {
      // A round may take a while (CHAFON scan time defaults to 1 s) but must be retried well
      // before the watchdog gives the reader up.
      const roundTimeoutMs = Math.max(2 * config.pollMs, Math.floor(config.watchdogMs / 2));
      this.poller = new Poller(driver.poll, config.pollMs, roundTimeoutMs, (bytes) => void this.reconnector.write(bytes));
      this.watchdog = new Watchdog(config.watchdogMs, () => this.silent());
    } else {
      this.poller = null;
      this.watchdog = null;
    }
  }

  start(): void {
    this.stopped = false;
    this.reconnector.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.poller?.stop();
    this.watchdog?.stop();
    await this.reconnector.stop();
  }

  status(): ReaderStatus {
    const stats = this.decoder.stats;
    return {
      id: this.config.id,
      online: this.online === true,
      framesDecoded: stats.frames,
      badFrames: stats.badFrames,
      lastReadAt: this.lastReadAt,
    };
  }

  private up(): void {
    // A partial frame from before the reconnect will never be completed.
    this.decoder.reset();
    if (this.poller && this.watchdog) {
      this.poller.start();
      this.watchdog.start();
    } else {
      this.setOnline(true, 'port open');
    }
  }

  private down(reason: string): void {
    this.poller?.stop();
    this.watchdog?.stop();
    this.setOnline(false, reason);
  }

  private silent(): void {
    this.reconnector.recycle(`no reply for ${this.config.watchdogMs} ms`);
  }

  private data(chunk: Buffer): void {
    this.chunkAt = this.deps.now();
    this.decoder.push(chunk, this.onFrame);
  }

  private frame(frame: DecodedFrame): void {
    // A host's command (an echoing RS-485 adapter) says nothing about the reader.
    if (frame.kind === 'command') return;
    this.watchdog?.kick();
    this.poller?.frame(frame);
    if (this.online !== true) this.setOnline(true, 'reader answered');
    if (frame.kind !== 'tag') return;
    const min = this.config.rssiMin;
    if (min !== null && frame.rssi !== null && frame.rssi < min) return;
    const at = this.chunkAt;
    this.lastReadAt = at;
    if (!this.dedup.admit(frame.tag, at)) return;
    this.deliver(() => this.sink.tagRead({ reader: this.config.id, tag: frame.tag, antenna: frame.antenna, rssi: frame.rssi, at }));
  }

  private setOnline(online: boolean, reason: string): void {
    if (this.stopped || this.online === online) return;
    this.online = online;
    const at = this.deps.now();
    this.deliver(() => this.sink.deviceStatus(this.config.id, online, at, reason));
  }

  /** A throwing sink must not break the decoder mid-chunk or the serial port's event loop. */
  private deliver(call: () => void): void {
    try {
      call();
    } catch (err) {
      this.deps.log(`rfid reader ${this.config.id}: sink failed: ${messageOf(err)}`);
    }
  }
}
