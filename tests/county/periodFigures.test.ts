// The county's statistics across areas read their whole periods from sums that triggers keep
// (main/county/migrations/002_period_figures.sql) and the pieces at a range's ends from the rows.
// Against a real PostgreSQL: a county that already holds rows when it is migrated sums them, the
// sums follow inserts, upserts that change what is counted (an exit, a corrected entry), upserts
// that do not, and deletions; and the figures for ranges of every shape — within one period, on
// period bounds, across many — are the ones counted from every row (the oracle below).
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AreaStatsRow } from '../../common/countyApi.js';
import { countyMigrationsDir, migrateCounty } from '../../main/county/store/migrate.js';
import { openPool, type Pool } from '../../main/county/store/pool.js';
import { countyStats } from '../../main/county/store/reads.js';
import { startPgCluster, type PgCluster } from './pgCluster.js';

const DAY = 86_400_000;
const PERIOD = 10 * DAY;
const START = Date.UTC(2025, 0, 3, 5, 17);
const NOW = START + 420 * DAY;
const RULES = ['unrecorded_interrogation', 'no_meal', 'time_limit_warning', 'missing_security_check'] as const;

let cluster: PgCluster;
let pool: Pool;
let dir: string;

/** A deterministic stream of numbers in [0, 1). */
function numbers(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** The figures counted from every row: what countyStats computed before the sums existed. */
async function oracle(from: number, to: number): Promise<AreaStatsRow[]> {
  const q = async <T extends object>(sql: string, params: unknown[] = [from, to]): Promise<T[]> => (await pool.query<T>(sql, params)).rows;
  const areas = await q<{ id: string; area_name: string | null }>('SELECT id, area_name FROM stations ORDER BY coalesce(area_name, id), id', []);
  const entries = await q<{ station: string; n: string }>('SELECT station, count(*) AS n FROM persons WHERE entered_at >= $1 AND entered_at < $2 GROUP BY station');
  const stays = await q<{ station: string; n: string; avg: string }>(`SELECT station, count(*) AS n, avg(exited_at - entered_at) AS avg FROM persons
    WHERE exited_at >= $1 AND exited_at < $2 GROUP BY station`);
  const rules = await q<{ station: string; rule: string; severity: string; n: string }>(`SELECT station, rule, severity, count(*) AS n FROM alarms
    WHERE raised_at >= $1 AND raised_at < $2 GROUP BY station, rule, severity`);
  const unrecorded = await q<{ station: string; ms: string }>(`SELECT station, sum(greatest(0, least(coalesce(resolved_at, $3), $2) - greatest(raised_at, $1))) AS ms
    FROM alarms WHERE rule = 'unrecorded_interrogation' AND raised_at < $2 AND coalesce(resolved_at, $3) > $1 GROUP BY station`, [from, to, NOW]);
  return areas.map(({ id, area_name }) => {
    const stay = stays.find((s) => s.station === id);
    const mine = rules.filter((r) => r.station === id);
    const byRule: Record<string, number> = {};
    for (const r of mine) byRule[r.rule] = (byRule[r.rule] ?? 0) + Number(r.n);
    return {
      station: id, areaName: area_name, entries: Number(entries.find((e) => e.station === id)?.n ?? 0), exits: Number(stay?.n ?? 0),
      averageStayMinutes: stay ? Math.round(Number(stay.avg) / 60_000) : null,
      alarms: mine.reduce((n, r) => n + Number(r.n), 0), criticalAlarms: mine.filter((r) => r.severity === 'critical').reduce((n, r) => n + Number(r.n), 0),
      alarmsByRule: byRule, timeLimitBreaches: byRule.time_limit_exceeded ?? 0,
      unrecordedMinutes: Math.round(Number(unrecorded.find((u) => u.station === id)?.ms ?? 0) / 60_000 * 10) / 10,
    };
  });
}

/** Ranges of every shape over the rows' 420 days. */
function ranges(): [number, number][] {
  const firstPeriod = START - (START % PERIOD) + PERIOD;
  const out: [number, number][] = [
    [START - 365 * DAY, NOW + DAY], [NOW - 365 * DAY, NOW], [NOW - 30 * DAY, NOW], [NOW - DAY, NOW], [NOW - 3_600_000, NOW],
    [firstPeriod, firstPeriod + PERIOD], [firstPeriod, firstPeriod + 7 * PERIOD], [firstPeriod - 1, firstPeriod + 3 * PERIOD + 1],
    [firstPeriod + 1, firstPeriod + PERIOD - 1], [firstPeriod + 1, firstPeriod + 2 * PERIOD - 1], [firstPeriod, firstPeriod + 1],
  ];
  const next = numbers(11);
  for (let i = 0; i < 40; i++) {
    const from = START + Math.floor(next() * 420 * DAY);
    out.push([from, from + 1 + Math.floor(next() * (i % 3 === 0 ? 3 : i % 3 === 1 ? 45 : 400) * DAY)]);
  }
  return out;
}

async function expectFiguresAsCounted(): Promise<void> {
  for (const [from, to] of ranges()) expect(await countyStats(pool, from, to, NOW), `[${from}, ${to})`).toEqual(await oracle(from, to));
}

beforeAll(async () => {
  cluster = await startPgCluster({ fast: true });
  pool = openPool(cluster.url, 4);
  // A county of the first schema, already holding a year of rows.
  dir = mkdtempSync(join(tmpdir(), 'county-first-schema-'));
  copyFileSync(join(countyMigrationsDir(), '001_county.sql'), join(dir, '001_county.sql'));
  expect(await migrateCounty(pool, dir)).toEqual([1]);
  await pool.query(`INSERT INTO stations (id, token_hash, enrolled_at, area_name) VALUES ('A', 'ta', 0, '城东'), ('B', 'tb', 0, '城西'), ('C', 'tc', 0, NULL)`);
  const next = numbers(5);
  const persons: unknown[][] = [];
  const alarms: unknown[][] = [];
  for (let i = 0; i < 1500; i++) {
    const station = ['A', 'B', 'B', 'C'][i % 4];
    const entered = START + Math.floor(next() * 400 * DAY);
    // Some stay for minutes, some for days; some are still there.
    const exited = i % 9 === 0 ? null : entered + 1 + Math.floor(next() * (i % 5 === 0 ? 3 * DAY : 8 * 3_600_000));
    persons.push([station, `P${i}`, entered, exited]);
    if (i % 2 === 0) {
      const raised = entered + Math.floor(next() * 3_600_000);
      alarms.push([station, `AL${i}`, RULES[i % RULES.length], i % 3 === 0 ? 'critical' : 'warning', raised, i % 7 === 0 ? null : raised + Math.floor(next() * 7_200_000)]);
    }
  }
  await insertPersons(persons);
  await insertAlarms(alarms);
}, 120_000);

afterAll(async () => {
  await pool?.end();
  cluster?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** As ingest writes them: upserts that rewrite every column (main/county/store/ingestStore.ts). */
async function insertPersons(rows: readonly unknown[][]): Promise<void> {
  const col = (i: number): unknown[] => rows.map((r) => r[i]);
  await pool.query(`INSERT INTO persons (station, person_id, name, status, entered_at, exited_at, summary, detail)
    SELECT t.station, t.id, t.id, CASE WHEN t.exited IS NULL THEN 'in' ELSE 'exited' END, t.entered, t.exited, '{}', '{}'
    FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[]) AS t(station, id, entered, exited)
    ON CONFLICT (station, person_id) DO UPDATE SET name = excluded.name, status = excluded.status, entered_at = excluded.entered_at,
      exited_at = excluded.exited_at, summary = excluded.summary, detail = excluded.detail`, [col(0), col(1), col(2), col(3)]);
}

async function insertAlarms(rows: readonly unknown[][]): Promise<void> {
  const col = (i: number): unknown[] => rows.map((r) => r[i]);
  await pool.query(`INSERT INTO alarms (station, id, rule, subject, severity, room, raised_at, resolved_at)
    SELECT t.station, t.id, t.rule, 'person:' || t.id, t.severity, NULL, t.raised, t.resolved
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[]) AS t(station, id, rule, severity, raised, resolved)
    ON CONFLICT (station, id) DO UPDATE SET resolved_at = excluded.resolved_at`, [col(0), col(1), col(2), col(3), col(4), col(5)]);
}

describe('statistics across areas from sums per period', { timeout: 120_000 }, () => {
  it('sums what a county already holds when it is migrated, and reads every range as counted from the rows', async () => {
    expect(await migrateCounty(pool)).toEqual([1, 2]);
    const sums = await pool.query<{ entries: string; exits: string; raised: string }>(
      'SELECT (SELECT sum(entries) FROM period_persons) AS entries, (SELECT sum(exits) FROM period_persons) AS exits, (SELECT sum(raised) FROM period_alarms) AS raised');
    expect(sums.rows[0]).toEqual({ entries: '1500', exits: String(1500 - Math.ceil(1500 / 9)), raised: '750' });
    await expectFiguresAsCounted();
  });

  it('follows new rows, exits, a corrected entry, rewrites that change nothing counted, and deletions', async () => {
    await insertPersons([
      ['A', 'N1', NOW - 2 * DAY, null], ['C', 'N2', NOW - 40 * DAY, NOW - 39 * DAY],
      // Exits of persons still present, one of them entered on another day; a corrected entry time.
      ['A', 'P9', START + 3 * DAY, START + 12 * DAY], ['B', 'P18', START + 100 * DAY, START + 100 * DAY + 60_000], ['B', 'P1', START + 5, START + 6 * DAY],
      // Rewritten as they are.
      ['B', 'P2', ...(await personTimes('B', 'P2'))],
    ]);
    await insertAlarms([['A', 'ALN1', 'no_meal', 'critical', NOW - DAY, null], ['A', 'AL0', RULES[0], 'critical', 0, NOW - 1]]);
    await pool.query("DELETE FROM persons WHERE station = 'C' AND person_id = 'P3'");
    await pool.query("DELETE FROM alarms WHERE station = 'B' AND id = 'AL2'");
    await expectFiguresAsCounted();
  });

});

async function personTimes(station: string, id: string): Promise<[number, number | null]> {
  const r = await pool.query<{ entered_at: string; exited_at: string | null }>('SELECT entered_at, exited_at FROM persons WHERE station = $1 AND person_id = $2', [station, id]);
  const row = r.rows[0];
  if (!row) throw new Error(`no person ${id}`);
  return [Number(row.entered_at), row.exited_at === null ? null : Number(row.exited_at)];
}
