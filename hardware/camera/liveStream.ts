// One camera's live view: one ffmpeg however many people watch. ffmpeg starts with the first
// viewer and stops a short while after the last one leaves. Its fragmented MP4 is split into the
// init segment and fragments (mp4Boxes.ts) and handed to every viewer; a viewer who joins while it
// runs gets the init segment and the fragments since the last keyframe, so the picture appears at
// once instead of at the next keyframe. A viewer who falls behind (a slow network) skips to the
// next keyframe rather than holding up the others or filling the station's memory.
//
// When ffmpeg fails (the camera went away, the network broke) it is started again with backoff
// for as long as someone watches; the new run's fragments are moved in time to follow the last
// ones, so the page's player just plays on.
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { stopChild } from './childProcess.js';
import { liveArgs } from './liveArgs.js';
import { fragmentSpan, mimeOf, Mp4Splitter, opensOnKeyframe, shiftFragment, unplayableVideo, type Fragment, type InitSegment } from './mp4Boxes.js';
import { redactUrl } from './rtspProbe.js';

export interface LiveTuning {
  /** How long ffmpeg runs on after the last viewer left (a page reload or a switch between rooms reuses it). */
  lingerMs: number;
  rtspTimeoutMs: number;
  /** First and largest wait between failed runs while someone watches. */
  restartFirstMs: number;
  restartMaxMs: number;
  /** A viewer whose unsent data exceeds this skips to the next keyframe. */
  maxQueueBytes: number;
  /** The fragments kept for late joiners are bounded even if the camera sends keyframes rarely. */
  maxCacheBytes: number;
  /** A viewer given no picture within this long is told why. */
  firstPictureTimeoutMs: number;
  stopGraceMs: number;
}

export const DEFAULT_LIVE_TUNING: LiveTuning = {
  lingerMs: 5000,
  rtspTimeoutMs: 5000,
  restartFirstMs: 1000,
  restartMaxMs: 10_000,
  maxQueueBytes: 8 << 20,
  maxCacheBytes: 16 << 20,
  firstPictureTimeoutMs: 15_000,
  stopGraceMs: 3000,
};

/** Why a live view could not start, for the page to say (code) and the log to keep (detail, English). */
export class LiveError extends Error {
  constructor(readonly code: 'NO_STREAM' | 'UNPLAYABLE' | 'NO_PICTURE' | 'STOPPED', message: string) {
    super(message);
    this.name = 'LiveError';
  }
}

export interface LiveStreamOptions {
  readonly camera: string;
  /**
   * What ffmpeg reads, asked at every start: the station's one function that turns a camera into
   * an ffmpeg input (so no credential is ever put on a command line here). Null: no stream.
   */
  readonly input: () => Promise<string | null>;
  readonly ffmpegPath?: string;
  readonly tuning?: Partial<LiveTuning>;
  readonly log?: (line: string) => void;
}

export interface LiveStreamEvents {
  /** ffmpeg started (its pid), for measurements and tests. */
  started: [number];
  /** ffmpeg is gone; `wanted`: someone still watches, so it will be started again. */
  exited: [{ pid: number; wanted: boolean; reason: string }];
}

/** A viewer's end of the stream: the bytes to send, in order. */
export class LiveViewer {
  private readonly queue: Buffer[] = [];
  private queued = 0;
  private waiting: ((b: Buffer | null) => void) | null = null;
  private ended = false;
  /** Set when the viewer fell behind (or joined without a cache): only a keyframe fragment may follow. */
  needKeyframe = false;
  sentInit: Buffer | null = null;
  readonly ready: Promise<string>;
  private settle!: { resolve: (mime: string) => void; reject: (err: LiveError) => void };
  private settled = false;

  constructor(private readonly leave: (v: LiveViewer) => void, private readonly maxQueueBytes: number) {
    this.ready = new Promise<string>((resolve, reject) => { this.settle = { resolve, reject }; });
    // A viewer that is closed before it was ready must not leave an unhandled rejection behind.
    this.ready.catch(() => undefined);
  }

  /** The next bytes, or null once the view has ended. */
  next(): Promise<Buffer | null> {
    const b = this.queue.shift();
    if (b) {
      this.queued -= b.length;
      return Promise.resolve(b);
    }
    if (this.ended) return Promise.resolve(null);
    return new Promise((resolve) => { this.waiting = resolve; });
  }

  /** The viewer leaves (the page closed, the connection dropped). */
  close(): void {
    if (this.ended) return;
    this.end();
    this.leave(this);
  }

  /** @internal */
  start(mime: string): void {
    if (this.settled) return;
    this.settled = true;
    this.settle.resolve(mime);
  }

  /** @internal */
  fail(err: LiveError): void {
    if (!this.settled) {
      this.settled = true;
      this.settle.reject(err);
    }
    this.end();
  }

  get isReady(): boolean {
    return this.settled && !this.ended;
  }

  /** @internal Returns false when the viewer is too far behind (its queue was dropped). */
  push(b: Buffer): boolean {
    if (this.ended) return true;
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = null;
      w(b);
      return true;
    }
    if (this.queued + b.length > this.maxQueueBytes) {
      this.queue.length = 0;
      this.queued = 0;
      return false;
    }
    this.queue.push(b);
    this.queued += b.length;
    return true;
  }

  private end(): void {
    this.ended = true;
    const w = this.waiting;
    this.waiting = null;
    w?.(null);
  }
}

interface Run {
  readonly child: ChildProcess;
  readonly splitter: Mp4Splitter;
  init: InitSegment | null;
  /** Seconds added to this run's fragment times so that they follow the previous run's. */
  offset: number | null;
  stderrTail: string;
  closed: Promise<void>;
}

export class LiveStream extends EventEmitter<LiveStreamEvents> {
  private readonly t: LiveTuning;
  private readonly viewers = new Set<LiveViewer>();
  private run: Run | null = null;
  private init: InitSegment | null = null;
  /** The fragments since the last keyframe fragment (as sent), for viewers who join now. */
  private cache: Buffer[] = [];
  private cacheBytes = 0;
  /** End (seconds, on the continuous time line) of the last fragment sent. */
  private lastEnd = 0;
  private failures = 0;
  private lastReason = '';
  private lingerTimer: NodeJS.Timeout | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private starting = false;
  private stopped = false;

  constructor(private readonly o: LiveStreamOptions) {
    super();
    this.t = { ...DEFAULT_LIVE_TUNING, ...o.tuning };
  }

  get camera(): string {
    return this.o.camera;
  }

  /** The running ffmpeg's pid, if one runs. */
  get pid(): number | null {
    return this.run?.child.pid ?? null;
  }

  get viewerCount(): number {
    return this.viewers.size;
  }

  /** A new viewer; ffmpeg starts if it is not running. */
  watch(): LiveViewer {
    if (this.stopped) throw new LiveError('STOPPED', 'the live view service has stopped');
    const viewer = new LiveViewer((v) => this.leave(v), this.t.maxQueueBytes);
    this.viewers.add(viewer);
    if (this.lingerTimer) {
      clearTimeout(this.lingerTimer);
      this.lingerTimer = null;
    }
    const timer = setTimeout(() => {
      if (!viewer.isReady) viewer.fail(new LiveError('NO_PICTURE', this.lastReason || `no picture from camera ${this.o.camera} within ${this.t.firstPictureTimeoutMs} ms`));
    }, this.t.firstPictureTimeoutMs);
    timer.unref();
    void viewer.ready.then(() => clearTimeout(timer), () => clearTimeout(timer));
    if (this.init && this.run) this.join(viewer, this.init);
    else if (!this.run && !this.restartTimer) void this.startRun();
    return viewer;
  }

  /** Ends every view and ffmpeg. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const v of this.viewers) v.fail(new LiveError('STOPPED', 'the live view service has stopped'));
    this.viewers.clear();
    await this.halt();
  }

  private join(viewer: LiveViewer, init: InitSegment): void {
    viewer.start(mimeOf(init.tracks));
    viewer.push(init.bytes);
    viewer.sentInit = init.bytes;
    if (this.cache.length === 0) viewer.needKeyframe = true;
    for (const b of this.cache) viewer.push(b);
  }

  private leave(viewer: LiveViewer): void {
    this.viewers.delete(viewer);
    if (this.viewers.size > 0 || this.stopped) return;
    if (this.restartTimer) {
      clearTimeout(this.restartTimer);
      this.restartTimer = null;
    }
    if (this.lingerTimer) clearTimeout(this.lingerTimer);
    this.lingerTimer = setTimeout(() => {
      this.lingerTimer = null;
      if (this.viewers.size === 0) void this.halt();
    }, this.t.lingerMs);
    this.lingerTimer.unref();
  }

  private async halt(): Promise<void> {
    if (this.lingerTimer) clearTimeout(this.lingerTimer);
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.lingerTimer = null;
    this.restartTimer = null;
    const run = this.run;
    this.run = null;
    this.init = null;
    this.cache = [];
    this.cacheBytes = 0;
    if (run) {
      await stopChild(run.child, this.t.stopGraceMs);
      await run.closed;
    }
  }

  private failAll(err: LiveError): void {
    for (const v of [...this.viewers]) {
      if (!v.isReady) {
        v.fail(err);
        this.viewers.delete(v);
      }
    }
  }

  private async startRun(): Promise<void> {
    if (this.starting || this.stopped) return;
    this.starting = true;
    let input: string | null;
    try {
      input = await this.o.input();
    } catch (err) {
      input = null;
      this.lastReason = (err as Error).message;
    } finally {
      this.starting = false;
    }
    if (this.stopped || this.viewers.size === 0) return;
    if (input === null) {
      this.failAll(new LiveError('NO_STREAM', this.lastReason || `camera ${this.o.camera} has no stream to show`));
      return;
    }
    const args = liveArgs({ input, rtspTimeoutMs: this.t.rtspTimeoutMs });
    const child = spawn(this.o.ffmpegPath ?? 'ffmpeg', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const run: Run = { child, splitter: new Mp4Splitter(), init: null, offset: null, stderrTail: '', closed: new Promise((r) => child.once('close', () => r())) };
    this.run = run;
    if (child.pid !== undefined) this.emit('started', child.pid);
    child.stdout?.on('data', (chunk: Buffer) => this.take(run, chunk));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      run.stderrTail = (run.stderrTail + d.split(input).join(redactUrl(input))).slice(-400);
    });
    child.on('error', (err) => { run.stderrTail = `cannot run ffmpeg: ${err.message}`; });
    child.once('close', (code, signal) => this.ended(run, `ffmpeg exited (${signal ?? `code ${String(code)}`})${run.stderrTail ? `: ${run.stderrTail.trim().split('\n').pop() ?? ''}` : ''}`));
  }

  private take(run: Run, chunk: Buffer): void {
    if (this.run !== run) return;
    let pieces;
    try {
      pieces = run.splitter.push(chunk);
    } catch (err) {
      this.lastReason = `unreadable stream from ffmpeg: ${(err as Error).message}`;
      run.child.kill('SIGKILL');
      return;
    }
    for (const piece of pieces) {
      if (piece.kind === 'init') {
        const problem = unplayableVideo(piece.init.tracks);
        if (problem) {
          this.lastReason = `camera ${this.o.camera} sends ${problem}, which browsers cannot play; live view needs an H.264 (sub-)stream`;
          for (const v of this.viewers) v.fail(new LiveError('UNPLAYABLE', this.lastReason));
          this.viewers.clear();
          void this.halt();
          return;
        }
        run.init = piece.init;
        this.init = piece.init;
        this.cache = [];
        this.cacheBytes = 0;
        for (const v of this.viewers) {
          if (!v.isReady) this.join(v, piece.init);
          else {
            // A restarted ffmpeg: the same player goes on with the new init segment.
            if (!v.sentInit?.equals(piece.init.bytes)) v.push(piece.init.bytes);
            v.sentInit = piece.init.bytes;
            v.needKeyframe = true;
          }
        }
      } else if (run.init) {
        this.fragment(run, run.init, piece.fragment);
      }
    }
  }

  private fragment(run: Run, init: InitSegment, raw: Fragment): void {
    const span = fragmentSpan(raw, init.tracks);
    if (run.offset === null) run.offset = span ? this.lastEnd - span.start : 0;
    const fragment = run.offset === 0 ? raw : shiftFragment(raw, init.tracks, run.offset);
    if (span) this.lastEnd = span.end + run.offset;
    this.failures = 0;
    const key = opensOnKeyframe(raw, init.tracks);
    if (key || this.cacheBytes + fragment.bytes.length > this.t.maxCacheBytes) {
      this.cache = [];
      this.cacheBytes = 0;
    }
    if (key || this.cache.length > 0) {
      this.cache.push(fragment.bytes);
      this.cacheBytes += fragment.bytes.length;
    }
    for (const v of this.viewers) {
      if (!v.isReady) continue;
      if (v.needKeyframe) {
        if (!key) continue;
        v.needKeyframe = false;
      }
      if (!v.push(fragment.bytes)) v.needKeyframe = true;
    }
  }

  private ended(run: Run, reason: string): void {
    if (this.run !== run) {
      // A run stopped on purpose (nobody watches, or the service stops).
      if (run.child.pid !== undefined) this.emit('exited', { pid: run.child.pid, wanted: false, reason });
      return;
    }
    this.run = null;
    this.init = null;
    this.cache = [];
    this.cacheBytes = 0;
    this.lastReason = reason;
    const wanted = this.viewers.size > 0 && !this.stopped;
    if (run.child.pid !== undefined) this.emit('exited', { pid: run.child.pid, wanted, reason });
    if (!wanted) return;
    this.o.log?.(`live ${this.o.camera}: ${reason}; starting again`);
    this.failures++;
    const delay = Math.min(this.t.restartMaxMs, this.t.restartFirstMs * 2 ** Math.max(0, this.failures - 1));
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.viewers.size > 0) void this.startRun();
    }, delay);
  }
}
