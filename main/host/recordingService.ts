// Records every camera of every room that must be recorded, for as long as the station runs,
// and puts what the recorders see on the record: status changes as camera.status, closed and
// checked segments as recording.segment, the disk as storage.status. Unlinked segments past the
// retention period are deleted; a segment linked to a person never is.
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { CameraRecorder, checkStorage, deleteExpired, grabFrame, type RecorderStatus, type SegmentRecord } from '../../hardware/camera/index.js';
import type { StationHost } from './stationHost.js';
import type { CameraHardware } from './deviceConfig.js';

export interface RecordingSettings {
  readonly dir: string;
  readonly segmentSeconds: number;
  readonly retentionDays: number;
  readonly minFreeBytes: number;
  readonly storageCheckMs?: number;
  readonly retentionCheckMs?: number;
}

export class RecordingService {
  private readonly recorders = new Map<string, CameraRecorder>();
  private timers: NodeJS.Timeout[] = [];
  private lastStatus = new Map<string, RecorderStatus>();

  constructor(private readonly host: StationHost, private readonly cameras: readonly CameraHardware[], private readonly settings: RecordingSettings) {}

  private submit(actor: string, command: Record<string, unknown>): void {
    const r = this.host.station.submit(command, { actor });
    if (!r.ok) this.host.log(`recording: ${String(command.type)} refused: ${r.rejection.message}`);
  }

  start(): void {
    mkdirSync(this.settings.dir, { recursive: true });
    const state = this.host.station.state;
    for (const cam of this.cameras) {
      const configured = state.cameras.get(cam.id);
      if (!configured) {
        this.host.log(`recording: camera ${cam.id} of the configuration is not in the area; not recorded`);
        continue;
      }
      if (!state.rooms.get(configured.room)?.recordingRequired || !cam.rtsp) continue;
      const recorder = new CameraRecorder(
        // Segment times and the recorder's watchdog run on the station clock, like everything recorded.
        { camera: cam.id, rtspUrl: this.streamInput(cam.id) ?? cam.rtsp, outDir: join(this.settings.dir, cam.id), segmentSeconds: this.settings.segmentSeconds, tuning: { now: this.host.now } },
        {
          status: (s) => {
            this.lastStatus.set(cam.id, s);
            this.submit(`device:${cam.id}`, { type: 'camera.status', camera: cam.id, online: s.online, recording: s.recording });
          },
          segment: (s: SegmentRecord) => this.submit(`device:${cam.id}`, { type: 'recording.segment', ...s }),
        },
      );
      this.recorders.set(cam.id, recorder);
      recorder.start();
    }
    const every = (ms: number, run: () => Promise<void>): void => {
      const t = setInterval(() => { void run().catch((err: unknown) => this.host.log(`recording: ${(err as Error).message}`)); }, ms);
      t.unref();
      this.timers.push(t);
      void run().catch((err: unknown) => this.host.log(`recording: ${(err as Error).message}`));
    };
    every(this.settings.storageCheckMs ?? 60_000, () => this.checkDisk());
    every(this.settings.retentionCheckMs ?? 3_600_000, () => this.applyRetention());
  }

  async checkDisk(): Promise<void> {
    const disk = await checkStorage(this.settings.dir, this.settings.minFreeBytes);
    this.submit('system', { type: 'storage.status', path: disk.dir, freeBytes: disk.freeBytes, totalBytes: disk.totalBytes, low: disk.low });
  }

  /** Deletes expired segments that recorded nobody and were never exported. */
  async applyRetention(): Promise<void> {
    const linked = this.host.db.prepare(`SELECT 1 FROM segments s JOIN segment_links l ON l.seq = s.seq WHERE s.path = ? AND (l.subject LIKE 'person:%' OR l.subject LIKE 'export:%') LIMIT 1`);
    const known = this.host.db.prepare('SELECT seq FROM segments WHERE path = ?');
    const markDeleted = this.host.db.prepare('UPDATE segments SET deleted_at = ? WHERE path = ?');
    for (const dir of [...this.recorders.keys()].map((id) => join(this.settings.dir, id))) {
      // A file the record does not know yet (still being checked) is kept, like a linked one.
      const result = await deleteExpired(dir, this.settings.retentionDays * 86_400_000, (path) => linked.get(path) !== undefined || known.get(path) === undefined, this.host.now());
      for (const path of result.deleted) markDeleted.run(this.host.now(), path);
      for (const f of result.failed) this.host.log(`recording: retention: ${f.path}: ${f.error}`);
    }
  }

  /** A JPEG of what the camera sees now. */
  async snapshot(cameraId: string): Promise<Buffer> {
    const input = this.streamInput(cameraId);
    if (!input) throw new Error(`摄像机 ${cameraId} 未配置视频流地址`);
    return grabFrame(input);
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

  status(cameraId: string): RecorderStatus | null {
    return this.lastStatus.get(cameraId) ?? null;
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await Promise.all([...this.recorders.values()].map((r) => r.stop()));
    this.recorders.clear();
  }
}
