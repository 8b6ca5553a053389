// The county platform's figures, against a PostgreSQL cluster the bench starts (Debian's, durable
// settings) and `npm run county` in its own process:
// - 50 stations each catching up one busy day (about 5 000 events), all at once: the time until
//   the county holds every event, and the ingest rate it implies;
// - live lag: an event committed at a running station until the county's live channel for that
//   area says it holds it (p50, p99, max over a few hundred commits);
// - dashboard reads over 50 stations × one year of events generated in PostgreSQL (median and
//   slowest of several runs through the county's HTTPS API).
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request, type RequestOptions } from 'node:https';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { pinnedAgent } from '../main/host/countyClient.js';
import { CountyPusher } from '../main/host/countyPusher.js';
import { systemTime } from '../main/host/stationClock.js';
import { areaConfig, bootWithCounty, countyCli, enrol, startCounty, synced } from '../tests/county/countyProcess.js';
import { startPgCluster } from '../tests/county/pgCluster.js';
import { writeBusyDay } from './countyDay.js';

const STATIONS = 50;
const DAYS = 365;
const EVENTS_PER_DAY = 200;
const PERSONS_PER_DAY = 15;
const ALARMS_PER_DAY = 6;
const LAG_COMMITS = 300;

const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? Number.NaN;
};

/**
 * CPU seconds a process has used so far (user + system, from /proc; clock ticks of 1/100 s): with
 * the machine's load it tells a figure slowed by other work from one the county itself limits.
 */
function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** A small HTTPS client for the bench's own county: its certificate pinned as the station pins it. */
function countyHttp(base: string, fingerprint: string) {
  let cookie = '';
  // The calls, and the live channel that holds a connection of its own.
  const agent = pinnedAgent(fingerprint, 4);
  const send = (method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; text: string }> => new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const options: RequestOptions = { method, agent, headers: { cookie, ...(payload ? { 'content-type': 'application/json' } : {}) } };
    const req = request(new URL(path, base), options, (res) => {
      const set = res.headers['set-cookie']?.[0];
      if (set) cookie = set.split(';')[0] ?? '';
      let text = '';
      res.setEncoding('utf8').on('data', (d: string) => { text += d; }).on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(payload);
  });
  return {
    async call<T>(path: string, arg: unknown = {}): Promise<T> {
      const r = await send('POST', path, arg);
      if (r.status !== 200) throw new Error(`${path}: HTTP ${r.status} ${r.text}`);
      return JSON.parse(r.text) as T;
    },
    /** The live channel: calls `on` with each change notice; returns the close. */
    stream(path: string, on: (data: { seq: number }) => void): () => void {
      const req = request(new URL(path, base), { agent, headers: { cookie } }, (res) => {
        let buf = '';
        res.setEncoding('utf8').on('data', (d: string) => {
          buf += d;
          for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (/^event: change$/m.test(block) && data) on(JSON.parse(data) as { seq: number });
          }
        });
      });
      req.on('error', () => undefined);
      req.end();
      return () => req.destroy();
    },
  };
}

/** 50 stations × a year in PostgreSQL, made by the server itself (the shapes of real rows). */
async function generateYear(db: pg.Client, template: string): Promise<void> {
  // Made, not received: durability is no part of what is measured here.
  await db.query("ALTER SYSTEM SET fsync = off");
  await db.query("ALTER SYSTEM SET full_page_writes = off");
  await db.query('SELECT pg_reload_conf()');
  const day = 86_400_000;
  const start = Date.UTC(2025, 2, 1);
  await db.query(`INSERT INTO stations (id, token_hash, enrolled_at, seq, head, area_id, area_name, last_seen_at, reported_seq)
    SELECT 'Y' || lpad(n::text, 2, '0'), md5('y' || n) || md5('t' || n), $1, $2, md5('h' || n) || md5('g' || n), 'Y' || n, '年度测试办案区 ' || n, $3, $2
    FROM generate_series(1, $4) n`, [start, DAYS * EVENTS_PER_DAY, start + DAYS * day, STATIONS]);
  await db.query(`INSERT INTO area_now (station, overview, persons_in, sessions_active, critical_active, unrecorded_rooms, seq, updated_at)
    SELECT s.id, a.overview, a.persons_in, a.sessions_active, a.critical_active, a.unrecorded_rooms, s.seq, s.last_seen_at
    FROM stations s, area_now a WHERE s.id LIKE 'Y%' AND a.station = $1`, [template]);
  const perStation = DAYS * EVENTS_PER_DAY;
  // Events: a person every 20 events, each event about them.
  await db.query(`INSERT INTO events (station, seq, at, type, actor, payload, prev_hash, hash, received_at)
    SELECT s.id, g, $1::bigint + (g::bigint * $2::bigint / $3::bigint), (ARRAY['person.move','care.rest','care.meal','security.check','session.start','session.end'])[1 + g % 6], 'E1',
      '{"note":"年度测试","personId":"P' || (g / 20) || '"}', md5(s.id || (g - 1)) || md5((g - 1) || s.id), md5(s.id || g) || md5(g || s.id), $1
    FROM stations s, generate_series(1, $3) g WHERE s.id LIKE 'Y%'`, [start, DAYS * day, perStation]);
  await db.query(`INSERT INTO event_subjects (station, subject, seq) SELECT s.id, 'person:P' || (g / 20), g FROM stations s, generate_series(1, $1) g WHERE s.id LIKE 'Y%'`, [perStation]);
  const tpl = await db.query<{ summary: object; detail: object }>('SELECT summary, detail FROM persons WHERE station = $1 LIMIT 1', [template]);
  const persons = DAYS * PERSONS_PER_DAY;
  await db.query(`INSERT INTO persons (station, person_id, name, id_number, case_no, status, entered_at, exited_at, summary, detail)
    SELECT s.id, 'P' || g, '人员' || g, '11010119800101' || lpad((g % 10000)::text, 4, '0'), 'AJ' || g, CASE WHEN g > $2 - 5 THEN 'in' ELSE 'exited' END,
      $1::bigint + g::bigint * $3::bigint / $2::bigint, CASE WHEN g > $2 - 5 THEN NULL ELSE $1::bigint + g::bigint * $3::bigint / $2::bigint + 5 * 3600000 END,
      jsonb_set($4::jsonb, '{id}', to_jsonb('P' || g)), jsonb_set($5::jsonb, '{summary,id}', to_jsonb('P' || g))
    FROM stations s, generate_series(1, $2) g WHERE s.id LIKE 'Y%'`, [start, persons, DAYS * day, JSON.stringify(tpl.rows[0]?.summary), JSON.stringify(tpl.rows[0]?.detail)]);
  const alarms = DAYS * ALARMS_PER_DAY;
  await db.query(`INSERT INTO alarms (station, id, rule, subject, severity, room, raised_at, resolved_at)
    SELECT s.id, 'AL' || lpad(g::text, 6, '0'), (ARRAY['unrecorded_interrogation','no_meal','time_limit_warning','insufficient_officers','time_limit_exceeded','device_offline'])[1 + g % 6],
      'person:P' || (g * $4 / $2), CASE WHEN g % 3 = 0 THEN 'critical' ELSE 'warning' END, 'INT1',
      $1::bigint + g::bigint * $3::bigint / $2::bigint, CASE WHEN g > $2 - 3 THEN NULL ELSE $1::bigint + g::bigint * $3::bigint / $2::bigint + 600000 END
    FROM stations s, generate_series(1, $2) g WHERE s.id LIKE 'Y%'`, [start, alarms, DAYS * day, PERSONS_PER_DAY]);
  // A year's rows as autovacuum would have left them (it visits tables that only grow, too).
  await db.query('VACUUM ANALYZE');
  await db.query('ALTER SYSTEM RESET fsync');
  await db.query('ALTER SYSTEM RESET full_page_writes');
  await db.query('SELECT pg_reload_conf()');
}

async function timeReads(runs: number, read: () => Promise<unknown>): Promise<{ median: number; max: number }> {
  await read();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await read();
    times.push(performance.now() - t0);
  }
  return { median: Math.round(percentile(times, 50) * 10) / 10, max: Math.round(Math.max(...times) * 10) / 10 };
}

export async function benchCounty(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-county-'));
  const cluster = await startPgCluster({ settings: { shared_buffers: '512MB', max_wal_size: '4GB', checkpoint_timeout: '30min' } });
  const figures: Record<string, number> = {};
  const cleanup: (() => Promise<void> | void)[] = [];
  try {
    const county = await startCounty(cluster.url, join(dir, 'county'));
    cleanup.push(() => county.stop());
    const record = join(dir, 'day.db');
    const events = writeBusyDay(record);

    // ---- 50 stations catch up one busy day each ----
    const ids = Array.from({ length: STATIONS }, (_, i) => `S${String(i + 1).padStart(2, '0')}`);
    const tokens = await Promise.all(ids.map((id) => enrol(cluster.url, id)));
    const pushers = ids.map((id, i) => {
      const path = join(dir, `${id}.db`);
      copyFileSync(record, path);
      return new CountyPusher({
        endpoint: { url: county.url, token: tokens[i] ?? '', fingerprint: county.fingerprint }, recordPath: path, timeZone: 'Asia/Shanghai',
        now: systemTime.wall, log: () => undefined, onCommit: () => () => undefined,
      });
    });
    const cpu0 = cpuSeconds(county.child.pid);
    const t0 = performance.now();
    await Promise.all(pushers.map((p) => new Promise<void>((resolve) => {
      p.on('ack', (v) => { if (v.ackSeq === events) resolve(); });
      p.start();
    })));
    const catchUp = (performance.now() - t0) / 1000;
    const countyCpu = cpuSeconds(county.child.pid) - cpu0;
    await Promise.all(pushers.map((p) => p.stop()));
    figures.county_catchup_stations = STATIONS;
    figures.county_catchup_events_each = events;
    figures.county_catchup_total_s = Math.round(catchUp * 10) / 10;
    figures.county_ingest_events_per_s = Math.round((STATIONS * events) / catchUp);
    // The county process's own CPU for the catch-up (PostgreSQL's is apart), and how busy the machine was.
    figures.county_catchup_county_cpu_s = Math.round(countyCpu * 10) / 10;
    figures.county_ingest_events_per_county_cpu_s = Math.round((STATIONS * events) / countyCpu);
    figures.county_catchup_loadavg_1m = Math.round((loadavg()[0] ?? 0) * 10) / 10;
    process.stderr.write(`bench: county catch-up ${JSON.stringify(figures)}\n`);

    // ---- live lag ----
    const account = { account: 'bench', password: 'Bench2026ok' };
    await countyCli(['account', '--pg', cluster.url, '--account', account.account, '--name', '压测', '--role', 'supervisor'], account.password);
    const http = countyHttp(county.url, county.fingerprint);
    await http.call('/county/api/login', account);
    const live = await bootWithCounty(join(dir, 'live'), areaConfig('LIVE', '实时测试办案区'), { url: county.url, token: await enrol(cluster.url, 'live'), fingerprint: county.fingerprint });
    cleanup.push(() => live.stop());
    await synced(live, 60_000);
    const committedAt = new Map<number, number>();
    const lags: number[] = [];
    let seen = 0;
    const arrived = new Promise<void>((resolve) => {
      const close = http.stream('/county/area/live/api/stream', (n) => {
        const now = performance.now();
        for (const [seq, at] of committedAt) {
          if (seq > n.seq) continue;
          lags.push(now - at);
          committedAt.delete(seq);
        }
        seen = Math.max(seen, n.seq);
        if (lags.length >= LAG_COMMITS) { close(); resolve(); }
      });
    });
    await new Promise((r) => setTimeout(r, 500));
    live.host.station.submit({ type: 'person.enter', person: { id: 'L1', name: '实时', gender: 'male', birthDate: '1980-01-01', role: 'witness' } }, { actor: 'E101' });
    for (let i = 0; i < LAG_COMMITS; i++) {
      const r = live.host.station.submit({ type: 'care.rest', personId: 'L1', note: `lag ${i}` }, { actor: 'E101' });
      if (r.ok) for (const e of r.events) committedAt.set(e.seq, performance.now());
      await new Promise((res) => setTimeout(res, 20));
    }
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, 30_000));
    await Promise.race([arrived, timeout]);
    figures.county_live_lag_commits = lags.length;
    figures.county_live_lag_p50_ms = Math.round(percentile(lags, 50));
    figures.county_live_lag_p99_ms = Math.round(percentile(lags, 99));
    figures.county_live_lag_max_ms = Math.round(Math.max(...lags));
    process.stderr.write(`bench: county live lag p99 ${figures.county_live_lag_p99_ms} ms\n`);

    // ---- dashboard reads over 50 stations × a year ----
    const db = new pg.Client({ connectionString: cluster.url });
    await db.connect();
    cleanup.push(() => db.end());
    const g0 = performance.now();
    await generateYear(db, 'S01');
    figures.county_year_generate_s = Math.round((performance.now() - g0) / 100) / 10;
    figures.county_year_events = Number((await db.query<{ n: string }>("SELECT count(*) AS n FROM events WHERE station LIKE 'Y%'")).rows[0]?.n ?? 0);
    const now = Date.UTC(2026, 2, 1);
    const month = { from: now - 30 * 86_400_000, to: now };
    const year = { from: now - 365 * 86_400_000, to: now };
    const reads: [string, () => Promise<unknown>][] = [
      ['areas', () => http.call('/county/api/areas')],
      ['county_stats_month', () => http.call('/county/api/countyStats', month)],
      ['county_stats_year', () => http.call('/county/api/countyStats', year)],
      ['area_overview', () => http.call('/county/area/Y07/api/overview')],
      ['area_persons_recent', () => http.call('/county/area/Y07/api/persons', { status: 'all' })],
      ['area_persons_search', () => http.call('/county/area/Y07/api/persons', { status: 'all', text: '人员4321' })],
      ['area_person', () => http.call('/county/area/Y07/api/person', { id: 'P4321' })],
      ['area_timeline', () => http.call('/county/area/Y07/api/timeline', { id: 'P4321' })],
      ['area_alarms_month', () => http.call('/county/area/Y07/api/alarms', month)],
      ['area_stats_month_by_day', () => http.call('/county/area/Y07/api/stats', { period: 'day', ...month })],
      ['area_stats_year_by_month', () => http.call('/county/area/Y07/api/stats', { period: 'month', ...year })],
    ];
    let slowest = 0;
    for (const [name, read] of reads) {
      const t = await timeReads(10, read);
      figures[`county_read_${name}_median_ms`] = t.median;
      slowest = Math.max(slowest, t.median);
    }
    figures.county_read_slowest_median_ms = slowest;
    return figures;
  } finally {
    for (const c of cleanup.reverse()) await Promise.resolve(c()).catch(() => undefined);
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('county.ts')) console.log(JSON.stringify(await benchCounty(), null, 2));
