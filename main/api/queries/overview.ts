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
  if (cameras.some((c) => c.online !== true)) return cameras.some((c) => c.online === false) ? 'offline' : 'not_recorded';
  return cameras.every((c) => c.recording === true) ? 'recorded' : 'not_recorded';
}

export interface OverviewContext { readonly now: number; readonly timeZone: string; readonly example: boolean }

export function overview(db: Db, ctx: OverviewContext): Overview {
  const area = db.prepare('SELECT id, name, settings FROM area LIMIT 1').get() as { id: string; name: string; settings: string } | undefined;
  const persons = (db.prepare(`${PERSON_SELECT} WHERE c.status != 'exited' ORDER BY c.entered_at`).all() as PersonRow[]).map(personSummary);
  const cameras: CameraView[] = (db.prepare('SELECT c.*, (SELECT max(ended_at) FROM segments s WHERE s.camera_id = c.id) AS last_segment_at FROM cameras c ORDER BY c.id').all() as CameraRow[])
    .map((c) => ({ id: c.id, room: c.room_id, online: flag(c.online), recording: flag(c.recording), statusAt: c.status_at, lastSegmentAt: c.last_segment_at }));
  const readers: ReaderView[] = (db.prepare('SELECT * FROM readers ORDER BY id').all() as ReaderRow[])
    .map((r) => ({ id: r.id, room: r.room_id, role: r.role as ReaderRole, online: flag(r.online), statusAt: r.status_at }));
  const officers = (db.prepare(`SELECT o.*, p.room_id, p.outside FROM officers o LEFT JOIN presence p ON p.who = o.id ORDER BY o.id`).all() as OfficerRow[])
    .map((o) => ({ id: o.id, name: o.name, gender: o.gender as 'male' | 'female', tag: o.tag, whereabouts: whereabouts(o.room_id, o.outside) }));
  const sessions = (db.prepare('SELECT * FROM sessions WHERE ended_at IS NULL ORDER BY started_at').all() as SessionRow[]).map(sessionView);
  const rooms: RoomView[] = (db.prepare('SELECT * FROM rooms ORDER BY rowid').all() as RoomRow[]).map((r) => {
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
    rooms, persons, officers, alarms: activeAlarms(db), awaitingAck: awaitingAck(db, ctx.now),
    record: { events: head?.seq ?? 0, headHash: head?.hash ?? '' },
  };
}
