// A station killed (SIGKILL, the headless station as its own process) while the county is writing
// its batch: the county finishes that batch, the station never hears it acknowledged, and once
// started again it resumes from what the county holds — every event once, none lost. And the
// enrolment token: only its hash is kept, and it is in no log, error, database row or process list.
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenHash } from '../../main/county/store/stations.js';
import { CountyClient } from '../../main/host/countyClient.js';
import { HEAD_PATH } from '../../main/county/protocol.js';
import { startStation } from '../helpers/stationProcess.js';
import { CountyFixture } from './countyFixture.js';
import { areaConfig, bootWithCounty, countyCli, enrol, expectStatusMatchesAudit, startCounty, synced, work, writeStationConfig } from './countyProcess.js';

const fx = new CountyFixture('county-resume-');

/** The command line and environment of a running process, as another user of the machine could list them. */
function processText(pid: number | undefined): string {
  if (pid === undefined) throw new Error('no process');
  return ['cmdline', 'environ'].map((f) => readFileSync(`/proc/${pid}/${f}`, 'utf8').replace(/\0/g, ' ')).join('\n');
}

describe('a station killed mid-batch, and the enrolment token', { timeout: 240_000 }, () => {
  it('a station killed while the county writes its batch resumes from the county\'s head: nothing lost, nothing twice', async () => {
    const c = await startCounty(fx.cluster.url, fx.path('county-kill'));
    fx.track(c);
    const token = await enrol(fx.cluster.url, 'skill');
    const dir = fx.path('skill');
    const area = areaConfig('S-01', '城关派出所办案区');
    // A backlog of several batches, made while the county was out of reach.
    const offline = await bootWithCounty(dir, area, { url: 'https://127.0.0.1:9', token, fingerprint: c.fingerprint });
    work(offline, 'S', 50, 40);
    const made = offline.host.station.store.count();
    expect(made).toBeGreaterThan(2000);
    await offline.stop();

    // The county's inserts wait behind a lock of the test's, so the first batch is held mid-write.
    const holder = await fx.client();
    const watcher = await fx.client();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE events IN SHARE MODE');
    const config = writeStationConfig(dir, area, { url: c.url, token, fingerprint: c.fingerprint });
    const child = await startStation(join(dir, 'data'), ['--config', config]);
    fx.track(child);
    const waiting = async (): Promise<boolean> => (await watcher.query(
      `SELECT 1 FROM pg_stat_activity WHERE application_name = 'county' AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO events%'`)).rowCount === 1;
    for (let i = 0; i < 1200 && !(await waiting()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await waiting()).toBe(true);
    // The token it is sending is in no process listing of the station.
    expect(processText(child.child.pid)).not.toContain(token);
    child.child.kill('SIGKILL');
    await once(child.child, 'exit');
    fx.processes.splice(fx.processes.indexOf(child), 1);
    expect(child.stderr()).not.toContain(token);
    await holder.query('ROLLBACK');

    // The county completes the batch whose answer nobody will read.
    const head = async (): Promise<number> => Number((await watcher.query<{ seq: string }>(`SELECT seq FROM stations WHERE id = 'skill'`)).rows[0]?.seq);
    for (let i = 0; i < 600 && (await head()) === 0; i++) await new Promise((r) => setTimeout(r, 50));
    const committed = await head();
    expect(committed).toBeGreaterThan(0);
    expect(committed).toBeLessThan(made);

    // Started again (the same record, the same configuration): it asks the county where to go on.
    const again = await bootWithCounty(dir, area, { url: c.url, token, fingerprint: c.fingerprint });
    fx.stations.push(again);
    await synced(again, 90_000);
    await expectStatusMatchesAudit(fx.cluster.url, ['skill'], [again]);
    const r = await watcher.query<{ n: string; distinct_n: string; lo: string; hi: string }>(
      `SELECT count(*) AS n, count(DISTINCT seq) AS distinct_n, min(seq) AS lo, max(seq) AS hi FROM events WHERE station = 'skill'`);
    // Each start of the station is itself recorded: it holds at least what it made offline.
    const holds = again.host.station.store.count();
    expect(holds).toBeGreaterThan(made);
    expect(r.rows[0]).toEqual({ n: String(holds), distinct_n: String(holds), lo: '1', hi: String(holds) });
    expect((await watcher.query(`SELECT 1 FROM chain_alarms WHERE station = 'skill'`)).rowCount).toBe(0);
    expect(c.stderr()).not.toContain(token);
  });

  it('the enrolment token is kept only as its hash, and appears in no log, error, row or process list', async () => {
    const c = await startCounty(fx.cluster.url, fx.path('county-token'));
    fx.track(c);
    const first = await enrol(fx.cluster.url, 'tok');
    // Enrolled again: a new token; the first one no longer opens anything.
    const r = await countyCli(['enrol', '--pg', fx.cluster.url, '--station', 'tok']);
    const token = (r.lines[0] as { token: string }).token;
    expect(token).toMatch(/^cty_[A-Za-z0-9_-]{43}$/);
    expect(token).not.toBe(first);
    expect(r.stderr).not.toContain(token);
    const stale = new CountyClient({ url: c.url, token: first, fingerprint: c.fingerprint });
    const refused = await stale.call('GET', HEAD_PATH);
    stale.close();
    expect(refused.status).toBe(401);
    expect(JSON.stringify(refused.body)).not.toContain('cty_');

    const lines: string[] = [];
    const s = await bootWithCounty(fx.path('tok'), areaConfig('T-01', '城厢派出所办案区'), { url: c.url, token, fingerprint: c.fingerprint }, (l) => lines.push(l));
    fx.stations.push(s);
    work(s, 'T', 2, 2);
    await synced(s);
    expect(s.host.countyLink?.view().link.state).toBe('synced');

    // The county holds the hash and nothing else of either token: every text column of every table.
    const db = await fx.client();
    expect((await db.query<{ token_hash: string }>(`SELECT token_hash FROM stations WHERE id = 'tok'`)).rows[0]?.token_hash).toBe(tokenHash(token));
    const columns = await db.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text', 'jsonb', 'character varying')`);
    expect(columns.rowCount).toBeGreaterThan(5);
    for (const col of columns.rows) {
      for (const t of [token, first]) {
        const hit = await db.query(`SELECT 1 FROM "${col.table_name}" WHERE "${col.column_name}"::text LIKE '%' || $1 || '%' LIMIT 1`, [t]);
        expect(hit.rowCount, `${col.table_name}.${col.column_name}`).toBe(0);
      }
    }
    // Nor any log: the station's, the county's, PostgreSQL's; nor the county's process listing.
    for (const t of [token, first]) {
      expect(lines.join('\n')).not.toContain(t);
      expect(c.stderr()).not.toContain(t);
      expect(readFileSync(join(fx.cluster.dir, 'server.log'), 'utf8')).not.toContain(t);
      expect(processText(c.child.pid)).not.toContain(t);
    }
  });
});
