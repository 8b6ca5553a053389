// Keeps the projection tables in step with the record. Called inside the append transaction with
// the state as it was before the event, so moves know where they came from.
import type { Statement } from 'better-sqlite3';
import { CORRECTABLE_FIELDS, type CorrectableField } from '../../../common/vocab.js';
import { HOUR_MS } from '../../../common/legal.js';
import { parseInstant } from '../../../common/dates.js';
import { parseSubject } from '../../../common/alarms.js';
import type { RecordedEvent } from '../../../common/events.js';
import type { AreaState, Camera, Reader, RoomSpec } from '../state/model.js';
import { roomFromSpec } from '../state/model.js';
import { roomOf } from '../state/areaIndex.js';
import { tagReadEffect } from '../state/tagRead.js';
import type { Db } from './db.js';

/** The room an alarm subject concerns, when it can be told. */
export function roomOfSubject(state: AreaState, subject: string): string | null {
  const parsed = parseSubject(subject);
  if (!parsed) return null;
  switch (parsed.kind) {
    case 'room': return parsed.id;
    case 'session': return state.sessions.get(parsed.id)?.room ?? null;
    case 'person': return roomOf(state, parsed.id);
    case 'device': return state.readers.get(parsed.id)?.room ?? state.cameras.get(parsed.id)?.room ?? null;
    case 'tag': return null;
  }
}

const bool = (b: boolean | undefined | null): number | null => (b === undefined || b === null ? null : b ? 1 : 0);

/** The custody_records column of each correctable field. */
const CORRECTED_COLUMNS: Record<CorrectableField, string> = {
  name: 'name', gender: 'gender', birthDate: 'birth_date', idNumber: 'id_number', role: 'role', caseNo: 'case_no', basis: 'basis', tag: 'tag',
};
const correctStatement = (field: CorrectableField): string => `correct.${field}`;
const CORRECTED_COLUMN_UPDATES = Object.fromEntries(CORRECTABLE_FIELDS.map((f) => [
  correctStatement(f), `UPDATE custody_records SET ${CORRECTED_COLUMNS[f]} = ? WHERE person_id = ?`,
]));
const json = (v: unknown): string => JSON.stringify(v ?? null);

export class Projector {
  private readonly s: Record<string, Statement>;

  constructor(db: Db) {
    const sql = {
      area: 'INSERT INTO area (id, name, settings, configured_at) VALUES (?, ?, ?, ?)',
      areaSettings: 'UPDATE area SET settings = ?',
      // A room, reader or camera given again (area.update) is changed in place and is no longer removed;
      // a reader or camera keeps its status columns.
      room: `INSERT INTO rooms (id, name, kind, capacity, recording_required, guard_required, position) VALUES (?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind, capacity = excluded.capacity,
               recording_required = excluded.recording_required, guard_required = excluded.guard_required, position = excluded.position, removed_at = NULL`,
      reader: `INSERT INTO readers (id, room_id, role) VALUES (?, ?, ?)
               ON CONFLICT(id) DO UPDATE SET room_id = excluded.room_id, role = excluded.role, removed_at = NULL`,
      camera: 'INSERT INTO cameras (id, room_id) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET room_id = excluded.room_id, removed_at = NULL',
      // Removed ones stay for the history that names them, marked; a device is forgotten with its status.
      roomRemoved: 'UPDATE rooms SET removed_at = ? WHERE id = ?',
      readerRemoved: 'UPDATE readers SET removed_at = ?, online = NULL, status_at = NULL WHERE id = ?',
      cameraRemoved: 'UPDATE cameras SET removed_at = ?, online = NULL, recording = NULL, status_at = NULL WHERE id = ?',
      officer: 'INSERT INTO officers (id, name, gender, tag) VALUES (?, ?, ?, ?)',
      enter: `INSERT INTO custody_records (person_id, name, gender, birth_date, id_number, role, case_no, basis, tag, officers, details,
              entered_at, entry_date, minor, limit_hours, deadline_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'in')`,
      check: 'INSERT INTO security_checks (seq, person_id, at, checkers, doctor, findings) VALUES (?, ?, ?, ?, ?, ?)',
      item: 'INSERT INTO belongings_items (id, person_id, name, quantity, features, case_related, locker, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      collect: 'INSERT OR IGNORE INTO info_collections (seq, person_id, item, at, stored) VALUES (?, ?, ?, ?, ?)',
      care: 'INSERT INTO care_events (seq, person_id, kind, at, note) VALUES (?, ?, ?, ?, ?)',
      lastMeal: 'UPDATE custody_records SET last_meal_at = ? WHERE person_id = ?',
      presenceSet: 'INSERT INTO presence (who, kind, room_id, outside, since) VALUES (?, ?, ?, ?, ?) ON CONFLICT(who) DO UPDATE SET room_id = excluded.room_id, outside = excluded.outside, since = excluded.since',
      presenceDelete: 'DELETE FROM presence WHERE who = ?',
      movement: 'INSERT INTO movements (seq, who, at, from_room, to_room, to_outside, source) VALUES (?, ?, ?, ?, ?, ?, ?)',
      sessionStart: `INSERT INTO sessions (id, room_id, person_id, kind, officers, appropriate_adults, started_at, confirmed_unrecorded)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      sessionMembers: 'UPDATE sessions SET officers = ?, appropriate_adults = ? WHERE id = ?',
      sessionEnd: 'UPDATE sessions SET ended_at = ? WHERE id = ?',
      cameraStatus: 'UPDATE cameras SET online = ?, recording = ?, status_at = ? WHERE id = ?',
      readerStatus: 'UPDATE readers SET online = ?, status_at = ? WHERE id = ?',
      extend: 'INSERT INTO extensions (seq, person_id, at, limit_hours, approved_by) VALUES (?, ?, ?, ?, ?)',
      limit: 'UPDATE custody_records SET limit_hours = ?, deadline_at = entered_at + ? WHERE person_id = ?',
      tempExit: 'INSERT INTO temp_exits (seq, person_id, left_at, reason, approved_by, expected_return_at) VALUES (?, ?, ?, ?, ?, ?)',
      status: 'UPDATE custody_records SET status = ? WHERE person_id = ?',
      returned: 'UPDATE temp_exits SET returned_at = ? WHERE person_id = ? AND returned_at IS NULL',
      exit: 'INSERT INTO exits (person_id, seq, at, destination, belongings_returned, approved_by, actor, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      exitRecord: "UPDATE custody_records SET status = 'exited', exited_at = ?, destination = ? WHERE person_id = ?",
      disposition: 'UPDATE belongings_items SET disposition = ?, disposed_at = ?, note = ? WHERE id = ?',
      segment: `INSERT INTO segments (seq, camera_id, room_id, path, started_at, ended_at, duration_ms, bytes, sha256, video, audio)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      segmentLink: 'INSERT OR IGNORE INTO segment_links (seq, subject) VALUES (?, ?)',
      evidenceExport: 'INSERT INTO evidence_exports (seq, export_id, session_id, at, actor, manifest_sha256, files, via, dir) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      segmentMovers: `SELECT DISTINCT m.who FROM movements m JOIN custody_records c ON c.person_id = m.who
                      WHERE (m.from_room = ? OR m.to_room = ?) AND m.at BETWEEN ? AND ?`,
      // Persons in custody at the start whose last move before it took them into the room.
      segmentPresentAtStart: `SELECT c.person_id AS who FROM custody_records c
                      WHERE c.entered_at <= ? AND (c.exited_at IS NULL OR c.exited_at >= ?)
                        AND (SELECT m.to_room FROM movements m WHERE m.who = c.person_id AND m.at <= ? ORDER BY m.at DESC, m.seq DESC LIMIT 1) = ?`,
      segmentSessions: 'SELECT id, person_id FROM sessions WHERE room_id = ? AND started_at <= ? AND (ended_at IS NULL OR ended_at >= ?)',
      correction: `INSERT INTO person_corrections (seq, person_id, field, old_value, new_value, reason, approved_by, actor, at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      correctedLimit: `UPDATE custody_records SET minor = ?, limit_hours = ?, deadline_at = entered_at + ? WHERE person_id = ?`,
      ...CORRECTED_COLUMN_UPDATES,
      alarmRaise: 'INSERT INTO alarms (id, rule, subject, severity, room_id, raised_at) VALUES (?, ?, ?, ?, ?, ?)',
      alarmResolve: 'UPDATE alarms SET resolved_at = ? WHERE id = ?',
      alarmAck: 'UPDATE alarms SET acked_at = ?, acked_by = ?, ack_note = ? WHERE id = ?',
    };
    this.s = Object.fromEntries(Object.entries(sql).map(([k, q]) => [k, db.prepare(q)]));
  }

  private statement(name: string): Statement {
    const st = this.s[name];
    if (!st) throw new Error(`no statement ${name}`);
    return st;
  }

  private all<T>(name: string, ...args: unknown[]): T[] {
    return this.statement(name).all(...args) as T[];
  }

  /** Everyone and every session in the camera's room while the segment was recorded. */
  private linkSegment(ev: Extract<RecordedEvent, { type: 'recording.segment' }>, room: string): void {
    const { startedAt, endedAt } = ev.payload;
    const subjects = new Set<string>();
    for (const m of this.all<{ who: string }>('segmentPresentAtStart', startedAt, startedAt, startedAt, room)) subjects.add(`person:${m.who}`);
    for (const m of this.all<{ who: string }>('segmentMovers', room, room, startedAt, endedAt)) subjects.add(`person:${m.who}`);
    for (const x of this.all<{ id: string; person_id: string }>('segmentSessions', room, endedAt, startedAt)) {
      subjects.add(`session:${x.id}`);
      subjects.add(`person:${x.person_id}`);
    }
    for (const subject of subjects) this.run('segmentLink', ev.seq, subject);
  }

  private run(name: string, ...args: unknown[]): void {
    this.statement(name).run(...args);
  }

  private move(before: AreaState, ev: RecordedEvent, who: string, to: string | null, outside: boolean, source: string): void {
    const kind = before.officers.has(who) ? 'officer' : 'person';
    if (to === null && !outside) this.run('presenceDelete', who);
    else this.run('presenceSet', who, kind, to, outside ? 1 : 0, ev.at);
    this.run('movement', ev.seq, who, ev.at, roomOf(before, who), to, outside ? 1 : 0, source);
  }

  /** The lists of area.configure or area.update: each one given is written whole, in its order. */
  private areaLists(p: { rooms?: readonly RoomSpec[] | undefined; readers?: readonly Reader[] | undefined; cameras?: readonly Camera[] | undefined }): void {
    p.rooms?.forEach((spec, position) => {
      const r = roomFromSpec(spec);
      this.run('room', r.id, r.name, r.kind, r.capacity, bool(r.recordingRequired), bool(r.guardRequired), position);
    });
    for (const r of p.readers ?? []) this.run('reader', r.id, r.room, r.role);
    for (const c of p.cameras ?? []) this.run('camera', c.id, c.room);
  }

  project(ev: RecordedEvent, before: AreaState): void {
    switch (ev.type) {
      case 'area.configure': {
        const p = ev.payload;
        this.run('area', p.area.id, p.area.name, json({ ...before.settings, ...p.settings }), ev.at);
        this.areaLists(p);
        for (const o of p.officers ?? []) this.run('officer', o.id, o.name, o.gender, o.tag ?? null);
        return;
      }
      case 'area.update': {
        const { removed } = ev.payload;
        this.areaLists(ev.payload);
        for (const id of removed.rooms) this.run('roomRemoved', ev.at, id);
        for (const id of removed.readers) this.run('readerRemoved', ev.at, id);
        for (const id of removed.cameras) this.run('cameraRemoved', ev.at, id);
        return;
      }
      case 'person.correct': {
        const p = ev.payload;
        for (const field of CORRECTABLE_FIELDS) {
          const value = p.fields[field];
          if (value === undefined) continue;
          this.run(correctStatement(field), value, p.personId);
          this.run('correction', ev.seq, p.personId, field, p.previous[field] ?? null, value, p.reason ?? '', p.approvedBy, ev.actor, ev.at);
        }
        this.run('correctedLimit', bool(p.minor), p.limitHours, p.limitHours === null ? null : p.limitHours * HOUR_MS, p.personId);
        return;
      }
      case 'area.settings':
        this.run('areaSettings', json({ ...before.settings, ...ev.payload.settings }));
        return;
      case 'officer.register': {
        const o = ev.payload.officer;
        this.run('officer', o.id, o.name, o.gender, o.tag ?? null);
        return;
      }
      case 'person.enter': {
        const { person: p, limitHours, minor, entryDate } = ev.payload;
        this.run('enter', p.id, p.name, p.gender, p.birthDate, p.idNumber ?? null, p.role, p.caseNo ?? null, p.basis ?? null,
          p.tag ?? null, json(p.officers ?? []), json(p.details ?? {}), ev.at, entryDate, bool(minor), limitHours,
          limitHours === null ? null : ev.at + limitHours * HOUR_MS);
        return;
      }
      case 'security.check':
        this.run('check', ev.seq, ev.payload.personId, ev.at, json(ev.payload.checkers), bool(ev.payload.doctor ?? false), json(ev.payload.findings ?? {}));
        return;
      case 'belongings.store':
        ev.payload.items.forEach((it, i) => {
          this.run('item', ev.payload.itemIds[i], ev.payload.personId, it.name, it.quantity, it.features ?? null,
            bool(it.caseRelated ?? false), it.locker ?? ev.payload.locker ?? null, ev.at);
        });
        return;
      case 'info.collect':
        for (const item of ev.payload.items) this.run('collect', ev.seq, ev.payload.personId, item, ev.at, bool(ev.payload.stored));
        return;
      case 'care.meal':
        this.run('care', ev.seq, ev.payload.personId, 'meal', ev.at, ev.payload.note ?? null);
        this.run('lastMeal', ev.at, ev.payload.personId);
        return;
      case 'care.rest':
        this.run('care', ev.seq, ev.payload.personId, 'rest', ev.at, ev.payload.note ?? null);
        return;
      case 'tag.read': {
        const effect = tagReadEffect(before, ev.payload.reader, ev.payload.tag);
        if (effect.kind === 'move') this.move(before, ev, effect.who, effect.to?.room ?? null, effect.to === null, 'rfid');
        return;
      }
      case 'person.move':
        this.move(before, ev, ev.payload.who, ev.payload.room, false, 'manual');
        return;
      case 'session.start': {
        const p = ev.payload;
        this.run('sessionStart', p.sessionId, p.room, p.personId, p.kind, json(p.officers), json(p.appropriateAdult ? [p.appropriateAdult] : []), ev.at,
          bool(p.confirmedUnrecorded ?? false));
        return;
      }
      case 'session.join':
      case 'session.leave': {
        const s = before.sessions.get(ev.payload.sessionId);
        if (!s) return;
        const officers = new Set(s.officers);
        const adults = [...s.appropriateAdults];
        if (ev.type === 'session.join') {
          if (ev.payload.officer) officers.add(ev.payload.officer);
          if (ev.payload.appropriateAdult) adults.push(ev.payload.appropriateAdult);
        } else officers.delete(ev.payload.officer);
        this.run('sessionMembers', json([...officers]), json(adults), s.id);
        return;
      }
      case 'session.end':
        this.run('sessionEnd', ev.at, ev.payload.sessionId);
        return;
      case 'camera.status':
        this.run('cameraStatus', bool(ev.payload.online), bool(ev.payload.recording), ev.at, ev.payload.camera);
        return;
      case 'device.status':
        this.run('readerStatus', bool(ev.payload.online), ev.at, ev.payload.device);
        return;
      case 'person.extend':
        this.run('extend', ev.seq, ev.payload.personId, ev.at, ev.payload.limitHours, ev.payload.approvedBy);
        this.run('limit', ev.payload.limitHours, ev.payload.limitHours * HOUR_MS, ev.payload.personId);
        return;
      case 'person.tempExit': {
        const p = ev.payload;
        this.run('tempExit', ev.seq, p.personId, ev.at, p.reason, p.approvedBy, parseInstant(p.expectedReturnAt)?.ms ?? ev.at);
        this.run('status', 'temp_exit', p.personId);
        this.move(before, ev, p.personId, null, true, 'temp_exit');
        return;
      }
      case 'person.return':
        this.run('returned', ev.at, ev.payload.personId);
        this.run('status', 'in', ev.payload.personId);
        this.move(before, ev, ev.payload.personId, null, false, 'return');
        return;
      case 'person.exit': {
        const p = ev.payload;
        if (before.persons.get(p.personId)?.tempExit) this.run('returned', ev.at, p.personId);
        this.run('exit', p.personId, ev.seq, ev.at, p.destination, bool(p.belongingsReturned), p.approvedBy ?? null, ev.actor, p.note ?? null);
        this.run('exitRecord', ev.at, p.destination, p.personId);
        for (const d of p.dispositions) this.run('disposition', d.disposition, ev.at, d.note ?? null, d.item);
        this.move(before, ev, p.personId, null, false, 'exit');
        return;
      }
      case 'recording.segment': {
        const p = ev.payload;
        const room = before.cameras.get(p.camera)?.room;
        if (!room) return;
        this.run('segment', ev.seq, p.camera, room, p.path, p.startedAt, p.endedAt, Math.round(p.durationMs), p.bytes, p.sha256, bool(p.video), bool(p.audio));
        this.linkSegment(ev, room);
        return;
      }
      case 'storage.status':
      case 'clock.jump':
      case 'clock.adjust':
      case 'clock.ack':
      case 'record.restore':
        return;
      case 'evidence.export': {
        const p = ev.payload;
        this.run('evidenceExport', ev.seq, p.exportId, p.sessionId, ev.at, ev.actor, p.manifestSha256, JSON.stringify(p.files), p.via, p.dir ?? null);
        // Exported segments are evidence outside the station too: retention keeps them for ever.
        for (const seq of p.segments) this.run('segmentLink', seq, `export:${p.exportId}`);
        return;
      }
      case 'alarm.raised':
        this.run('alarmRaise', ev.payload.alarmId, ev.payload.rule, ev.payload.subject, ev.payload.severity, roomOfSubject(before, ev.payload.subject), ev.at);
        return;
      case 'alarm.resolved':
        this.run('alarmResolve', ev.at, ev.payload.alarmId);
        return;
      case 'alarm.ack':
        this.run('alarmAck', ev.at, ev.actor, ev.payload.note, ev.payload.alarmId);
        return;
    }
    // A new event type must be given its projection (even if that is nothing) before it compiles.
    const unprojected: never = ev;
    throw new Error(`no projection for event ${JSON.stringify(unprojected)}`);
  }
}
