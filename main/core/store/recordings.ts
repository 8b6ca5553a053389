// What the recording pages read from the record: a camera's segments over a span, what the camera
// reported about its recording, a session with the names it needs, the session's events with
// their chain hashes, the exports made, and the viewing log (观看记录) beside the record.
import type { Statement } from 'better-sqlite3';
import type { Db } from './db.js';

export interface SegmentRow {
  readonly seq: number;
  readonly camera: string;
  readonly room: string;
  readonly path: string;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly durationMs: number;
  readonly bytes: number;
  readonly sha256: string;
  /** Retention deleted the file (an unlinked segment past its period). */
  readonly deletedAt: number | null;
}

export interface CameraReport { readonly at: number; readonly online: boolean; readonly recording: boolean }

export interface SessionRow {
  readonly id: string; readonly room: string; readonly personId: string; readonly kind: string;
  readonly officers: readonly string[]; readonly appropriateAdults: readonly string[];
  readonly startedAt: number; readonly endedAt: number | null;
}

export interface ChainedEvent {
  readonly seq: number; readonly at: number; readonly type: string; readonly actor: string;
  /** Canonical JSON, as hashed. */
  readonly payload: string;
  readonly prevHash: string; readonly hash: string;
}

export interface ExportRow {
  readonly seq: number; readonly exportId: string; readonly sessionId: string; readonly at: number; readonly actor: string;
  readonly manifestSha256: string; readonly files: readonly { readonly name: string; readonly bytes: number; readonly sha256: string }[];
  readonly via: 'desk' | 'cli'; readonly dir: string | null;
}

export type ViewingKind = 'live' | 'playback';

export interface ViewingStart {
  readonly account: string; readonly officerId: string | null; readonly kind: ViewingKind; readonly camera: string; readonly room: string | null;
  readonly session: string | null; readonly person: string | null; readonly mediaFrom: number | null; readonly address: string | null;
  readonly at: number;
}

export interface ViewingRow {
  readonly id: number; readonly account: string; readonly officerId: string | null; readonly kind: ViewingKind; readonly camera: string;
  readonly room: string | null; readonly session: string | null; readonly person: string | null;
  readonly mediaFrom: number | null; readonly mediaTo: number | null; readonly startedAt: number; readonly endedAt: number | null;
  readonly address: string | null;
}

interface RawSegment { seq: number; camera_id: string; room_id: string; path: string; started_at: number; ended_at: number; duration_ms: number; bytes: number; sha256: string; deleted_at: number | null }

const segmentOf = (r: RawSegment): SegmentRow => ({
  seq: r.seq, camera: r.camera_id, room: r.room_id, path: r.path, startedAt: r.started_at, endedAt: r.ended_at,
  durationMs: r.duration_ms, bytes: r.bytes, sha256: r.sha256, deletedAt: r.deleted_at,
});

const list = (json: string | null): string[] => {
  try {
    const v = JSON.parse(json ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

export class RecordingStore {
  private readonly s: Record<string, Statement>;

  constructor(db: Db) {
    const q = (sql: string): Statement => db.prepare(sql);
    this.s = {
      segments: q(`SELECT * FROM segments WHERE camera_id = ? AND ended_at > ? AND started_at < ? ORDER BY started_at, seq`),
      segmentsBySeq: q(`SELECT * FROM segments WHERE seq = ?`),
      roomCameras: q(`SELECT id FROM cameras WHERE room_id = ? UNION SELECT DISTINCT camera_id FROM segments WHERE room_id = ? AND ended_at > ? AND started_at < ? ORDER BY 1`),
      cameraRoom: q(`SELECT room_id FROM cameras WHERE id = ? UNION ALL SELECT room_id FROM segments WHERE camera_id = ? ORDER BY 1 LIMIT 1`),
      reportsIn: q(`SELECT e.at, e.payload FROM events e JOIN event_subjects s ON s.seq = e.seq
                    WHERE s.subject = ? AND e.type = 'camera.status' AND e.at >= ? AND e.at < ? ORDER BY e.seq`),
      reportBefore: q(`SELECT e.at, e.payload FROM events e JOIN event_subjects s ON s.seq = e.seq
                    WHERE s.subject = ? AND e.type = 'camera.status' AND e.at < ? ORDER BY e.seq DESC LIMIT 1`),
      session: q(`SELECT * FROM sessions WHERE id = ?`),
      personSessions: q(`SELECT * FROM sessions WHERE person_id = ? ORDER BY started_at`),
      subjectEvents: q(`SELECT e.seq, e.at, e.type, e.actor, e.payload, e.prev_hash, e.hash FROM events e JOIN event_subjects s ON s.seq = e.seq
                        WHERE s.subject = ? ORDER BY e.seq`),
      head: q(`SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1`),
      area: q(`SELECT id, name FROM area LIMIT 1`),
      exports: q(`SELECT * FROM evidence_exports WHERE session_id = ? ORDER BY seq`),
      exportById: q(`SELECT * FROM evidence_exports WHERE export_id = ?`),
      movements: q(`SELECT at, from_room, to_room, to_outside FROM movements WHERE who = ? ORDER BY at, seq`),
      viewingStart: q(`INSERT INTO viewing_log (account, officer_id, kind, camera_id, room_id, session_id, person_id, media_from, started_at, address)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      viewingEnd: q(`UPDATE viewing_log SET ended_at = ?, media_to = ? WHERE id = ?`),
      viewings: q(`SELECT * FROM viewing_log WHERE started_at >= ? AND started_at < ? ORDER BY started_at DESC, id DESC LIMIT ?`),
      person: q(`SELECT name, case_no FROM custody_records WHERE person_id = ?`),
      officer: q(`SELECT name FROM officers WHERE id = ?`),
      room: q(`SELECT name FROM rooms WHERE id = ?`),
      removedRoom: q(`SELECT payload FROM events WHERE type IN ('area.configure', 'area.update') ORDER BY seq DESC`),
    };
  }

  private st(name: string): Statement {
    const st = this.s[name];
    if (!st) throw new Error(`no statement ${name}`);
    return st;
  }

  /** A camera's segments that overlap [from, to), in time order. */
  segments(camera: string, from: number, to: number): SegmentRow[] {
    return (this.st('segments').all(camera, from, to) as RawSegment[]).map(segmentOf);
  }

  segmentsBySeq(seqs: readonly number[]): SegmentRow[] {
    return seqs.flatMap((seq) => {
      const r = this.st('segmentsBySeq').get(seq) as RawSegment | undefined;
      return r ? [segmentOf(r)] : [];
    });
  }

  /** The room's cameras now, and any that recorded it over [from, to) (a camera since removed included). */
  roomCameras(room: string, from: number, to: number): string[] {
    return (this.st('roomCameras').all(room, room, from, to) as { id: string }[]).map((r) => r.id);
  }

  /** The room a camera is (or, if removed, was last) in. */
  cameraRoom(camera: string): string | null {
    return (this.st('cameraRoom').get(camera, camera) as { room_id: string } | undefined)?.room_id ?? null;
  }

  /** What the camera reported over [from, to), led by its last report before `from`. */
  cameraReports(camera: string, from: number, to: number): CameraReport[] {
    const subject = `device:${camera}`;
    const parse = (r: { at: number; payload: string }): CameraReport => {
      const p = JSON.parse(r.payload) as { online?: boolean; recording?: boolean };
      return { at: r.at, online: p.online === true, recording: p.recording === true };
    };
    const before = this.st('reportBefore').get(subject, from) as { at: number; payload: string } | undefined;
    return [...(before ? [parse(before)] : []), ...(this.st('reportsIn').all(subject, from, to) as { at: number; payload: string }[]).map(parse)];
  }

  session(id: string): SessionRow | null {
    const r = this.st('session').get(id) as Record<string, unknown> | undefined;
    return r ? sessionOf(r) : null;
  }

  personSessions(person: string): SessionRow[] {
    return (this.st('personSessions').all(person) as Record<string, unknown>[]).map(sessionOf);
  }

  /** A person's moves in order: where they went (null: no room), and when. */
  movements(person: string): { at: number; to: string | null }[] {
    return (this.st('movements').all(person) as { at: number; to_room: string | null }[]).map((m) => ({ at: m.at, to: m.to_room }));
  }

  person(id: string): { name: string; caseNo: string | null } | null {
    const r = this.st('person').get(id) as { name: string; case_no: string | null } | undefined;
    return r ? { name: r.name, caseNo: r.case_no } : null;
  }

  officerName(id: string): string {
    return (this.st('officer').get(id) as { name: string } | undefined)?.name ?? id;
  }

  /** A room's name; a room since taken out of the area keeps the name the record last gave it. */
  roomName(id: string): string {
    const now = (this.st('room').get(id) as { name: string } | undefined)?.name;
    if (now !== undefined) return now;
    for (const r of this.st('removedRoom').iterate() as IterableIterator<{ payload: string }>) {
      const rooms = (JSON.parse(r.payload) as { rooms?: { id: string; name: string }[] }).rooms;
      const named = rooms?.find((x) => x.id === id);
      if (named) return named.name;
    }
    return id;
  }

  /** Every event about a subject (session:ID, person:ID), with the hashes that chain it. */
  eventsOf(subject: string): ChainedEvent[] {
    return (this.st('subjectEvents').all(subject) as { seq: number; at: number; type: string; actor: string; payload: string; prev_hash: string; hash: string }[])
      .map((e) => ({ seq: e.seq, at: e.at, type: e.type, actor: e.actor, payload: e.payload, prevHash: e.prev_hash, hash: e.hash }));
  }

  head(): { seq: number; hash: string } {
    const r = this.st('head').get() as { seq: number; hash: string } | undefined;
    return r ?? { seq: 0, hash: '0'.repeat(64) };
  }

  area(): { id: string; name: string } | null {
    return (this.st('area').get() as { id: string; name: string } | undefined) ?? null;
  }

  exports(session: string): ExportRow[] {
    return (this.st('exports').all(session) as RawExport[]).map(exportOf);
  }

  exportById(exportId: string): ExportRow | null {
    const r = this.st('exportById').get(exportId) as RawExport | undefined;
    return r ? exportOf(r) : null;
  }

  startViewing(v: ViewingStart): number {
    const r = this.st('viewingStart').run(v.account, v.officerId, v.kind, v.camera, v.room, v.session, v.person, v.mediaFrom, v.at, v.address);
    return Number(r.lastInsertRowid);
  }

  endViewing(id: number, at: number, mediaTo: number | null): void {
    this.st('viewingEnd').run(at, mediaTo, id);
  }

  viewings(from: number, to: number, limit: number): ViewingRow[] {
    return (this.st('viewings').all(from, to, limit) as Record<string, unknown>[]).map((r) => ({
      id: r.id as number, account: r.account as string, officerId: (r.officer_id as string | null) ?? null, kind: r.kind as ViewingKind,
      camera: r.camera_id as string, room: (r.room_id as string | null) ?? null, session: (r.session_id as string | null) ?? null,
      person: (r.person_id as string | null) ?? null, mediaFrom: (r.media_from as number | null) ?? null, mediaTo: (r.media_to as number | null) ?? null,
      startedAt: r.started_at as number, endedAt: (r.ended_at as number | null) ?? null, address: (r.address as string | null) ?? null,
    }));
  }
}

interface RawExport { seq: number; export_id: string; session_id: string; at: number; actor: string; manifest_sha256: string; files: string; via: string; dir: string | null }

const exportOf = (r: RawExport): ExportRow => ({
  seq: r.seq, exportId: r.export_id, sessionId: r.session_id, at: r.at, actor: r.actor, manifestSha256: r.manifest_sha256,
  files: JSON.parse(r.files) as ExportRow['files'], via: r.via === 'cli' ? 'cli' : 'desk', dir: r.dir,
});

function sessionOf(r: Record<string, unknown>): SessionRow {
  return {
    id: r.id as string, room: r.room_id as string, personId: r.person_id as string, kind: r.kind as string,
    officers: list(r.officers as string | null), appropriateAdults: list(r.appropriate_adults as string | null),
    startedAt: r.started_at as number, endedAt: (r.ended_at as number | null) ?? null,
  };
}
