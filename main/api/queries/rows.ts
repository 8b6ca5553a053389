// Row shapes of the projection tables and their conversion to views.
import type { AlarmRule, Severity } from '../../../common/alarms.js';
import type { AlarmView, PersonSummary, SessionView, Whereabouts } from '../../../common/views.js';
import { CORRECTABLE_FIELDS, type Basis, type CorrectableField, type Destination, type Gender, type PersonRole, type SessionKind } from '../../../common/vocab.js';

export const parseJson = <T>(s: string | null, fallback: T): T => (s === null ? fallback : (JSON.parse(s) as T));

export interface AlarmRow {
  id: string; rule: string; subject: string; severity: string; room_id: string | null; raised_at: number;
  resolved_at: number | null; acked_at: number | null; acked_by: string | null; ack_note: string | null;
}

export function alarmView(r: AlarmRow): AlarmView {
  return {
    id: r.id, rule: r.rule as AlarmRule, subject: r.subject, severity: r.severity as Severity, raisedAt: r.raised_at,
    resolvedAt: r.resolved_at, room: r.room_id,
    ack: r.acked_at === null ? null : { at: r.acked_at, by: r.acked_by ?? '', note: r.ack_note ?? '' },
  };
}

export interface SessionRow {
  id: string; room_id: string; person_id: string; kind: string; officers: string; appropriate_adults: string; started_at: number; ended_at: number | null;
  confirmed_unrecorded: number;
}

export function sessionView(r: SessionRow): SessionView {
  return {
    id: r.id, room: r.room_id, personId: r.person_id, kind: r.kind as SessionKind, officers: parseJson<string[]>(r.officers, []),
    appropriateAdults: parseJson<string[]>(r.appropriate_adults, []), startedAt: r.started_at, endedAt: r.ended_at,
    confirmedUnrecorded: r.confirmed_unrecorded === 1,
  };
}

/** A JSON array of the distinct fields corrected for the person of custody_records row `c` (SQL, for a SELECT list). */
export const CORRECTED_FIELDS_SQL = `(SELECT json_group_array(DISTINCT k.field) FROM person_corrections k WHERE k.person_id = c.person_id)`;

/** The corrected fields named in `json` (CORRECTED_FIELDS_SQL), in the order of the vocabulary. */
export function correctedFields(json: string | null): CorrectableField[] {
  const named = new Set(parseJson<string[]>(json, []));
  return CORRECTABLE_FIELDS.filter((f) => named.has(f));
}

export function whereabouts(room: string | null | undefined, outside: number | null | undefined): Whereabouts {
  if (outside === 1) return { kind: 'outside' };
  if (room) return { kind: 'room', room };
  return { kind: 'unknown' };
}

export interface PersonRow {
  person_id: string; name: string; gender: string; birth_date: string; id_number: string | null; role: string; case_no: string | null;
  basis: string | null; tag: string | null; officers: string; details: string; entered_at: number; minor: number;
  limit_hours: number | null; deadline_at: number | null; status: string; last_meal_at: number | null; exited_at: number | null;
  destination: string | null; room_id: string | null; outside: number | null; active_alarms: number; active_session: string | null;
  checked: number; te_left_at: number | null; te_reason: string | null; te_expected: number | null;
}

/** One query for person summaries; callers add WHERE / ORDER clauses. */
export const PERSON_SELECT = `
  SELECT c.*, p.room_id, p.outside,
    (SELECT count(*) FROM alarms a WHERE a.subject = 'person:' || c.person_id AND a.resolved_at IS NULL) AS active_alarms,
    (SELECT s.id FROM sessions s WHERE s.person_id = c.person_id AND s.ended_at IS NULL) AS active_session,
    EXISTS (SELECT 1 FROM security_checks k WHERE k.person_id = c.person_id) AS checked,
    t.left_at AS te_left_at, t.reason AS te_reason, t.expected_return_at AS te_expected
  FROM custody_records c
  LEFT JOIN presence p ON p.who = c.person_id
  LEFT JOIN temp_exits t ON t.person_id = c.person_id AND t.returned_at IS NULL AND c.status = 'temp_exit'`;

export function personSummary(r: PersonRow): PersonSummary {
  return {
    id: r.person_id, name: r.name, gender: r.gender as Gender, role: r.role as PersonRole, minor: r.minor === 1, birthDate: r.birth_date,
    caseNo: r.case_no, basis: r.basis as Basis | null, tag: r.tag, enteredAt: r.entered_at, limitHours: r.limit_hours,
    deadlineAt: r.deadline_at, whereabouts: r.status === 'exited' ? { kind: 'outside' } : whereabouts(r.room_id, r.outside),
    status: r.status as PersonSummary['status'], securityChecked: r.checked === 1, activeSession: r.active_session,
    lastMealAt: r.last_meal_at,
    tempExit: r.te_left_at === null ? null : { at: r.te_left_at, reason: r.te_reason ?? '', expectedReturnAt: r.te_expected ?? r.te_left_at },
    exitedAt: r.exited_at, destination: r.destination as Destination | null, activeAlarms: r.active_alarms,
  };
}
