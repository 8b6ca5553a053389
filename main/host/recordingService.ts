// Records every camera of every room that must be recorded, for as long as the station runs,
// and puts what the recorders see on the record: status changes as camera.status, closed and
// checked segments as recording.segment, the disk as storage.status. Unlinked segments past the
// retention period are deleted; a segment linked to a person never is.
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { CameraRecorder, checkStorage, deleteExpired, grabFrame, type SegmentRecord } from '../../hardware/camera/index.js';
import type { AreaState } from '../core/state/model.js';
import type { SegmentRetention } from '../core/store/segments.js';
import type { CameraHardware } from './deviceConfig.js';
import type { ReportPort } from './ports.js';
import { locateRecordingTools, toolProblems, toolsMissing, type RecordingTools, type ToolSettings } from './recordingTools.js';

export interface RecordingPorts extends ReportPort {
  /** The area as recorded: which cameras it has and which rooms must be recorded. */
  area(): Pick<AreaState, 'cameras' | 'rooms'>;
  readonly segments: SegmentRetention;
}

export interface RecordingSettings {
  readonly dir: string;
  readonly segmentSeconds: number;
  readonly retentionDays: number;
  readonly minFreeBytes: number;
  readonly storageCheckMs?: number;
  readonly retentionCheckMs?: number;
  /** How often tools found missing are looked for again (installing them needs no restart). */
  readonly toolsCheckMs?: number;
  /** Where the recorder and its checker are configured or shipped. */
  readonly tools: ToolSettings;
}

/** What the desk is told about a camera beyond the record: the recorder's reason, and whether its programs are missing. */
export interface CameraNote {
  readonly reason: string | null;
  readonly recorderMissing: boolean;
}

export class RecordingService {
  private readonly recorders = new Map<string, CameraRecorder>();
  private timers: NodeJS.Timeout[] = [];
  /** Disk and retention checks under way: stop() waits for them, so none reports to a closed record. */
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly ports: RecordingPorts, private readonly cameras: readonly CameraHardware[], private readonly settings: RecordingSettings,
    private tools: RecordingTools,
  ) {}

  /** Whether any camera is to be recorded here (an area without camera streams needs no recorder). */
  get needed(): boolean {
    return this.recorders.size > 0;
  }

  /** Why the recorder cannot run, in the person's words; empty when it can (or nothing is to be recorded). */
  problems(): string[] {
    return this.needed ? toolProblems(this.tools) : [];
  }

  /** Looks again for tools that were missing; says so when they are found. */
  private async recheckTools(): Promise<void> {
    if (!toolsMissing(this.tools)) return;
    this.tools = await locateRecordingTools(this.settings.tools);
    if (!toolsMissing(this.tools)) this.log(`recorder found: ${this.tools.ffmpeg.path}, ${this.tools.ffprobe.path}`);
  }

  private log(line: string): void {
    this.ports.log(`recording: ${line}`);
  }

  start(): void {
    mkdirSync(this.settings.dir, { recursive: true });
    const state = this.ports.area();
    for (const cam of this.cameras) {
      const configured = state.cameras.get(cam.id);
      if (!configured) {
        this.log(`camera ${cam.id} of the configuration is not in the area; not recorded`);
        continue;
      }
      if (!state.rooms.get(configured.room)?.recordingRequired || !cam.rtsp) continue;
      const recorder = new CameraRecorder(
        // Segment times and the recorder's watchdog run on the station clock, like everything recorded.
        {
          camera: cam.id, rtspUrl: this.streamInput(cam.id) ?? cam.rtsp, outDir: join(this.settings.dir, cam.id), segmentSeconds: this.settings.segmentSeconds,
          ffmpegPath: this.tools.ffmpeg.path, ffprobePath: this.tools.ffprobe.path, tuning: { now: this.ports.now },
        },
        {
          status: (s) => {
            this.ports.report({ type: 'camera.status', camera: cam.id, online: s.online, recording: s.recording }, `device:${cam.id}`);
          },
          segment: (s: SegmentRecord) => this.ports.report({ type: 'recording.segment', ...s }, `device:${cam.id}`),
        },
      );
      this.recorders.set(cam.id, recorder);
      recorder.start();
    }
    const every = (ms: number, run: () => Promise<void>): void => {
      const once = (): void => {
        const p = run().catch((err: unknown) => this.log((err as Error).message)).finally(() => this.running.delete(p));
        this.running.add(p);
      };
      const t = setInterval(once, ms);
      t.unref();
      this.timers.push(t);
      once();
    };
    every(this.settings.storageCheckMs ?? 60_000, () => this.checkDisk());
    every(this.settings.retentionCheckMs ?? 3_600_000, () => this.applyRetention());
    for (const p of this.problems()) this.log(`recorder missing: ${p}`);
    if (this.problems().length > 0) every(this.settings.toolsCheckMs ?? 60_000, () => this.recheckTools());
  }

  async checkDisk(): Promise<void> {
    const disk = await checkStorage(this.settings.dir, this.settings.minFreeBytes);
    this.ports.report({ type: 'storage.status', path: disk.dir, freeBytes: disk.freeBytes, totalBytes: disk.totalBytes, low: disk.low }, 'system');
  }

  /** Deletes expired segments that recorded nobody and were never exported. */
  async applyRetention(): Promise<void> {
    const { segments } = this.ports;
    for (const dir of [...this.recorders.keys()].map((id) => join(this.settings.dir, id))) {
      const result = await deleteExpired(dir, this.settings.retentionDays * 86_400_000, (path) => segments.mustKeep(path), this.ports.now());
      for (const path of result.deleted) segments.markDeleted(path, this.ports.now());
      for (const f of result.failed) this.log(`retention: ${f.path}: ${f.error}`);
    }
  }

  /** A JPEG of what the camera sees now. */
  async snapshot(cameraId: string): Promise<Buffer> {
    const input = this.streamInput(cameraId);
    if (!input) throw new Error(`摄像机 ${cameraId} 未配置视频流地址`);
    return grabFrame(input, { ffmpegPath: this.tools.ffmpeg.path });
  }

  /** The ffmpeg the station runs (configured, shipped with the app, or on PATH). */
  get ffmpegPath(): string {
    return this.tools.ffmpeg.path;
  }

  /**
   * What ffmpeg is given to read a camera — the one place where every ffmpeg of the station
   * (recorder, snapshot, live view) gets a camera's address, so that how a camera is reached, and
   * that no password ends up on a command line, is decided here alone. `uri`: another stream of
   * the camera than the recorded one (a sub-stream its ONVIF profiles offer). Null: no such stream
   * can be read: none configured, or a sub-stream of a camera that wants a login (its address
   * carries no account, and one is never added to a command line).
   */
  streamInput(cameraId: string, uri?: string): string | null {
    const recorded = this.cameras.find((c) => c.id === cameraId)?.rtsp;
    if (!recorded) return null;
    if (uri === undefined) return recorded;
    return new URL(recorded).username === '' ? uri : null;
  }

  /** The ONVIF service of a camera, where the configuration names one (to find its sub-stream). */
  onvifOf(cameraId: string): { readonly url: string; readonly user?: string | undefined; readonly pass?: string | undefined } | null {
    return this.cameras.find((c) => c.id === cameraId)?.onvif ?? null;
  }

  /** What the desk is told about a recorded camera; null for a camera this station does not record. */
  note(cameraId: string): CameraNote | null {
    const recorder = this.recorders.get(cameraId);
    if (!recorder) return null;
    const current = recorder.current();
    return { reason: current.reason, recorderMissing: toolsMissing(this.tools) && !current.recording };
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await Promise.all([...this.running, ...[...this.recorders.values()].map((r) => r.stop())]);
    this.recorders.clear();
  }
}
