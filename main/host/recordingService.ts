// Records every camera of every room that must be recorded, for as long as the station runs,
// and puts what the recorders see on the record: status changes as camera.status, closed and
// checked segments as recording.segment, the disk as storage.status. Unlinked segments past the
// retention period are deleted; a segment linked to a person never is.
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { CameraRecorder, checkStorage, deleteExpired, grabFrame, type RecorderStatus, type SegmentRecord } from '../../hardware/camera/index.js';
import type { AreaState } from '../core/state/model.js';
import type { SegmentRetention } from '../core/store/segments.js';
import type { CameraHardware } from './deviceConfig.js';
import type { ReportPort } from './ports.js';

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
}

export class RecordingService {
  private readonly recorders = new Map<string, CameraRecorder>();
  private timers: NodeJS.Timeout[] = [];
  /** Disk and retention checks under way: stop() waits for them, so none reports to a closed record. */
  private readonly running = new Set<Promise<void>>();
  private lastStatus = new Map<string, RecorderStatus>();

  constructor(private readonly ports: RecordingPorts, private readonly cameras: readonly CameraHardware[], private readonly settings: RecordingSettings) {}

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
        { camera: cam.id, rtspUrl: cam.rtsp, outDir: join(this.settings.dir, cam.id), segmentSeconds: this.settings.segmentSeconds },
        {
          status: (s) => {
            this.lastStatus.set(cam.id, s);
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
  }

  async checkDisk(): Promise<void> {
    const disk = await checkStorage(this.settings.dir, this.settings.minFreeBytes);
    this.ports.report({ type: 'storage.status', path: disk.dir, freeBytes: disk.freeBytes, totalBytes: disk.totalBytes, low: disk.low }, 'system');
  }

  /** Deletes expired segments that recorded nobody. */
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
    const cam = this.cameras.find((c) => c.id === cameraId);
    if (!cam?.rtsp) throw new Error(`摄像机 ${cameraId} 未配置视频流地址`);
    return grabFrame(cam.rtsp);
  }

  status(cameraId: string): RecorderStatus | null {
    return this.lastStatus.get(cameraId) ?? null;
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await Promise.all([...this.running, ...[...this.recorders.values()].map((r) => r.stop())]);
    this.recorders.clear();
  }
}
