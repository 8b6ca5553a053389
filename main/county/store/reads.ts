// What the county's dashboard reads, all from PostgreSQL: the list of areas (one indexed query),
// one area's persons, timelines, alarms and figures, statistics across areas, the county's chain
// alarms and its access log. An area's documents are the station's own views (ingest/replica.ts).
import type { AlarmRule, Severity } from '../../../common/alarms.js';
import type { AccessLogEntry, AreaStatsRow, ChainAlarmKind, ChainAlarmView } from '../../../common/countyApi.js';
import type {
  AlarmView, LedgerRow, Overview, PersonDetail, PersonSummary, RecordingState, SearchHit, Stats, StatsBucket, StatsPeriod, TimelineEntry,
} from '../../../common/views.js';
import { periodBounds } from '../../api/queries/stats.js';
import { rowToEvent } from '../../core/store/eventStore.js';
import { num, type Pool } from './pool.js';

export interface AreaRow {
  readonly station: string; readonly seq: number; readonly head: string; readonly verified: boolean; readonly lastSeenAt: number | null;
  readonly reportedSeq: number | null; readonly timeZone: string; readonly areaId: string | null; readonly areaName: string | null;
  readonly projectionError: string | null; readonly updatedAt: number | null;
  readonly chainAlarms: number; readonly lastChainAlarm: string | null;
  /** What the county's list shows of the area now; null before its first read models. */
  readonly listing: AreaListing | null;
}

/** The parts of an area's overview that the county's list shows. */
export interface AreaListing {
  readonly area: { readonly id: string; readonly name: string } | null;
  readonly personsIn: number;
  readonly sessionsActive: number;
  /** Each occupied room that must be recorded, in the overview's order. */
  readonly recording: readonly { readonly room: string; readonly name: string; readonly state: RecordingState }[];
  readonly criticalAlarms: readonly AlarmView[];
}

/**
 * The list takes from each overview (tens of kilobytes in a busy area: everyone present, every
 * alarm) only what it shows, picked out in PostgreSQL: carrying and parsing whole documents for
 * fifty areas was most of the list's time. The figures are the ones ingest counted from the same
 * overview (replica.ts, areaFigures).
 */
export async function areaRows(pool: Pool, station?: string): Promise<AreaRow[]> {
  const r = await pool.query<{
    id: string; seq: string; head: string; verified: boolean; last_seen_at: string | null; reported_seq: string | null; time_zone: string;
    area_id: string | null; area_name: string | null; projection_error: string | null; updated_at: string | null;
    chain_alarms: string; last_chain_alarm: string | null;
    listed: boolean; area: AreaListing['area']; persons_in: number | null; sessions_active: number | null;
    recording: AreaListing['recording'] | null; critical_alarms: AlarmView[] | null;
  }>(`SELECT s.id, s.seq, s.head, s.verified, s.last_seen_at, s.reported_seq, s.time_zone, s.area_id, s.area_name, s.projection_error,
        a.updated_at, a.station IS NOT NULL AS listed, a.overview->'area' AS area, a.persons_in, a.sessions_active,
        (SELECT coalesce(jsonb_agg(jsonb_build_object('room', r.room->'id', 'name', r.room->'name', 'state', r.room->'recording') ORDER BY r.i), '[]'::jsonb)
          FROM jsonb_array_elements(a.overview->'rooms') WITH ORDINALITY AS r(room, i)
          WHERE r.room->'recordingRequired' = 'true'::jsonb AND jsonb_array_length(r.room->'persons') > 0) AS recording,
        jsonb_path_query_array(a.overview, '$.alarms[*] ? (@.severity == "critical")') AS critical_alarms,
        (SELECT count(*) FROM chain_alarms c WHERE c.station = s.id) AS chain_alarms,
        (SELECT c.detail FROM chain_alarms c WHERE c.station = s.id ORDER BY c.id DESC LIMIT 1) AS last_chain_alarm
      FROM stations s LEFT JOIN area_now a ON a.station = s.id
      ${station === undefined ? '' : 'WHERE s.id = $1'} ORDER BY coalesce(s.area_name, s.id), s.id`, station === undefined ? [] : [station]);
  return r.rows.map((x) => ({
    station: x.id, seq: Number(x.seq), head: x.head, verified: x.verified, lastSeenAt: num(x.last_seen_at), reportedSeq: num(x.reported_seq),
    timeZone: x.time_zone, areaId: x.area_id, areaName: x.area_name, projectionError: x.projection_error,
    updatedAt: num(x.updated_at), chainAlarms: Number(x.chain_alarms), lastChainAlarm: x.last_chain_alarm,
    listing: x.listed
      ? { area: x.area, personsIn: x.persons_in ?? 0, sessionsActive: x.sessions_active ?? 0, recording: x.recording ?? [], criticalAlarms: x.critical_alarms ?? [] }
      : null,
  }));
}

/** The area's overview as the county last projected it (null: none yet). */
export async function areaOverview(pool: Pool, station: string): Promise<Overview | null> {
  const r = await pool.query<{ overview: Overview }>('SELECT overview FROM area_now WHERE station = $1', [station]);
  return r.rows[0]?.overview ?? null;
}

export async function chainAlarms(pool: Pool, q: { station?: string | undefined; limit?: number | undefined }): Promise<ChainAlarmView[]> {
  const r = await pool.query<{ id: string; station: string; kind: ChainAlarmKind; seq: string; held_hash: string | null; received_hash: string; detail: string; at: string }>(
    `SELECT * FROM chain_alarms WHERE ($1::text IS NULL OR station = $1) ORDER BY at DESC, id DESC LIMIT $2`, [q.station ?? null, q.limit ?? 500]);
  return r.rows.map((x) => ({
    id: Number(x.id), station: x.station, kind: x.kind, seq: Number(x.seq), heldHash: x.held_hash, receivedHash: x.received_hash, detail: x.detail, at: Number(x.at),
  }));
}

export async function accessLog(pool: Pool, limit: number): Promise<AccessLogEntry[]> {
  const r = await pool.query<{ at: string; account: string; action: string; station: string | null; target: string | null; address: string | null }>(
    'SELECT at, account, action, station, target, address FROM access_log ORDER BY at DESC, id DESC LIMIT $1', [limit]);
  return r.rows.map((x) => ({ ...x, at: Number(x.at) }));
}

const likeOf = (text: string): string => `%${text.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;

export interface PersonQuery {
  readonly status?: 'in' | 'exited' | 'all' | undefined; readonly text?: string | undefined; readonly from?: number | undefined; readonly to?: number | undefined;
  readonly exitedFrom?: number | undefined; readonly exitedTo?: number | undefined; readonly limit?: number | undefined;
}

/** One area's persons, as the station's own search finds them. */
export async function areaPersons(pool: Pool, station: string, q: PersonQuery): Promise<PersonSummary[]> {
  const where = ['station = $1'];
  const args: unknown[] = [station];
  const add = (clause: (n: string) => string, value: unknown): void => {
    args.push(value);
    where.push(clause(`$${args.length}`));
  };
  if (q.status === 'in') where.push(`status <> 'exited'`);
  if (q.status === 'exited') where.push(`status = 'exited'`);
  if (q.text) add((n) => `(name LIKE ${n} OR person_id LIKE ${n} OR case_no LIKE ${n} OR id_number LIKE ${n})`, likeOf(q.text));
  if (q.from !== undefined) add((n) => `entered_at >= ${n}`, q.from);
  if (q.to !== undefined) add((n) => `entered_at < ${n}`, q.to);
  if (q.exitedFrom !== undefined) add((n) => `exited_at >= ${n}`, q.exitedFrom);
  if (q.exitedTo !== undefined) add((n) => `exited_at < ${n}`, q.exitedTo);
  args.push(q.limit ?? 500);
  const r = await pool.query<{ summary: PersonSummary }>(`SELECT summary FROM persons WHERE ${where.join(' AND ')} ORDER BY entered_at DESC LIMIT $${args.length}`, args);
  return r.rows.map((x) => x.summary);
}

/** The header's search over one area's persons: name, ID number, case number or person id (the station also matches wristbands and document numbers, which the county's copy does not index). */
export async function areaSearch(pool: Pool, station: string, q: { text: string; limit?: number }): Promise<SearchHit[]> {
  const text = q.text.trim();
  if (text === '') return [];
  const r = await pool.query<{ summary: PersonSummary; name: string; id_number: string | null; case_no: string | null }>(
    `SELECT summary, name, id_number, case_no FROM persons
      WHERE station = $1 AND (name LIKE $2 OR upper(id_number) LIKE $3 OR case_no LIKE $2 OR person_id LIKE $2)
      ORDER BY (status = 'exited'), entered_at DESC LIMIT $4`,
    [station, likeOf(text), likeOf(text.toUpperCase()), q.limit ?? 20]);
  const has = (value: string | null, needle: string): boolean => (value ?? '').toUpperCase().includes(needle.toUpperCase());
  return r.rows.map((x) => ({
    person: x.summary, idNumber: x.id_number,
    matched: has(x.name, text) ? 'name' : has(x.id_number, text) ? 'idNumber' : has(x.case_no, text) ? 'caseNo' : 'id',
  }));
}

export async function areaPerson(pool: Pool, station: string, id: string): Promise<PersonDetail | null> {
  const r = await pool.query<{ detail: PersonDetail }>('SELECT detail FROM persons WHERE station = $1 AND person_id = $2', [station, id]);
  return r.rows[0]?.detail ?? null;
}

export async function areaTimeline(pool: Pool, station: string, id: string): Promise<TimelineEntry[]> {
  const r = await pool.query<{ seq: string; at: string; type: string; actor: string; payload: string }>(
    `SELECT e.seq, e.at, e.type, e.actor, e.payload FROM event_subjects s JOIN events e ON e.station = s.station AND e.seq = s.seq
      WHERE s.station = $1 AND s.subject = $2 ORDER BY e.seq`, [station, `person:${id}`]);
  return r.rows.map((x) => rowToEvent({ seq: Number(x.seq), at: Number(x.at), type: x.type, actor: x.actor, payload: x.payload }));
}

interface AlarmRow {
  id: string; rule: string; subject: string; severity: string; room: string | null; raised_at: string; resolved_at: string | null;
  acked_at: string | null; acked_by: string | null; ack_note: string | null;
}

const alarmView = (r: AlarmRow): AlarmView => ({
  id: r.id, rule: r.rule as AlarmRule, subject: r.subject, severity: r.severity as Severity, raisedAt: Number(r.raised_at), resolvedAt: num(r.resolved_at),
  room: r.room, ack: r.acked_at === null ? null : { at: Number(r.acked_at), by: r.acked_by ?? '', note: r.ack_note ?? '' },
});

export async function areaAlarms(pool: Pool, station: string, q: {
  active?: boolean | undefined; rule?: string | undefined; room?: string | undefined; from?: number | undefined; to?: number | undefined; limit?: number | undefined;
}): Promise<AlarmView[]> {
  const where = ['station = $1'];
  const args: unknown[] = [station];
  const add = (clause: string, value: unknown): void => {
    args.push(value);
    where.push(clause.replace('?', `$${args.length}`));
  };
  if (q.active === true) where.push('resolved_at IS NULL');
  if (q.active === false) where.push('resolved_at IS NOT NULL');
  if (q.rule) add('rule = ?', q.rule);
  if (q.room) add('room = ?', q.room);
  if (q.from !== undefined) add('raised_at >= ?', q.from);
  if (q.to !== undefined) add('raised_at < ?', q.to);
  args.push(q.limit ?? 1000);
  const r = await pool.query<AlarmRow>(`SELECT * FROM alarms WHERE ${where.join(' AND ')} ORDER BY raised_at DESC, id DESC LIMIT $${args.length}`, args);
  return r.rows.map(alarmView);
}

export async function areaLedger(pool: Pool, station: string, from: number, to: number): Promise<LedgerRow[]> {
  const r = await pool.query<{ detail: PersonDetail; alarms: string }>(`SELECT p.detail,
      (SELECT count(*) FROM alarms a WHERE a.station = p.station AND a.subject = 'person:' || p.person_id) AS alarms
    FROM persons p WHERE p.station = $1 AND p.entered_at >= $2 AND p.entered_at < $3 ORDER BY p.entered_at, p.person_id`, [station, from, to]);
  return r.rows.map(({ detail: d, alarms }, i) => ({
    no: i + 1, personId: d.summary.id, name: d.summary.name, gender: d.summary.gender, birthDate: d.summary.birthDate, idNumber: d.idNumber,
    role: d.summary.role, caseNo: d.summary.caseNo, basis: d.summary.basis, officers: d.officers, enteredAt: d.summary.enteredAt,
    exitedAt: d.summary.exitedAt, destination: d.summary.destination, alarms: Number(alarms), corrected: d.corrected,
  }));
}

/** Milliseconds of unrecorded interrogation within [start, end): open alarms run until `now`. */
const UNRECORDED_MS = `coalesce(sum(greatest(0, least(coalesce(a.resolved_at, $NOW), b.e) - greatest(a.raised_at, b.s))), 0)`;

/** One area's figures per local day, week or month, as the station's own statistics (api/queries/stats.ts). */
export async function areaStats(pool: Pool, station: string, q: { period: StatsPeriod; from: number; to: number }, now: number, tz: string): Promise<Stats> {
  const bounds = periodBounds(q.period, q.from, q.to, tz);
  const starts = bounds.map((b) => b.start);
  const ends = bounds.map((b) => b.end);
  const buckets = `unnest($2::bigint[], $3::bigint[]) WITH ORDINALITY AS b(s, e, i)`;
  const args = [station, starts, ends];
  const [entries, stays, rules, rooms, unrecorded] = await Promise.all([
    pool.query<{ i: string; n: string }>(`SELECT b.i, count(p.person_id) AS n FROM ${buckets}
      LEFT JOIN persons p ON p.station = $1 AND p.entered_at >= b.s AND p.entered_at < b.e GROUP BY b.i`, args),
    pool.query<{ i: string; n: string; avg: string | null; max: string | null }>(`SELECT b.i, count(p.person_id) AS n, avg(p.exited_at - p.entered_at) AS avg,
      max(p.exited_at - p.entered_at) AS max FROM ${buckets}
      LEFT JOIN persons p ON p.station = $1 AND p.exited_at >= b.s AND p.exited_at < b.e GROUP BY b.i`, args),
    pool.query<{ i: string; rule: string; n: string }>(`SELECT b.i, a.rule, count(*) AS n FROM ${buckets}
      JOIN alarms a ON a.station = $1 AND a.raised_at >= b.s AND a.raised_at < b.e GROUP BY b.i, a.rule`, args),
    pool.query<{ i: string; room: string; n: string }>(`SELECT b.i, a.room, count(*) AS n FROM ${buckets}
      JOIN alarms a ON a.station = $1 AND a.raised_at >= b.s AND a.raised_at < b.e AND a.room IS NOT NULL GROUP BY b.i, a.room`, args),
    pool.query<{ i: string; ms: string }>(`SELECT b.i, ${UNRECORDED_MS.replace('$NOW', '$4')} AS ms FROM ${buckets}
      LEFT JOIN alarms a ON a.station = $1 AND a.rule = 'unrecorded_interrogation' AND a.raised_at < b.e AND coalesce(a.resolved_at, $4) > b.s
      GROUP BY b.i`, [...args, now]),
  ]);
  const at = (i: string | number): number => Number(i) - 1;
  const minutes = (ms: string | null): number | null => (ms === null ? null : Math.round(Number(ms) / 60_000));
  const out: { -readonly [K in keyof StatsBucket]: StatsBucket[K] }[] = bounds.map(({ start, end, label }) => ({
    start, end, label, entries: 0, exits: 0, averageStayMinutes: null, longestStayMinutes: null, alarmsByRule: {}, alarmsByRoom: {}, unrecordedMinutes: 0, timeLimitBreaches: 0,
  }));
  for (const r of entries.rows) { const b = out[at(r.i)]; if (b) b.entries = Number(r.n); }
  for (const r of stays.rows) {
    const b = out[at(r.i)];
    if (b) Object.assign(b, { exits: Number(r.n), averageStayMinutes: minutes(r.avg), longestStayMinutes: minutes(r.max) });
  }
  for (const r of rules.rows) {
    const b = out[at(r.i)];
    if (b) b.alarmsByRule = { ...b.alarmsByRule, [r.rule]: Number(r.n) };
  }
  for (const r of rooms.rows) { const b = out[at(r.i)]; if (b) b.alarmsByRoom = { ...b.alarmsByRoom, [r.room]: Number(r.n) }; }
  for (const r of unrecorded.rows) { const b = out[at(r.i)]; if (b) b.unrecordedMinutes = Math.round(Number(r.ms) / 60_000 * 10) / 10; }
  for (const b of out) b.timeLimitBreaches = b.alarmsByRule.time_limit_exceeded ?? 0;
  return { period: q.period, timeZone: tz, buckets: out };
}

/**
 * A range [$1, $2) as its whole periods [a, z) (main/county/migrations/002_period_figures.sql) and
 * the pieces [$1, a) and [z, $2) at its ends; a range within a period is all pieces: [$1, $2).
 */
const RANGE = `WITH r AS (SELECT county_period($1::bigint + county_period_ms() - 1) AS a, county_period($2::bigint) AS z),
  b AS (SELECT CASE WHEN a < z THEN a ELSE $2::bigint END AS a, CASE WHEN a < z THEN z ELSE $2::bigint END AS z FROM r)`;
const WHOLE = 'period >= (SELECT a FROM b) AND period < (SELECT z FROM b)';
/** The two pieces of `column` at the range's ends, each a range an index reads alone. */
const ENDS = (column: string): [string, string] => [`${column} >= $1 AND ${column} < (SELECT a FROM b)`, `${column} >= (SELECT z FROM b) AND ${column} < $2`];

/**
 * Every area's figures over [from, to): the sums kept per period for the whole periods within it,
 * and the rows themselves at its ends.
 */
export async function countyStats(pool: Pool, from: number, to: number, now: number): Promise<AreaStatsRow[]> {
  const [entered1, entered2] = ENDS('entered_at');
  const [exited1, exited2] = ENDS('exited_at');
  const [raised1, raised2] = ENDS('raised_at');
  const [areas, entries, stays, rules, unrecorded] = await Promise.all([
    pool.query<{ id: string; area_name: string | null }>('SELECT id, area_name FROM stations ORDER BY coalesce(area_name, id), id'),
    pool.query<{ station: string; n: string }>(`${RANGE}
      SELECT station, sum(n) AS n FROM (
        SELECT station, entries AS n FROM period_persons WHERE ${WHOLE}
        UNION ALL SELECT station, count(*) FROM persons WHERE ${entered1} GROUP BY station
        UNION ALL SELECT station, count(*) FROM persons WHERE ${entered2} GROUP BY station
      ) x GROUP BY station HAVING sum(n) > 0`, [from, to]),
    pool.query<{ station: string; n: string; avg: string | null }>(`${RANGE}
      SELECT station, sum(n) AS n, sum(stay) / sum(n) AS avg FROM (
        SELECT station, exits AS n, stay_ms::numeric AS stay FROM period_persons WHERE ${WHOLE}
        UNION ALL SELECT station, count(*), sum(exited_at - entered_at) FROM persons WHERE ${exited1} GROUP BY station
        UNION ALL SELECT station, count(*), sum(exited_at - entered_at) FROM persons WHERE ${exited2} GROUP BY station
      ) x GROUP BY station HAVING sum(n) > 0`, [from, to]),
    pool.query<{ station: string; rule: string; severity: string; n: string }>(`${RANGE}
      SELECT station, rule, severity, sum(n) AS n FROM (
        SELECT station, rule, severity, raised AS n FROM period_alarms WHERE ${WHOLE}
        UNION ALL SELECT station, rule, severity, count(*) FROM alarms WHERE ${raised1} GROUP BY station, rule, severity
        UNION ALL SELECT station, rule, severity, count(*) FROM alarms WHERE ${raised2} GROUP BY station, rule, severity
      ) x GROUP BY station, rule, severity HAVING sum(n) > 0`, [from, to]),
    pool.query<{ station: string; ms: string }>(`SELECT station, coalesce(sum(greatest(0, least(coalesce(resolved_at, $3), $2) - greatest(raised_at, $1))), 0) AS ms
      FROM alarms WHERE rule = 'unrecorded_interrogation' AND raised_at < $2 AND coalesce(resolved_at, $3) > $1 GROUP BY station`, [from, to, now]),
  ]);
  const byStation = <T extends { station: string }>(rows: readonly T[]): Map<string, T[]> => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.station, [...(m.get(r.station) ?? []), r]);
    return m;
  };
  const e = byStation(entries.rows);
  const s = byStation(stays.rows);
  const a = byStation(rules.rows);
  const u = byStation(unrecorded.rows);
  return areas.rows.map(({ id, area_name }) => {
    const stay = s.get(id)?.[0];
    const alarmRows = a.get(id) ?? [];
    const byRule: Partial<Record<AlarmRule, number>> = {};
    for (const r of alarmRows) byRule[r.rule as AlarmRule] = (byRule[r.rule as AlarmRule] ?? 0) + Number(r.n);
    return {
      station: id, areaName: area_name, entries: Number(e.get(id)?.[0]?.n ?? 0), exits: Number(stay?.n ?? 0),
      averageStayMinutes: stay?.avg == null ? null : Math.round(Number(stay.avg) / 60_000),
      alarms: alarmRows.reduce((n, r) => n + Number(r.n), 0), criticalAlarms: alarmRows.filter((r) => r.severity === 'critical').reduce((n, r) => n + Number(r.n), 0),
      alarmsByRule: byRule, timeLimitBreaches: byRule.time_limit_exceeded ?? 0,
      unrecordedMinutes: Math.round(Number(u.get(id)?.[0]?.ms ?? 0) / 60_000 * 10) / 10,
    };
  });
}
