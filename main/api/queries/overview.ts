// The area at a glance: rooms with who is in them and their recording and device state, persons
// in custody, officers, active alarms.
import type { Db } from '../../core/store/db.js';
import type { Settings } from '../../../common/settings.js';
import type { CameraView, Overview, ReaderView, RecordingState, RoomView } from '../../../common/views.js';
import type { ReaderRole, RoomKind } from '../../../common/vocab.js';
import { activeAlarms, awaitingAck } from './alarms.js';
import { parseJson, PERSON_SELECT, personSummary, sessionView, whereabouts, type PersonRow, type SessionRow } from './rows.js';

interface RoomRow { id: string; name: string; kind: string; capacity: number | null; recording_required: number; guard_required: number }
interface CameraRow { id: string; room_id: string; online: number | null; recording: number | null; status_at: number | null; last_segment_at: number | null }
interface ReaderRow { id: string; room_id: string | null; role: string; online: number | null; status_at: number | null }
interface OfficerRow { id: string; name: string; gender: string; tag: string | null; room_id: string | null; outside: number | null }

const flag = (v: number | null): boolean | null => (v === null ? null : v === 1);

export function recordingState(cameras: readonly CameraView[]): RecordingState {
  if (cameras.length === 0) return 'no_camera';
  if (cameras.some((c) => c.recorderMissing === true)) return 'no_recorder';
  if (cameras.some((c) => c.online !== true)) return cameras.some((c) => c.online === false) ? 'offline' : 'not_recorded';
  return cameras.every((c) => c.recording === true) ? 'recorded' : 'not_recorded';
}

/** What area.update took out of the area, newest first: the pages still name them in the history. */
function removedParts(db: Db): Overview['removed'] {
  const rooms = (db.prepare('SELECT id, name, kind, removed_at FROM rooms WHERE removed_at IS NOT NULL ORDER BY removed_at DESC, id').all() as
    { id: string; name: string; kind: string; removed_at: number }[]).map((r) => ({ id: r.id, name: r.name, kind: r.kind as RoomKind, removedAt: r.removed_at }));
  const devices = (db.prepare(`SELECT id, 'reader' AS kind, room_id, role, removed_at FROM readers WHERE removed_at IS NOT NULL
      UNION ALL SELECT id, 'camera', room_id, NULL, removed_at FROM cameras WHERE removed_at IS NOT NULL ORDER BY removed_at DESC, id`).all() as
    { id: string; kind: 'reader' | 'camera'; room_id: string | null; role: string | null; removed_at: number }[])
    .map((d) => ({ id: d.id, kind: d.kind, room: d.room_id, role: d.role as ReaderRole | null, removedAt: d.removed_at }));
  return { rooms, devices };
}

export interface OverviewContext {
  readonly now: number; readonly timeZone: string; readonly example: boolean;
  /** What the recorders say of a camera beyond the record (their reason, a missing recorder). */
  readonly camera?: (id: string) => { readonly reason: string | null; readonly recorderMissing: boolean } | null;
}

export function overview(db: Db, ctx: OverviewContext): Overview {
  const area = db.prepare('SELECT id, name, settings FROM area LIMIT 1').get() as { id: string; name: string; settings: string } | undefined;
  const persons = (db.prepare(`${PERSON_SELECT} WHERE c.status != 'exited' ORDER BY c.entered_at`).all() as PersonRow[]).map(personSummary);
  // Rooms, readers and cameras removed by area.update stay in their tables for the history; the area now is the rest.
  const cameras: CameraView[] = (db.prepare(`SELECT c.*, (SELECT max(ended_at) FROM segments s WHERE s.camera_id = c.id) AS last_segment_at
      FROM cameras c WHERE c.removed_at IS NULL ORDER BY c.id`).all() as CameraRow[])
    .map((c) => {
      const note = ctx.camera?.(c.id) ?? null;
      return {
        id: c.id, room: c.room_id, online: flag(c.online), recording: flag(c.recording), statusAt: c.status_at, lastSegmentAt: c.last_segment_at,
        ...(note ? { reason: note.reason, recorderMissing: note.recorderMissing } : {}),
      };
    });
  const readers: ReaderView[] = (db.prepare('SELECT * FROM readers WHERE removed_at IS NULL ORDER BY id').all() as ReaderRow[])
    .map((r) => ({ id: r.id, room: r.room_id, role: r.role as ReaderRole, online: flag(r.online), statusAt: r.status_at }));
  const officers = (db.prepare(`SELECT o.*, p.room_id, p.outside FROM officers o LEFT JOIN presence p ON p.who = o.id ORDER BY o.id`).all() as OfficerRow[])
    .map((o) => ({ id: o.id, name: o.name, gender: o.gender as 'male' | 'female', tag: o.tag, whereabouts: whereabouts(o.room_id, o.outside) }));
  const sessions = (db.prepare('SELECT * FROM sessions WHERE ended_at IS NULL ORDER BY started_at').all() as SessionRow[]).map(sessionView);
  const rooms: RoomView[] = (db.prepare('SELECT * FROM rooms WHERE removed_at IS NULL ORDER BY position, rowid').all() as RoomRow[]).map((r) => {
    const roomCameras = cameras.filter((c) => c.room === r.id);
    return {
      id: r.id, name: r.name, kind: r.kind as RoomKind, capacity: r.capacity, recordingRequired: r.recording_required === 1,
      guardRequired: r.guard_required === 1,
      persons: persons.filter((p) => p.whereabouts.kind === 'room' && p.whereabouts.room === r.id).map((p) => p.id),
      officers: officers.filter((o) => o.whereabouts.kind === 'room' && o.whereabouts.room === r.id).map((o) => o.id),
      recording: recordingState(roomCameras), cameras: roomCameras, readers: readers.filter((x) => x.room === r.id),
      sessions: sessions.filter((s) => s.room === r.id),
    };
  });
  const head = db.prepare('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  return {
    now: ctx.now, timeZone: ctx.timeZone, example: ctx.example,
    area: area ? { id: area.id, name: area.name } : null,
    settings: parseJson<Settings>(area?.settings ?? null, {} as Settings),
    rooms, readers, removed: removedParts(db), persons, officers, alarms: activeAlarms(db), awaitingAck: awaitingAck(db, ctx.now),
    record: { events: head?.seq ?? 0, headHash: head?.hash ?? '' },
  };
}
