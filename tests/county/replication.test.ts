// Replication from stations to the county platform, against a real PostgreSQL: stations push
// through the one start-up path, the county verifies every link, `county status` says what it
// holds, and it matches what each station's own `audit verify` says of its record.
import { rmSync } from 'node:fs';
import { createServer, Socket, type Server } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { BootedStation } from '../../main/host/boot.js';
import { chainHash } from '../../main/core/store/chain.js';
import { WITNESS_FILE } from '../../main/host/headWitness.js';
import { CountyFixture } from './countyFixture.js';
import { areaConfig, auditHead, bootWithCounty, countyStatus, enrol, expectStatusMatchesAudit, linkWhere, startCounty, synced, work, type RunningCounty } from './countyProcess.js';
import { freePort } from './pgCluster.js';

const fx = new CountyFixture('county-repl-');

async function county(dataDir: string, port = 0): Promise<RunningCounty> {
  return fx.track(await startCounty(fx.cluster.url, fx.path(dataDir), port));
}

async function station(dir: string, area: Record<string, unknown>, c: { url: string; fingerprint: string }, token: string): Promise<BootedStation> {
  const b = await bootWithCounty(fx.path(dir), area, { url: c.url, token, fingerprint: c.fingerprint });
  fx.stations.push(b);
  return b;
}

describe('replication to the county', { timeout: 240_000 }, () => {
  it('two stations replicate, and `status` says what each one\'s own audit says', async () => {
    const c = await county('two');
    const a = await station('two-a', areaConfig('A-01', '城东派出所办案区'), c, await enrol(fx.cluster.url, 'two-a'));
    const b = await station('two-b', areaConfig('B-01', '城西派出所办案区'), c, await enrol(fx.cluster.url, 'two-b'));
    work(a, 'A', 3, 4);
    work(b, 'B', 5, 2);
    await Promise.all([synced(a), synced(b)]);
    expect(a.host.station.store.count()).toBeGreaterThan(15);
    await expectStatusMatchesAudit(fx.cluster.url, ['two-a', 'two-b'], [a, b]);
    expect(a.host.countyLink?.view()).toMatchObject({ link: { state: 'synced' }, ackSeq: a.host.station.store.count() });
  });

  it('a county killed in the middle of a batch loses and repeats nothing once it is back', async () => {
    const port = await freePort();
    let c = await county('kill', port);
    const token = await enrol(fx.cluster.url, 'kill');
    // The record first, then the link: the backlog goes in several batches.
    const dir = fx.path('kill-st');
    const first = await bootWithCounty(dir, areaConfig('K-01', '城南派出所办案区'), { url: 'https://127.0.0.1:9', token, fingerprint: c.fingerprint });
    work(first, 'K', 60, 40);
    const events = first.host.station.store.count();
    expect(events).toBeGreaterThan(2000);
    await first.stop();

    // Hold every insert into the county's events: the first batch waits inside its transaction.
    const holder = await fx.client();
    const watcher = await fx.client();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE events IN SHARE MODE');
    const s = await station('kill-st', areaConfig('K-01', '城南派出所办案区'), c, token);
    // Outside any transaction: pg_stat_activity is read afresh each time.
    const waiting = async (): Promise<boolean> => (await watcher.query(
      `SELECT 1 FROM pg_stat_activity WHERE application_name = 'county' AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO events%'`)).rowCount === 1;
    for (let i = 0; i < 1200 && !(await waiting()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await waiting()).toBe(true);
    await c.kill();
    fx.processes.splice(fx.processes.indexOf(c), 1);
    await holder.query('ROLLBACK');
    // Nothing of the cut batch was kept.
    expect((await countyStatus(fx.cluster.url)).find((x) => x.station === 'kill')?.seq).toBe(0);

    c = await county('kill', port);
    await synced(s, 60_000);
    await expectStatusMatchesAudit(fx.cluster.url, ['kill'], [s]);
    const check = await fx.client();
    const r = await check.query<{ n: string; distinct_n: string; lo: string; hi: string }>(
      `SELECT count(*) AS n, count(DISTINCT seq) AS distinct_n, min(seq) AS lo, max(seq) AS hi FROM events WHERE station = 'kill'`);
    const persons = await check.query<{ n: string }>(`SELECT count(*) AS n FROM persons WHERE station = 'kill'`);
    const held = s.host.station.store.count();
    expect(held).toBeGreaterThanOrEqual(events);
    expect(r.rows[0]).toEqual({ n: String(held), distinct_n: String(held), lo: '1', hi: String(held) });
    expect(Number(persons.rows[0]?.n)).toBe(60);
  });

  it('a network cut (the county\'s port closed) and restored: the station catches up', async () => {
    const c = await county('cut');
    const target = new URL(c.url);
    const port = await freePort();
    // A TCP relay the test can close and open again on the same port.
    const sockets = new Set<Socket>();
    let relay: Server | null = null;
    const openRelay = (): Promise<void> => new Promise((resolve) => {
      relay = createServer((inbound) => {
        const outbound = new Socket();
        outbound.connect(Number(target.port), '127.0.0.1');
        for (const s of [inbound, outbound]) { sockets.add(s); s.on('close', () => sockets.delete(s)); s.on('error', () => undefined); }
        inbound.pipe(outbound).pipe(inbound);
      });
      relay.listen(port, '127.0.0.1', resolve);
    });
    const closeRelay = (): Promise<void> => new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      relay?.close(() => resolve());
    });
    await openRelay();
    const s = await station('cut-st', areaConfig('C-01', '城北派出所办案区'), { url: `https://127.0.0.1:${port}`, fingerprint: c.fingerprint }, await enrol(fx.cluster.url, 'cut'));
    work(s, 'C', 2, 3);
    await synced(s);
    await closeRelay();
    work(s, 'D', 4, 5);
    await linkWhere(s, (v) => v.link.state === 'offline');
    expect(s.host.countyLink?.view().link.state).toBe('offline');
    expect((await countyStatus(fx.cluster.url)).find((x) => x.station === 'cut')?.seq).toBeLessThan(s.host.station.store.count());
    await openRelay();
    await synced(s, 90_000);
    await expectStatusMatchesAudit(fx.cluster.url, ['cut'], [s]);
    await closeRelay();
  });

  it('a record rewritten at the station (an event edited, every later hash recomputed) is a fork, and the county keeps its copy', async () => {
    const c = await county('fork');
    const token = await enrol(fx.cluster.url, 'fork');
    const dir = fx.path('fork-st');
    const s = await station('fork-st', areaConfig('F-01', '城中派出所办案区'), c, token);
    work(s, 'F', 3, 3);
    await synced(s);
    const original = await auditHead(s.record.path);
    await s.stop();
    fx.stations.splice(fx.stations.indexOf(s), 1);

    // The attacker: edits the second person's name and recomputes every hash after it, removing
    // the head witness that would give it away at the station.
    const db = new Database(s.record.path);
    db.exec('DROP TRIGGER events_append_only_update');
    const rows = db.prepare('SELECT seq, at, type, actor, payload, prev_hash, hash FROM events ORDER BY seq').all() as
      { seq: number; at: number; type: string; actor: string; payload: string; prev_hash: string; hash: string }[];
    const target = rows.find((r) => r.type === 'person.enter' && r.payload.includes('"F-2"'));
    expect(target).toBeDefined();
    let prev = '';
    const update = db.prepare('UPDATE events SET payload = ?, prev_hash = ?, hash = ? WHERE seq = ?');
    for (const r of rows) {
      if (r.seq < (target?.seq ?? 0)) { prev = r.hash; continue; }
      const payload = r.seq === target?.seq ? r.payload.replace('证人F2', '别人') : r.payload;
      const hash = chainHash(prev, { ...r, payload });
      update.run(payload, prev, hash, r.seq);
      prev = hash;
    }
    db.close();
    rmSync(join(dir, 'data', WITNESS_FILE), { force: true });

    const again = await station('fork-st', areaConfig('F-01', '城中派出所办案区'), c, token);
    const refused = await linkWhere(again, (v) => v.link.state === 'refused');
    expect(refused.link).toMatchObject({ state: 'refused', reason: expect.stringContaining('记录分叉') });
    const line = (await countyStatus(fx.cluster.url)).find((x) => x.station === 'fork');
    expect(line).toMatchObject({ seq: original.events, head: original.headHash, verified: false });
    const check = await fx.client();
    const alarms = await check.query<{ kind: string; detail: string }>(`SELECT kind, detail FROM chain_alarms WHERE station = 'fork'`);
    const kept = await check.query<{ payload: string }>(`SELECT payload FROM events WHERE station = 'fork' AND seq = $1`, [target?.seq]);
    expect(alarms.rows).toEqual([expect.objectContaining({ kind: 'fork', detail: expect.stringContaining('记录分叉') })]);
    expect(kept.rows[0]?.payload).toContain('证人F2');
  });
});
