// Records every camera of every room that must be recorded, for as long as the station runs,
// and puts what the recorders see on the record: status changes as camera.status, closed and
// checked segments as recording.segment, the disk as storage.status. Unlinked segments past the
// retention period are deleted; a segment linked to a person never is.
//
// Which cameras are recorded follows the area and the cameras' connections as they change: a
// recorder whose stream is unchanged keeps running (same ffmpeg, no gap); one whose stream
// changed is restarted; one no longer wanted is stopped. Every recorder reads its camera through
// the station's RTSP relay, so that no password is on ffmpeg's command line.
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { CameraRecorder, checkStorage, deleteExpired, grabFrame, type SegmentRecord } from '../../hardware/camera/index.js';
import { relayProblem, type RelayRoute, type RtspRelay } from '../../hardware/camera/rtspRelay.js';
import { redactUrl } from '../../hardware/camera/rtspProbe.js';
import type { CameraSecretConnection } from '../../common/setupFile.js';
import type { AreaState } from '../core/state/model.js';
import type { SegmentRetention } from '../core/store/segments.js';
import type { ReportPort } from './ports.js';
import { locateRecordingTools, toolProblems, toolsMissing, type RecordingTools, type ToolSettings } from './recordingTools.js';

export interface RecordingPorts extends ReportPort {
  /** The area as recorded: which cameras it has and which rooms must be recorded. */
  area(): Pick<AreaState, 'cameras' | 'rooms'>;
  /** Each camera's stream and account, by camera id (the settings file). */
  connections(): Readonly<Record<string, CameraSecretConnection>>;
  /** The station's relay, started when a camera first needs it (no port is opened for an area without cameras). */
  relay(): Promise<RtspRelay>;
  readonly segments: SegmentRetention;
}

/** A stream a live view reads, and how to give it up. */
export interface StreamRoute {
  readonly url: string;
  close(): void;
}

/** A running recorder and the relay route it reads through. */
interface Recording {
  readonly recorder: CameraRecorder;
  readonly route: RelayRoute;
  readonly connection: CameraSecretConnection;
  /** What the recorder was given (stream and account): a change restarts it. */
  readonly stream: string;
}

const streamOf = (c: CameraSecretConnection): string => JSON.stringify([c.rtsp, c.user, c.pass]);

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
  private readonly recorders = new Map<string, Recording>();
  private timers: NodeJS.Timeout[] = [];
  /** Disk and retention checks under way: stop() waits for them, so none reports to a closed record. */
  private readonly running = new Set<Promise<void>>();
  /** Changes of the recorded set, one after another. */
  private changing: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly ports: RecordingPorts, private readonly settings: RecordingSettings, private tools: RecordingTools) {}

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

  /** The cameras to record now: in a room that must be recorded, with a stream. */
  private wanted(): Map<string, CameraSecretConnection> {
    const state = this.ports.area();
    const connections = this.ports.connections();
    const out = new Map<string, CameraSecretConnection>();
    for (const [id, c] of Object.entries(connections)) {
      const camera = state.cameras.get(id);
      if (camera && state.rooms.get(camera.room)?.recordingRequired) out.set(id, c);
    }
    return out;
  }

  private startRecorder(relay: RtspRelay, id: string, c: CameraSecretConnection): void {
    const route = relay.open({ url: c.rtsp, user: c.user ?? undefined, pass: c.pass ?? undefined });
    const recorder = new CameraRecorder(
      // Segment times and the recorder's watchdog run on the station clock, like everything recorded.
      {
        camera: id, rtspUrl: route.url, outDir: join(this.settings.dir, id), segmentSeconds: this.settings.segmentSeconds,
        ffmpegPath: this.tools.ffmpeg.path, ffprobePath: this.tools.ffprobe.path, tuning: { now: this.ports.now },
      },
      {
        status: (s) => {
          this.ports.report({ type: 'camera.status', camera: id, online: s.online, recording: s.recording }, `device:${id}`);
        },
        segment: (s: SegmentRecord) => this.ports.report({ type: 'recording.segment', ...s }, `device:${id}`),
      },
    );
    this.recorders.set(id, { recorder, route, connection: c, stream: streamOf(c) });
    recorder.start();
  }

  /**
   * Brings the recorders in line with the area and the connections: unchanged ones keep running,
   * changed ones restart, those no longer wanted stop (closing their last segment).
   */
  reconcile(): Promise<void> {
    const run = async (): Promise<void> => {
      if (this.stopped) return;
      const wanted = this.wanted();
      const going = [...this.recorders].filter(([id, r]) => wanted.get(id) === undefined || streamOf(wanted.get(id) as CameraSecretConnection) !== r.stream);
      await Promise.all(going.map(async ([id, r]) => {
        this.recorders.delete(id);
        await r.recorder.stop();
        r.route.close();
        this.log(`camera ${id} ${wanted.has(id) ? 'restarted for its new stream' : 'no longer recorded'}`);
      }));
      const starting = [...wanted].filter(([id]) => !this.recorders.has(id));
      if (this.stopped || starting.length === 0) return;
      const relay = await this.ports.relay();
      for (const [id, c] of starting) if (!this.stopped && !this.recorders.has(id)) this.startRecorder(relay, id, c);
    };
    this.changing = this.changing.then(run, run);
    return this.changing;
  }

  start(): void {
    mkdirSync(this.settings.dir, { recursive: true });
    void this.reconcile();
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

  /** A JPEG of what the camera sees now, through the relay like the recorder. */
  async snapshot(cameraId: string): Promise<Buffer> {
    const c = this.ports.connections()[cameraId];
    if (!c) throw new Error(`摄像机 ${cameraId} 未配置视频流地址`);
    const running = this.recorders.get(cameraId);
    const route = running?.route ?? (await this.ports.relay()).open({ url: c.rtsp, user: c.user ?? undefined, pass: c.pass ?? undefined });
    try {
      return await grabFrame(route.url, { ffmpegPath: this.tools.ffmpeg.path });
    } catch (err) {
      const why = relayProblem(route.state(), c.user !== null);
      throw new Error(why ?? (err as Error).message.split(route.url).join(redactUrl(c.rtsp)));
    } finally {
      if (!running) route.close();
    }
  }

  /** The cameras recorded now, and the ffmpeg each runs (pid, null between runs). */
  recorded(): Map<string, number | null> {
    return new Map([...this.recorders].map(([id, r]) => [id, r.recorder.pid]));
  }

  /** The ffmpeg the station runs (configured, shipped with the app, or on PATH). */
  get ffmpegPath(): string {
    return this.tools.ffmpeg.path;
  }

  /** The camera's own address of its recorded stream (no account in it), or null: none configured. */
  recordedUrl(cameraId: string): string | null {
    return this.ports.connections()[cameraId]?.rtsp ?? null;
  }

  /**
   * What a live view's ffmpeg reads: the camera's recorded stream (`uri` undefined) or another of
   * its streams (a sub-stream its ONVIF profiles offer), through the station's relay like the
   * recorder and snapshots, so that no password is on a command line. The route of a running
   * recorder is shared (and stays the recorder's); a new one is closed by the caller. Null: the
   * camera has no stream configured.
   */
  async streamInput(cameraId: string, uri?: string): Promise<StreamRoute | null> {
    const c = this.ports.connections()[cameraId];
    if (!c) return null;
    const running = this.recorders.get(cameraId);
    if (uri === undefined && running) return { url: running.route.url, close: () => undefined };
    const route = (await this.ports.relay()).open({ url: uri ?? c.rtsp, user: c.user ?? undefined, pass: c.pass ?? undefined });
    return { url: route.url, close: () => route.close() };
  }

  /** The ONVIF service of a camera, where its connection names one (to find its sub-stream). */
  onvifOf(cameraId: string): { readonly url: string; readonly user?: string | undefined; readonly pass?: string | undefined } | null {
    const c = this.ports.connections()[cameraId];
    return c?.onvif ? { url: c.onvif, user: c.user ?? undefined, pass: c.pass ?? undefined } : null;
  }

  /** What the desk is told about a recorded camera; null for a camera this station does not record. */
  note(cameraId: string): CameraNote | null {
    const running = this.recorders.get(cameraId);
    if (!running) return null;
    const current = running.recorder.current();
    // The relay saw why the camera turned the recorder away (a refused password): that is the reason to show.
    const refused = current.recording ? null : relayProblem(running.route.state(), running.connection.user !== null);
    // The recorder speaks of the relay's address: the desk is shown the camera's (without credentials).
    const reason = current.reason.split(running.route.url).join(redactUrl(running.connection.rtsp));
    return { reason: refused ?? reason, recorderMissing: toolsMissing(this.tools) && !current.recording };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await this.changing.catch(() => undefined);
    await Promise.all([...this.running, ...[...this.recorders.values()].map(async (r) => {
      await r.recorder.stop();
      r.route.close();
    })]);
    this.recorders.clear();
  }
}
