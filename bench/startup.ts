// How long a station takes to answer /api/health, from the moment its process is started, on a
// record of over two million events: a move-heavy day (moveDay.ts) replayed into a data folder
// with `npm run replay -- --db`, as a station that has run a busy area for a long time would have.
// - startup_empty_ms: a fresh data folder (what every start costs anyway: Node, the modules, the
//   server);
// - startup_ms: a start on the record after a clean shutdown (the head witness and the snapshot at
//   the head): what a station costs to start at 3 a.m. after a restart. It and the empty start are
//   each the best of three, taken in turn, so that both see the same load on a shared machine;
// - startup_host_ms: of that, the station itself (the record checked, the state read back), timed
//   in this process;
// - startup_first_ms: the first start on the record: no head witness yet, so the whole chain is
//   verified; the state comes from the snapshot the replay left;
// - startup_without_snapshot_ms: a start with the snapshot deleted: the state rebuilt from every
//   event, as before snapshots.
//   npx tsx bench/startup.ts   prints the JSON
import { spawn, execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openDb } from '../main/core/store/db.js';
import { ensureRendererBuilt, REPO_ROOT } from '../main/host/rendererBuild.js';
import { StationHost } from '../main/host/stationHost.js';
import { writeMoveDay } from './moveDay.js';

/** Lines of the replayed day: nearly every one is an event (a move), and alarms come on top. */
const RECORD_LINES = 2_200_000;
const ROUNDS = 3;

interface Start { readonly ms: number; readonly log: string }

/** Starts the headless station on `dataDir`, times it to its first answer of /api/health, stops it cleanly. */
async function timedStart(dataDir: string): Promise<Start> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'main/cli/station.ts'), '--port', '0', '--data', dataDir], {
    cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => { log += d; });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`station exited (${String(code)}) before listening:\n${log}`)));
      createInterface({ input: child.stdout }).on('line', (line) => {
        const msg = /"event":"listening".*"url":"([^"]+)"/.exec(line);
        if (msg?.[1]) resolve(msg[1]);
      });
    });
    for (let i = 0; i < 100; i++) {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return { ms: Math.round(performance.now() - t0), log };
    }
    throw new Error('the station never answered /api/health');
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }
}

function expectSaid(start: Start, pattern: RegExp, what: string): void {
  if (!pattern.test(start.log)) throw new Error(`the station did not say ${what}:\n${start.log}`);
}

export async function benchStartup(): Promise<Record<string, number>> {
  await ensureRendererBuilt(() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'bench-startup-'));
  try {
    const day = join(dir, 'day.jsonl');
    await writeMoveDay(day, { lines: RECORD_LINES, seed: 20261201 });
    const data = join(dir, 'data');
    mkdirSync(data, { mode: 0o700 });
    const record = join(data, 'station.db');
    const built = performance.now();
    execFileSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'main/cli/replay.ts'), day, '--db', record], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    const buildSeconds = (performance.now() - built) / 1000;
    rmSync(day);
    const db = openDb(record, { readonly: true });
    const events = (db.prepare('SELECT max(seq) AS n FROM events').get() as { n: number }).n;
    const snapshotBytes = (db.prepare('SELECT length(body) AS n FROM state_snapshots').get() as { n: number } | undefined)?.n ?? 0;
    db.close();

    const first = await timedStart(data);
    expectSaid(first, /state from the snapshot at event/, 'that it started from the snapshot');
    let empty = Infinity;
    let warm = Infinity;
    let host = Infinity;
    for (let round = 0; round < ROUNDS; round++) {
      empty = Math.min(empty, (await timedStart(join(dir, `empty-${round}`))).ms);
      const start = await timedStart(data);
      expectSaid(start, /state from the snapshot at event \d+; applied the 0 events after it/, 'that it started from the snapshot at the head');
      warm = Math.min(warm, start.ms);
      const t0 = performance.now();
      new StationHost({ dataDir: data, log: () => undefined }).close();
      host = Math.min(host, Math.round(performance.now() - t0));
    }

    const writable = openDb(record);
    writable.prepare('DELETE FROM state_snapshots').run();
    writable.close();
    const cold = await timedStart(data);
    expectSaid(cold, /no state snapshot; rebuilt the state from the whole record/, 'that it rebuilt the state from the whole record');

    return {
      startup_empty_ms: empty,
      startup_record_events: events,
      startup_record_mb: Math.round(statSync(record).size / 1e6),
      startup_record_build_seconds: Math.round(buildSeconds),
      startup_snapshot_kb: Math.round(snapshotBytes / 1000),
      startup_first_ms: first.ms,
      startup_ms: warm,
      startup_host_ms: host,
      startup_without_snapshot_ms: cold.ms,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('startup.ts')) console.log(JSON.stringify(await benchStartup()));
