// One recorder per camera: runs ffmpeg, learns of each closed segment from its segment list,
// checks and hashes it, and keeps the watchdog's verdict. When the verdict fails it reports
// recording:false at once, stops ffmpeg, probes the camera and starts again with backoff.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { stopChild } from './childProcess.js';
import { ffmpegArgs, segmentIndexOf, segmentName, segmentPattern } from './ffmpegArgs.js';
import { hashFile } from './hash.js';
import { probeRtsp, redactUrl } from './rtspProbe.js';
import { checkSegment } from './segmentCheck.js';
import { LineSplitter, parseSegmentListLine, type SegmentListEntry } from './segmentList.js';
import type { RecorderOptions, RecorderSink, RecorderStatus, SegmentRecord } from './types.js';
import { backoffMs, judge, type WatchLimits } from './watchdog.js';

/** Timings of the watchdog and the restart loop; the defaults suit real cameras. */
export interface RecorderTuning {
  /** How often the watchdog looks at the open file. */
  pollMs: number;
  /** No new bytes for this long is a stall (clusters are flushed every 500 ms). */
  stallMs: number;
  /** Allowance for ffmpeg to connect before the first byte. */
  startupMs: number;
  /** ffmpeg's RTSP socket timeout. */
  rtspTimeoutMs: number;
  /** Timeout of the RTSP OPTIONS reachability probe. */
  probeTimeoutMs: number;
  /** Probe interval while the camera is unreachable. */
  offlineRetryMs: number;
  /** First and largest delay between failed runs of a reachable camera. */
  backoffFirstMs: number;
  backoffMaxMs: number;
  /**
   * How long ffmpeg may take to close its segment after SIGINT before it is killed. ffmpeg does
   * not break off a blocked read on the first SIGINT (a second one would abort the trailer and
   * lose the last cluster), so from a hung camera it leaves only after its own RTSP timeout.
   */
  stopGraceMs: number;
  now: () => number;
}

export const DEFAULT_TUNING: RecorderTuning = {
  pollMs: 500,
  stallMs: 2000,
  startupMs: 5000,
  rtspTimeoutMs: 5000,
  probeTimeoutMs: 2000,
  offlineRetryMs: 1000,
  backoffFirstMs: 1000,
  backoffMaxMs: 30_000,
  stopGraceMs: 12_000,
  now: Date.now,
};

/**
 * The longest time from a fault to recording:false, for a given segment length: a missing
 * segment close is noticed at 2 × segment length after the last close plus one poll; a stall at
 * stallMs plus a cluster plus one poll; an exit at once.
 */
export function detectionBoundMs(segmentSeconds: number, t: Pick<RecorderTuning, 'pollMs' | 'stallMs'> = DEFAULT_TUNING): number {
  return Math.max(2 * segmentSeconds * 1000, t.stallMs + 500) + t.pollMs;
}

/** Warnings ffmpeg prints for healthy camera streams; they would only hide the real reason. */
const FFMPEG_NOISE = /Timestamps are unset in a packet|Non-monotonous DTS|non monotonically increasing dts/;

interface ClosedSegment {
  name: string;
  /** Duration from the segment list; null for a file ffmpeg never closed. */
  listedMs: number | null;
  startedAt: number;
  endedAt: number;
}

interface Run {
  child: ChildProcess;
  /** ffmpeg has exited and its output (the last segment list line) has been read. */
  closed: Promise<void>;
  startedAt: number;
  alive: boolean;
  exitNote: string;
  lastClosedAt: number | null;
  lastClosedIndex: number | null;
  lastCheck: { ok: boolean; problem: string } | null;
  lastGrowthAt: number | null;
  lastSizeKey: string;
  stderrTail: string[];
  /** Set once the run has been judged failed (or stop() began), so it is handled once. */
  ending: boolean;
}

export class CameraRecorder {
  private readonly t: RecorderTuning;
  private readonly limits: WatchLimits;
  private readonly ffmpeg: string;
  private readonly ffprobe: string;
  /** The last status emitted to the sink. */
  private status: RecorderStatus | null = null;
  /** The latest verdict, whose reason may have changed without a change worth emitting. */
  private latest: RecorderStatus | null = null;
  private run: Run | null = null;
  private started = false;
  private stopped = false;
  private failures = 0;
  private lastRunStart = 0;
  private ticking = false;
  private poller: NodeJS.Timeout | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Segments are checked one after another so the sink sees them in order. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly o: RecorderOptions & { tuning?: Partial<RecorderTuning> }, private readonly sink: RecorderSink) {
    if (!(o.segmentSeconds > 0)) throw new Error(`segmentSeconds must be positive, got ${o.segmentSeconds}`);
    this.t = { ...DEFAULT_TUNING, ...o.tuning };
    this.limits = { segmentMs: o.segmentSeconds * 1000, stallMs: this.t.stallMs, startupMs: this.t.startupMs };
    this.ffmpeg = o.ffmpegPath ?? 'ffmpeg';
    this.ffprobe = o.ffprobePath ?? 'ffprobe';
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    mkdirSync(this.o.outDir, { recursive: true });
    this.poller = setInterval(() => void this.tick(), this.t.pollMs);
    void this.probeThenRun();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.poller);
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    const run = this.run;
    if (run) {
      run.ending = true;
      await stopChild(run.child, this.t.stopGraceMs);
      await run.closed;
    }
    await this.queue;
    this.setStatus(this.status?.online ?? false, false, 'stopped');
  }

  /** The running ffmpeg's process id; null between runs. */
  get pid(): number | null {
    return this.run?.alive ? (this.run.child.pid ?? null) : null;
  }

  current(): RecorderStatus {
    return this.latest ?? { camera: this.o.camera, online: false, recording: false, reason: 'not started', at: this.t.now() };
  }

  private setStatus(online: boolean, recording: boolean, reason: string): void {
    const prev = this.status;
    const unchanged = prev !== null && prev.online === online && prev.recording === recording;
    if (unchanged && this.latest?.reason === reason) return;
    this.latest = { camera: this.o.camera, online, recording, reason, at: this.t.now() };
    if (unchanged) return;
    this.status = this.latest;
    try {
      this.sink.status(this.status);
    } catch (err) {
      console.error(`camera ${this.o.camera}: status sink threw`, err);
    }
  }

  private later(fn: () => void, ms: number): void {
    if (this.stopped) return;
    const t = setTimeout(() => { this.timers.delete(t); fn(); }, ms);
    this.timers.add(t);
  }

  private async probeThenRun(): Promise<void> {
    const p = await probeRtsp(this.o.rtspUrl, this.t.probeTimeoutMs);
    if (this.stopped) return;
    if (!p.ok) {
      this.setStatus(false, false, `camera unreachable: ${p.reason}`);
      this.later(() => void this.probeThenRun(), this.t.offlineRetryMs);
      return;
    }
    this.setStatus(true, false, 'camera answers RTSP; starting ffmpeg');
    this.spawnRun();
  }

  private spawnRun(): void {
    const startedAt = Math.max(this.t.now(), this.lastRunStart + 1);
    this.lastRunStart = startedAt;
    const args = ffmpegArgs({
      rtspUrl: this.o.rtspUrl,
      pattern: join(this.o.outDir, segmentPattern(this.o.camera, startedAt)),
      segmentSeconds: this.o.segmentSeconds,
      rtspTimeoutMs: this.t.rtspTimeoutMs,
    });
    const child = spawn(this.ffmpeg, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const run: Run = {
      child, closed: new Promise((resolve) => child.once('close', () => resolve())), startedAt, alive: true, exitNote: '', lastClosedAt: null, lastClosedIndex: null,
      lastCheck: null, lastGrowthAt: null, lastSizeKey: '', stderrTail: [], ending: false,
    };
    this.run = run;
    const list = new LineSplitter();
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      for (const line of list.push(d)) {
        const entry = parseSegmentListLine(line);
        if (entry) this.segmentClosed(run, entry, this.t.now());
      }
    });
    const errLines = new LineSplitter();
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      for (const line of errLines.push(d)) {
        if (FFMPEG_NOISE.test(line)) continue;
        run.stderrTail.push(line.replaceAll(this.o.rtspUrl, redactUrl(this.o.rtspUrl)));
        if (run.stderrTail.length > 5) run.stderrTail.shift();
      }
    });
    child.on('error', (err) => this.exitedRun(run, `cannot run ${this.ffmpeg}: ${err.message}`));
    child.on('exit', (code, signal) => this.exitedRun(run, `ffmpeg exited (${signal ?? `code ${String(code)}`})`));
    child.on('close', () => this.salvageOpenFile(run));
  }

  private exitedRun(run: Run, note: string): void {
    if (!run.alive) return;
    run.alive = false;
    const tail = run.stderrTail.at(-1);
    run.exitNote = tail ? `${note}: ${tail}` : note;
    this.evaluate(run);
  }

  private segmentClosed(run: Run, entry: SegmentListEntry, closedAt: number): void {
    run.lastClosedAt = closedAt;
    run.lastClosedIndex = segmentIndexOf(entry.name) ?? run.lastClosedIndex;
    const listedMs = Math.round((entry.endSec - entry.startSec) * 1000);
    this.enqueue(run, { name: entry.name, listedMs, startedAt: closedAt - listedMs, endedAt: closedAt });
  }

  /**
   * After ffmpeg is gone (all its output read): a file it left open without a list line, as after
   * SIGKILL, still holds evidence up to its last flushed cluster. Check and hash it like the rest.
   */
  private salvageOpenFile(run: Run): void {
    const index = (run.lastClosedIndex ?? -1) + 1;
    if (run.lastGrowthAt === null || run.lastSizeKey.split(':')[0] !== String(index)) return;
    const name = segmentName(this.o.camera, run.startedAt, index);
    this.enqueue(run, { name, listedMs: null, startedAt: run.lastClosedAt ?? run.startedAt, endedAt: run.lastGrowthAt });
  }

  private enqueue(run: Run, seg: ClosedSegment): void {
    this.queue = this.queue.then(() => this.processSegment(run, seg));
  }

  private async processSegment(run: Run, seg: ClosedSegment): Promise<void> {
    const path = join(this.o.outDir, seg.name);
    const check = await checkSegment(this.ffprobe, path, { segmentSeconds: this.o.segmentSeconds, listedDurationMs: seg.listedMs });
    let record: SegmentRecord | null = null;
    let problem = check.problem;
    try {
      const digest = await hashFile(path);
      const durationMs = seg.listedMs ?? check.durationMs ?? seg.endedAt - seg.startedAt;
      record = {
        camera: this.o.camera, path, startedAt: seg.endedAt - durationMs, endedAt: seg.endedAt, durationMs,
        bytes: digest.bytes, sha256: digest.sha256, video: check.video, audio: check.audio,
        videoCodec: check.videoCodec, audioCodec: check.audioCodec,
      };
    } catch (err) {
      problem = `cannot read ${seg.name}: ${(err as Error).message}`;
    }
    // A late check of a run that has since been replaced says nothing about the new run.
    if (this.run === run) {
      run.lastCheck = { ok: record !== null && check.ok, problem };
      // The verdict first, so that a sink looking at current() sees what this segment proved.
      this.evaluate(run);
    }
    if (record) {
      try {
        this.sink.segment(record);
      } catch (err) {
        console.error(`camera ${this.o.camera}: segment sink threw`, err);
      }
    }
  }

  private async tick(): Promise<void> {
    const run = this.run;
    if (!run || run.ending || this.stopped || this.ticking) return;
    this.ticking = true;
    try {
      await this.measureGrowth(run);
    } finally {
      this.ticking = false;
    }
    this.evaluate(run);
  }

  private evaluate(run: Run): void {
    if (run.ending || this.stopped || this.run !== run) return;
    const v = judge({
      now: this.t.now(), alive: run.alive, startedAt: run.startedAt, lastClosedAt: run.lastClosedAt,
      lastCheck: run.lastCheck, lastGrowthAt: run.lastGrowthAt,
    }, this.limits);
    if (v.recording) {
      this.failures = 0;
      this.setStatus(true, true, v.reason);
    } else if (v.failed) {
      run.ending = true;
      void this.afterFailure(run, run.alive ? v.reason : run.exitNote || v.reason);
    }
  }

  /** The open file is the one after the last closed; any change of (file, size) is growth. */
  private async measureGrowth(run: Run): Promise<void> {
    const index = (run.lastClosedIndex ?? -1) + 1;
    const name = segmentName(this.o.camera, run.startedAt, index);
    let size = 0;
    try {
      size = (await stat(join(this.o.outDir, name))).size;
    } catch {
      return;
    }
    const key = `${index}:${size}`;
    if (size > 0 && key !== run.lastSizeKey) {
      run.lastSizeKey = key;
      run.lastGrowthAt = this.t.now();
    }
  }

  private async afterFailure(run: Run, reason: string): Promise<void> {
    this.failures++;
    this.setStatus(this.status?.online ?? false, false, reason);
    // Probe while ffmpeg winds down: a hung camera keeps ffmpeg until its RTSP timeout, and the
    // desk should see the camera offline before that.
    const stopping = stopChild(run.child, this.t.stopGraceMs);
    const p = await probeRtsp(this.o.rtspUrl, this.t.probeTimeoutMs);
    if (!p.ok && !this.stopped) this.setStatus(false, false, `camera unreachable: ${p.reason}`);
    await stopping;
    if (this.stopped) return;
    const delay = p.ok ? backoffMs(this.failures, this.t.backoffFirstMs, this.t.backoffMaxMs) : this.t.offlineRetryMs;
    this.later(() => void this.probeThenRun(), delay);
  }
}
