// The SQL of ingest: one station's batch, its read models and what it told the county, written in
// the caller's transaction; and the reads that catch a station's projection copy up.
import type { AlarmView, Overview, PersonDetail } from '../../../common/views.js';
import type { ChainProblem } from '../ingest/verify.js';
import type { AreaFigures, HeldEvent } from '../ingest/replica.js';
import type { ChainPoint, PushEvent } from '../protocol.js';
import { num, type Pool, type PoolClient } from './pool.js';

type Queryable = Pool | PoolClient;

export interface StationHead extends ChainPoint { readonly verified: boolean }

/** The station's row, locked until the transaction ends (null: not enrolled). */
export async function lockStation(c: PoolClient, station: string): Promise<StationHead | null> {
  const r = await c.query<{ seq: string; head: string; verified: boolean }>('SELECT seq, head, verified FROM stations WHERE id = $1 FOR UPDATE', [station]);
  const row = r.rows[0];
  return row ? { seq: Number(row.seq), hash: row.head, verified: row.verified } : null;
}

export async function stationHead(q: Queryable, station: string): Promise<StationHead | null> {
  const r = await q.query<{ seq: string; head: string; verified: boolean }>('SELECT seq, head, verified FROM stations WHERE id = $1', [station]);
  const row = r.rows[0];
  return row ? { seq: Number(row.seq), hash: row.head, verified: row.verified } : null;
}

/** The hashes the county holds for these seqs. */
export async function heldHashes(q: Queryable, station: string, seqs: readonly number[]): Promise<Map<number, string>> {
  if (seqs.length === 0) return new Map();
  const r = await q.query<{ seq: string; hash: string }>('SELECT seq, hash FROM events WHERE station = $1 AND seq = ANY($2::bigint[])', [station, seqs]);
  return new Map(r.rows.map((x) => [Number(x.seq), x.hash]));
}

export async function insertEvents(c: PoolClient, station: string, events: readonly PushEvent[], receivedAt: number): Promise<void> {
  if (events.length === 0) return;
  await c.query(`INSERT INTO events (station, seq, at, type, actor, payload, prev_hash, hash, received_at)
    SELECT $1::text, *, $9::bigint FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])`,
  [station, events.map((e) => e.seq), events.map((e) => e.at), events.map((e) => e.type), events.map((e) => e.actor),
    events.map((e) => e.payload), events.map((e) => e.prevHash), events.map((e) => e.hash), receivedAt]);
}

export async function insertSubjects(c: PoolClient, station: string, subjects: readonly { subject: string; seq: number }[]): Promise<void> {
  if (subjects.length === 0) return;
  await c.query(`INSERT INTO event_subjects (station, subject, seq) SELECT $1::text, * FROM unnest($2::text[], $3::bigint[]) ON CONFLICT DO NOTHING`,
    [station, subjects.map((s) => s.subject), subjects.map((s) => s.seq)]);
}

export async function upsertPersons(c: PoolClient, station: string, persons: readonly PersonDetail[]): Promise<void> {
  if (persons.length === 0) return;
  const s = persons.map((p) => p.summary);
  await c.query(`INSERT INTO persons (station, person_id, name, id_number, case_no, status, entered_at, exited_at, summary, detail)
    SELECT $1::text, t.id, t.name, t.idn, t.case_no, t.status, t.entered, t.exited, t.summary::jsonb, t.detail::jsonb
    FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::bigint[], $9::text[], $10::text[])
      AS t(id, name, idn, case_no, status, entered, exited, summary, detail)
    ON CONFLICT (station, person_id) DO UPDATE SET name = excluded.name, id_number = excluded.id_number, case_no = excluded.case_no,
      status = excluded.status, entered_at = excluded.entered_at, exited_at = excluded.exited_at, summary = excluded.summary, detail = excluded.detail`,
  [station, s.map((p) => p.id), s.map((p) => p.name), persons.map((p) => p.idNumber), s.map((p) => p.caseNo), s.map((p) => p.status),
    s.map((p) => p.enteredAt), s.map((p) => p.exitedAt), s.map((p) => JSON.stringify(p)), persons.map((p) => JSON.stringify(p))]);
}

export async function upsertAlarms(c: PoolClient, station: string, alarms: readonly AlarmView[]): Promise<void> {
  if (alarms.length === 0) return;
  await c.query(`INSERT INTO alarms (station, id, rule, subject, severity, room, raised_at, resolved_at, acked_at, acked_by, ack_note)
    SELECT $1::text, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::bigint[], $9::bigint[], $10::text[], $11::text[])
    ON CONFLICT (station, id) DO UPDATE SET resolved_at = excluded.resolved_at, acked_at = excluded.acked_at, acked_by = excluded.acked_by,
      ack_note = excluded.ack_note, room = excluded.room`,
  [station, alarms.map((a) => a.id), alarms.map((a) => a.rule), alarms.map((a) => a.subject), alarms.map((a) => a.severity), alarms.map((a) => a.room),
    alarms.map((a) => a.raisedAt), alarms.map((a) => a.resolvedAt), alarms.map((a) => a.ack?.at ?? null), alarms.map((a) => a.ack?.by ?? null),
    alarms.map((a) => a.ack?.note ?? null)]);
}

export async function upsertAreaNow(c: PoolClient, station: string, o: Overview, f: AreaFigures, seq: number, at: number): Promise<void> {
  await c.query(`INSERT INTO area_now (station, overview, persons_in, sessions_active, critical_active, unrecorded_rooms, seq, updated_at)
    VALUES ($1, $2::jsonb, $3, $4, $5, $6, $7, $8)
    ON CONFLICT (station) DO UPDATE SET overview = excluded.overview, persons_in = excluded.persons_in, sessions_active = excluded.sessions_active,
      critical_active = excluded.critical_active, unrecorded_rooms = excluded.unrecorded_rooms, seq = excluded.seq, updated_at = excluded.updated_at`,
  [station, JSON.stringify(o), f.personsIn, f.sessionsActive, f.criticalActive, f.unrecordedRooms, seq, at]);
}

export interface StationUpdate {
  readonly head: ChainPoint;
  readonly seenAt: number;
  readonly reported: ChainPoint;
  readonly timeZone: string | undefined;
  readonly area: { readonly id: string; readonly name: string } | null;
  readonly problem: boolean;
}

export async function updateStation(c: PoolClient, station: string, u: StationUpdate): Promise<void> {
  await c.query(`UPDATE stations SET seq = $2, head = $3, last_seen_at = $4, reported_seq = $5, reported_hash = $6, reported_at = $4,
      time_zone = coalesce($7, time_zone), area_id = coalesce($8, area_id), area_name = coalesce($9, area_name),
      verified = verified AND NOT $10 WHERE id = $1`,
  [station, u.head.seq, u.head.hash, u.seenAt, u.reported.seq, u.reported.hash, u.timeZone ?? null, u.area?.id ?? null, u.area?.name ?? null, u.problem]);
}

/** A problem with the station's chain, once (a repeated push records nothing new). */
export async function recordProblem(c: PoolClient, station: string, p: ChainProblem, at: number): Promise<void> {
  await c.query(`INSERT INTO chain_alarms (station, kind, seq, held_hash, received_hash, detail, at) VALUES ($1, $2, $3, $4, $5, $6, $7)
    ON CONFLICT (station, kind, seq, received_hash) DO NOTHING`, [station, p.kind, p.seq, p.heldHash, p.receivedHash, p.detail, at]);
}

export async function setProjectionError(q: Queryable, station: string, error: string | null): Promise<void> {
  await q.query('UPDATE stations SET projection_error = $2 WHERE id = $1', [station, error]);
}

/** Events after `seq`, in order, at most `limit`. */
export async function eventsAfter(q: Queryable, station: string, seq: number, limit: number): Promise<HeldEvent[]> {
  const r = await q.query<{ seq: string; at: string; type: string; actor: string; payload: string; hash: string }>(
    'SELECT seq, at, type, actor, payload, hash FROM events WHERE station = $1 AND seq > $2 ORDER BY seq LIMIT $3', [station, seq, limit]);
  return r.rows.map((x) => ({ seq: Number(x.seq), at: Number(x.at), type: x.type, actor: x.actor, payload: x.payload, hash: x.hash }));
}

/** The station whose enrolment token hashes to `tokenHash`. */
export async function stationOfToken(q: Queryable, tokenHash: string): Promise<string | null> {
  const r = await q.query<{ id: string }>('SELECT id FROM stations WHERE token_hash = $1', [tokenHash]);
  return r.rows[0]?.id ?? null;
}

export { num };
