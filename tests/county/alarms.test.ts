// The county's check of each push against what it holds, over its real ingest API and PostgreSQL:
// a gap, a broken hash and a fork (a changed hash for a seq it already holds) are each refused with
// the reason, recorded once as a county alarm for that station, and the county's copy stays exactly
// as it was — neither the alarm nor a held event can be changed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainHash, GENESIS_HASH } from '../../main/core/store/chain.js';
import { PUSH_PATH, type PushEvent, type PushRefusal } from '../../main/county/protocol.js';
import { CountyClient } from '../../main/host/countyClient.js';
import { areaConfig, bootWithCounty, countyStatus, enrol, startCounty, work, type RunningCounty } from './countyProcess.js';
import { startPgCluster, type PgCluster } from './pgCluster.js';

let cluster: PgCluster;
let root: string;
let county: RunningCounty;
let db: pg.Client;
/** A real station record (its events as the station would push them). */
let record: PushEvent[];
const clients: CountyClient[] = [];

beforeAll(async () => {
  cluster = await startPgCluster({ fast: true });
  root = mkdtempSync(join(tmpdir(), 'county-alarms-'));
  county = await startCounty(cluster.url, join(root, 'county'));
  db = new pg.Client({ connectionString: cluster.url });
  await db.connect();
  // The station never reaches a county here (port 9 is closed): it only makes its record.
  const s = await bootWithCounty(join(root, 'st'), areaConfig('G-01', '城郊派出所办案区'), { url: 'https://127.0.0.1:9', token: 'cty_unused', fingerprint: county.fingerprint });
  work(s, 'G', 3, 3);
  const path = s.record.path;
  await s.stop();
  const sqlite = new Database(path, { readonly: true });
  record = (sqlite.prepare('SELECT seq, at, type, actor, payload, prev_hash AS prevHash, hash FROM events ORDER BY seq').all() as PushEvent[]);
  sqlite.close();
}, 180_000);

afterAll(async () => {
  for (const c of clients) c.close();
  await db?.end().catch(() => undefined);
  await county?.stop();
  cluster?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** A newly enrolled station's pinned connection to the county. */
async function enrolled(station: string): Promise<CountyClient> {
  const c = new CountyClient({ url: county.url, token: await enrol(cluster.url, station), fingerprint: county.fingerprint });
  clients.push(c);
  return c;
}

/** Pushes `events`, the station saying its record ends at the last of them. */
async function push(c: CountyClient, events: readonly PushEvent[], head = events.at(-1)): Promise<{ status: number; body: unknown }> {
  const r = await c.call('POST', PUSH_PATH, { head: { seq: head?.seq ?? 0, hash: head?.hash ?? GENESIS_HASH }, events });
  return { status: r.status, body: r.body };
}

const ev = (seq: number): PushEvent => {
  const e = record[seq - 1];
  if (!e) throw new Error(`the record has no event ${seq}`);
  return e;
};
const range = (from: number, to: number): PushEvent[] => record.slice(from - 1, to);

async function held(station: string): Promise<{ seq: number; payload: string; hash: string }[]> {
  const r = await db.query<{ seq: string; payload: string; hash: string }>('SELECT seq, payload, hash FROM events WHERE station = $1 ORDER BY seq', [station]);
  return r.rows.map((x) => ({ seq: Number(x.seq), payload: x.payload, hash: x.hash }));
}

async function alarms(station: string): Promise<{ kind: string; seq: number; held_hash: string | null; received_hash: string }[]> {
  const r = await db.query<{ kind: string; seq: string; held_hash: string | null; received_hash: string }>(
    'SELECT kind, seq, held_hash, received_hash FROM chain_alarms WHERE station = $1 ORDER BY id', [station]);
  return r.rows.map((x) => ({ ...x, seq: Number(x.seq) }));
}

const asHeld = (events: readonly PushEvent[]) => events.map((e) => ({ seq: e.seq, payload: e.payload, hash: e.hash }));

async function statusOf(station: string) {
  return (await countyStatus(cluster.url)).find((s) => s.station === station);
}

/** Neither an alarm nor a held event of `station` can be changed or removed. */
async function expectUnchangeable(station: string): Promise<void> {
  for (const sql of [
    `UPDATE chain_alarms SET detail = 'x' WHERE station = '${station}'`, `DELETE FROM chain_alarms WHERE station = '${station}'`,
    `UPDATE events SET payload = '{}' WHERE station = '${station}'`, `DELETE FROM events WHERE station = '${station}'`,
  ]) await expect(db.query(sql), sql).rejects.toThrow();
}

describe('county alarms on a station\'s chain', { timeout: 120_000 }, () => {
  it('the record is long enough to cut', () => {
    expect(record.length).toBeGreaterThan(12);
    expect(record[0]?.prevHash).toBe(GENESIS_HASH);
  });

  it('a gap: what came before it is kept, the rest refused, one alarm', async () => {
    const c = await enrolled('gap');
    expect((await push(c, range(1, 5))).status).toBe(200);
    const r = await push(c, [ev(6), ...range(8, 10)]);
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ code: 'GAP', seq: 6, hash: ev(6).hash } satisfies Partial<PushRefusal>);
    expect(await held('gap')).toEqual(asHeld(range(1, 6)));
    expect(await alarms('gap')).toEqual([expect.objectContaining({ kind: 'gap', seq: 7 })]);
    // The same gap again: the alarm is not written twice, nothing past the gap is taken.
    expect((await push(c, range(8, 10))).status).toBe(409);
    expect(await alarms('gap')).toHaveLength(1);
    expect(await held('gap')).toEqual(asHeld(range(1, 6)));
    expect(await statusOf('gap')).toMatchObject({ seq: 6, head: ev(6).hash, verified: false });
    await expectUnchangeable('gap');
  });

  it('a broken hash: an event whose payload no longer gives its hash is refused, with one alarm', async () => {
    const c = await enrolled('broken');
    const edited = { ...ev(3), payload: ev(3).payload.replace(/"G-\d"/, '"X-9"') };
    expect(edited.payload).not.toBe(ev(3).payload);
    const r = await push(c, [ev(1), ev(2), edited, ev(4), ev(5)]);
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ code: 'BROKEN', seq: 2, hash: ev(2).hash });
    expect(await held('broken')).toEqual(asHeld(range(1, 2)));
    expect(await alarms('broken')).toEqual([expect.objectContaining({ kind: 'broken', seq: 3 })]);
    expect(await statusOf('broken')).toMatchObject({ seq: 2, head: ev(2).hash, verified: false });
    await expectUnchangeable('broken');
  });

  it('a fork: a held event sent again with another hash (the record rewritten from it on) is refused, and the county keeps its copy', async () => {
    const c = await enrolled('fork');
    const n = record.length;
    expect((await push(c, range(1, n))).status).toBe(200);
    // The rewrite: one event's payload edited, its hash and every later one recomputed.
    const at = record.findIndex((e) => e.type === 'care.rest') + 1;
    expect(at).toBeGreaterThan(1);
    const rewritten: PushEvent[] = [];
    let prev = ev(at - 1).hash;
    for (const e of range(at, n)) {
      const payload = e.seq === at ? e.payload.replace('休息', '外出') : e.payload;
      const hash = chainHash(prev, { ...e, payload });
      rewritten.push({ ...e, payload, prevHash: prev, hash });
      prev = hash;
    }
    expect(rewritten[0]?.payload).not.toBe(ev(at).payload);
    const r = await push(c, rewritten);
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ code: 'FORK', seq: n, hash: ev(n).hash });
    expect((r.body as PushRefusal).message).toContain('记录分叉');
    expect(await alarms('fork')).toEqual([{ kind: 'fork', seq: at, held_hash: ev(at).hash, received_hash: rewritten[0]?.hash }]);
    expect(await held('fork')).toEqual(asHeld(record));
    // Sent again: still the one alarm, still the county's copy.
    expect((await push(c, rewritten)).status).toBe(409);
    expect(await alarms('fork')).toHaveLength(1);
    expect(await held('fork')).toEqual(asHeld(record));
    expect(await statusOf('fork')).toMatchObject({ seq: n, head: ev(n).hash, verified: false });
    await expectUnchangeable('fork');
  });
});
