// Recordings for people, as one service of the station: live views (one ffmpeg per camera), the
// recording plans the pages draw their time scales from, playback and the evidence exports, the
// viewing log — each behind the role the station's configuration gives it. The HTTP server and
// the desk window reach it through MediaRoutes (streams) and the API (everything else).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MANIFEST_FILE, manifestSchema, type EvidenceManifest } from '../../common/evidenceManifest.js';
import { R } from '../../common/recordingText.js';
import type {
  EvidenceExportView, MediaAccess, PersonRecordingSpan, RecordingPlan, SessionRecording, ViewingEntry,
} from '../../common/recordings.js';
import type { Role } from '../../common/views.js';
import { LiveError, type LiveTuning, type LiveViewer } from '../../hardware/camera/liveStream.js';
import type { AreaState } from '../core/state/model.js';
import type { Db } from '../core/store/db.js';
import { RecordingStore } from '../core/store/recordings.js';
import { EvidenceError, exportSession, newExportId, type ExportRequester, type ExportResult } from './evidence.js';
import { LiveHub, type CameraInputs } from './liveHub.js';
import { mediaAccess, type MediaRoles } from './mediaAccess.js';
import { MediaRoutes } from './mediaRoutes.js';
import { roomPlan } from './recordingPlan.js';
import { ViewingLog } from './viewingLog.js';

export interface MediaSettings extends MediaRoles {
  readonly segmentSeconds: number;
  /** Where the desk's exports go (default: evidence/ in the data folder). */
  readonly evidenceDir?: string | undefined;
}

export interface MediaPorts {
  readonly db: Db;
  readonly now: () => number;
  readonly log: (line: string) => void;
  readonly timeZone: string;
  readonly dataDir: string;
  readonly settings: MediaSettings;
  /** Puts a command on the record as `actor`: the recorded event's seq, or the refusal. */
  record(command: Record<string, unknown>, actor: string): { ok: true; seq: number } | { ok: false; message: string };
  /** How cameras are read (the recording service), once the station's devices run; null before. */
  cameras(): CameraInputs | null;
  ffmpegPath(): string;
  /** The access log, for downloads of exported files. */
  accessLog(account: string, action: string, target: string | null, address: string | null): void;
  /** The area as recorded now. */
  area(): Pick<AreaState, 'cameras' | 'rooms'>;
  readonly liveTuning?: Partial<LiveTuning>;
}

export class MediaService {
  readonly store: RecordingStore;
  readonly viewings: ViewingLog;
  readonly routes: MediaRoutes;
  readonly text = {
    liveForbidden: R.live.notAllowed, playbackForbidden: R.playback.notAllowed, evidenceForbidden: R.evidence.notAllowed,
  } as const;
  private hub: LiveHub | null = null;

  constructor(private readonly ports: MediaPorts) {
    this.store = new RecordingStore(ports.db);
    this.viewings = new ViewingLog(this.store, ports.now, ports.log);
    this.routes = new MediaRoutes(this);
  }

  log(line: string): void {
    this.ports.log(line);
  }

  ffmpegPath(): string {
    return this.ports.ffmpegPath();
  }

  accessLog(account: string, action: string, target: string | null, address: string | null): void {
    this.ports.accessLog(account, action, target, address);
  }

  access(roles: readonly Role[]): MediaAccess {
    return mediaAccess(roles, this.ports.settings);
  }

  /** The room of a camera of the area (or of one removed since, as its segments say); null: no such camera. */
  roomOfCamera(camera: string): string | null {
    return this.ports.area().cameras.get(camera)?.room ?? this.store.cameraRoom(camera);
  }

  /** A viewer of the camera's live picture (LiveError when the station reads no cameras). */
  watch(camera: string): LiveViewer {
    if (!this.hub) {
      const inputs = this.ports.cameras();
      if (!inputs) throw new LiveError('NO_STREAM', 'the station is not reading cameras (devices not started)');
      this.hub = new LiveHub({
        inputs, ffmpegPath: () => this.ports.ffmpegPath(), log: this.ports.log, now: this.ports.now,
        ...(this.ports.liveTuning ? { tuning: this.ports.liveTuning } : {}),
      });
    }
    return this.hub.watch(camera);
  }

  /** The live stream of a camera, if one was opened (measurements, tests). */
  liveStream(camera: string): ReturnType<LiveHub['stream']> {
    return this.hub?.stream(camera);
  }

  private planContext(): { now: number; segmentMs: number } {
    return { now: this.ports.now(), segmentMs: this.ports.settings.segmentSeconds * 1000 };
  }

  plan(room: string, from: number, to: number): RecordingPlan {
    return roomPlan(this.store, { id: room, name: this.store.roomName(room) }, from, to, this.planContext());
  }

  sessionRecording(id: string): SessionRecording | null {
    const s = this.store.session(id);
    if (!s) return null;
    const person = this.store.person(s.personId);
    const end = s.endedAt ?? this.ports.now();
    return {
      session: {
        id: s.id, room: s.room, roomName: this.store.roomName(s.room), personId: s.personId, personName: person?.name ?? s.personId,
        caseNo: person?.caseNo ?? null, kind: s.kind, officers: s.officers.map((o) => ({ id: o, name: this.store.officerName(o) })),
        appropriateAdults: s.appropriateAdults, startedAt: s.startedAt, endedAt: s.endedAt,
      },
      plan: this.plan(s.room, s.startedAt, Math.max(end, s.startedAt + 1)),
      exports: this.exportsOf(id),
    };
  }

  exportsOf(session: string): EvidenceExportView[] {
    return this.store.exports(session).map((e) => ({
      exportId: e.exportId, sessionId: e.sessionId, at: e.at, by: e.actor, via: e.via, manifestSha256: e.manifestSha256, files: e.files, dir: e.dir,
    }));
  }

  /** The person's stays in rooms that must be recorded, and their sessions, in time order. */
  personRecordings(personId: string): PersonRecordingSpan[] {
    const rooms = this.ports.area().rooms;
    const now = this.ports.now();
    const spans: PersonRecordingSpan[] = [];
    const moves = this.store.movements(personId);
    moves.forEach((m, i) => {
      if (m.to === null || !rooms.get(m.to)?.recordingRequired) return;
      const until = moves[i + 1]?.at ?? now;
      if (until > m.at) spans.push({ room: m.to, roomName: this.store.roomName(m.to), from: m.at, to: until, session: null });
    });
    for (const s of this.store.personSessions(personId)) {
      spans.push({ room: s.room, roomName: this.store.roomName(s.room), from: s.startedAt, to: s.endedAt ?? now, session: s.id });
    }
    return spans.sort((a, b) => a.from - b.from || (a.session === null ? 1 : -1));
  }

  viewingLog(from: number, to: number, limit: number): ViewingEntry[] {
    return this.store.viewings(from, to, limit).map((v) => ({
      id: v.id, account: v.account, name: v.officerId === null ? null : this.store.officerName(v.officerId), kind: v.kind, camera: v.camera,
      room: v.room, roomName: v.room === null ? null : this.store.roomName(v.room), session: v.session, person: v.person,
      personName: v.person === null ? null : (this.store.person(v.person)?.name ?? null), mediaFrom: v.mediaFrom, mediaTo: v.mediaTo,
      startedAt: v.startedAt, endedAt: v.endedAt, address: v.address,
    }));
  }

  /** An export of a finished session into `out` (the command line), or into the evidence folder (the desk). */
  exportEvidence(sessionId: string, by: ExportRequester, out?: string): Promise<ExportResult> {
    const exportId = newExportId(this.ports.now());
    const dir = out ?? join(this.ports.settings.evidenceDir ?? join(this.ports.dataDir, 'evidence'), `${sessionId.replace(/[^A-Za-z0-9_.-]/g, '_')}-${exportId}`);
    return exportSession({
      store: this.store, now: this.ports.now, timeZone: this.ports.timeZone, ffmpegPath: () => this.ports.ffmpegPath(),
      segmentMs: this.ports.settings.segmentSeconds * 1000, record: (c, actor) => this.ports.record(c, actor),
    }, sessionId, dir, by, exportId);
  }

  /** An export's manifest as written, checked against the hash the record holds (for the summary shown in the app). */
  async manifest(exportId: string): Promise<EvidenceManifest> {
    const row = this.store.exportById(exportId);
    if (!row) throw new EvidenceError('UNKNOWN_EXPORT', `没有编号为 ${exportId} 的导出`);
    if (row.dir === null) throw new EvidenceError('EXPORT_GONE', `导出 ${exportId} 不在工作站上`);
    let text: Buffer;
    try {
      text = await readFile(join(row.dir, MANIFEST_FILE));
    } catch {
      throw new EvidenceError('EXPORT_GONE', `导出 ${exportId} 已不在工作站的 ${row.dir} 中`);
    }
    if (createHash('sha256').update(text).digest('hex') !== row.manifestSha256) {
      throw new EvidenceError('MANIFEST_CHANGED', `导出 ${exportId} 的清单与记录的 SHA-256 不符，已被改动`);
    }
    return manifestSchema.parse(JSON.parse(text.toString('utf8')));
  }

  async stop(): Promise<void> {
    await this.hub?.stop();
    this.hub = null;
  }
}

export { EvidenceError };
