// Durable command rate (one command per transaction, synchronous=FULL, WAL) against the raw
// better-sqlite3 single-row insert rate with the same pragmas, on the same disk, in one run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDb } from '../main/core/store/db.js';
import { Station } from '../main/core/station.js';
import { EXAMPLE_AREA } from '../main/host/exampleArea.js';

function rate(n: number, run: (i: number) => void): number {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) run(i);
  return n / (Number(process.hrtime.bigint() - t0) / 1e9);
}

export async function benchStore(n = 2000): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-store-'));
  try {
    const raw = new Database(join(dir, 'raw.db'));
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
    raw.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, body TEXT NOT NULL)');
    const insert = raw.prepare('INSERT INTO t (at, body) VALUES (?, ?)');
    const body = JSON.stringify({ personId: 'P1', note: 'x'.repeat(40) });
    rate(50, (i) => insert.run(i, body)); // warm-up
    const rawRate = rate(n, (i) => insert.run(i, body));
    raw.close();

    const db = openDb(join(dir, 'station.db'));
    let t = Date.UTC(2026, 2, 2);
    const station = new Station(db, { now: () => t, offsetAt: () => 480 });
    station.submit({ type: 'area.configure', ...EXAMPLE_AREA }, { actor: 'system' });
    station.submit({ type: 'person.enter', person: { id: 'P1', name: '测试', gender: 'male', birthDate: '1990-01-01', role: 'witness' } }, { actor: 'E001' });
    const command = (i: number) => ({ type: 'care.rest', personId: 'P1', note: `rest ${i} ${'x'.repeat(30)}` });
    rate(50, (i) => { t += 1; station.submit(command(i), { actor: 'E001' }); });
    let refused = 0;
    const stationRate = rate(n, (i) => {
      t += 1;
      if (!station.submit(command(i), { actor: 'E001' }).ok) refused += 1;
    });
    db.close();
    if (refused) throw new Error(`${refused} bench commands were refused`);
    return {
      store_durable_commands_per_s: Math.round(stationRate),
      store_raw_inserts_per_s: Math.round(rawRate),
      store_durable_to_raw_ratio: Number((stationRate / rawRate).toFixed(3)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('store.ts')) console.log(JSON.stringify(await benchStore()));
