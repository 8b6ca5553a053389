// The live station's cost per event with an area full: 40 rooms, 40 officers and 300 persons
// present, then wristband reads that each move someone, one command at a time as the readers
// report them. Each is timed from submit to return: the deadlines due, the decision, the state,
// the rules, and (where there is one) the record with its projections in one transaction.
// - live_event_*: the station core alone (decision, state, rules), on a station that keeps no
//   record: the cost this area's size could make grow;
// - live_recorded_event_*: the same on the station's database file with its pragmas, but without
//   waiting for the disk (synchronous=OFF): the core and its SQLite writes;
// - live_durable_event_*: as the station runs (synchronous=FULL): each command then also waits
//   for its fsync, which is the disk's figure, not the station's.
//   npx tsx bench/live.ts   prints the JSON
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../hardware/rfid/sim/random.js';
import { ScratchStation, Station } from '../main/core/station.js';
import type { StationCore } from '../main/core/stationCore.js';
import { openDb } from '../main/core/store/db.js';
import { moveDayRooms } from './moveDay.js';

const PERSONS = 300;
const OFFICERS = 40;
const MOVES = 20_000;
const DURABLE_MOVES = 1_000;

interface Timed { readonly p50: number; readonly p99: number; readonly max: number }

function percentiles(ns: number[]): Timed {
  const s = Float64Array.from(ns).sort();
  const at = (p: number): number => Number(((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0) / 1e6).toFixed(4));
  return { p50: at(0.5), p99: at(0.99), max: at(1) };
}

/** A station on a fresh file with the area full; then `moves` timed reads, each moving someone. */
function run(dir: string, synchronous: 'none' | 'OFF' | 'FULL', moves: number): { timed: Timed; present: number } {
  const db = synchronous === 'none' ? null : openDb(join(dir, `live-${synchronous}.db`));
  db?.pragma(`synchronous = ${synchronous}`);
  let t = Date.UTC(2026, 2, 2, 0, 0, 0);
  const options = { now: () => t, offsetAt: () => 480 };
  const station: StationCore = db ? new Station(db, options) : new ScratchStation(options);
  const submit = (command: Record<string, unknown>): void => {
    const r = station.submit(command, { actor: 'E001' });
    if (!r.ok) throw new Error(`${String(command.type)}: ${r.rejection.message}`);
  };
  const rooms = moveDayRooms();
  const cameras = rooms.filter((r) => ['interrogation', 'inquiry', 'identification'].includes(r.kind)).map((r) => ({ id: `CAM-${r.id}`, room: r.id }));
  const officers = Array.from({ length: OFFICERS }, (_, i) => ({ id: `O${i + 1}`, name: `民警${i + 1}`, gender: i % 4 === 0 ? 'female' : 'male', tag: `TO${i + 1}` }));
  submit({ type: 'area.configure', area: { id: 'BENCH', name: '性能测试办案区' }, rooms, readers: rooms.map((r) => ({ id: `RD-${r.id}`, room: r.id, role: 'room' })), cameras, officers });
  for (const c of cameras) submit({ type: 'camera.status', camera: c.id, online: true, recording: true });
  const rand = seededRandom(20260302);
  const below = (n: number): number => Math.floor(rand() * n);
  const tags = officers.map((o) => o.tag);
  const where = new Map<string, number>();
  const place = (tag: string): Record<string, unknown> => {
    let to = below(rooms.length - 1);
    if (to >= (where.get(tag) ?? rooms.length)) to += 1;
    where.set(tag, to);
    return { type: 'tag.read', reader: `RD-${rooms[to]?.id ?? 'REG'}`, tag };
  };
  for (let i = 0; i < PERSONS; i++) {
    t += 1000;
    const id = `P${i + 1}`;
    const female = i % 4 === 0;
    submit({ type: 'person.enter', person: { id, name: `人员${i + 1}`, gender: female ? 'female' : 'male', birthDate: '1990-01-01', role: 'suspect', caseNo: `C${i % 120}`, basis: 'interrogation_stop', tag: `TP${i + 1}` } });
    submit({ type: 'security.check', personId: id, checkers: [female ? 'O1' : 'O2'] });
    tags.push(`TP${i + 1}`);
    submit(place(`TP${i + 1}`));
  }
  for (const o of officers) submit(place(o.tag));
  const present = [...station.state.index.places.values()].reduce((n, o) => n + o.persons.length, 0);

  const ns: number[] = [];
  for (let i = 0; i < moves; i++) {
    t += 250;
    const command = place(tags[below(tags.length)] ?? 'TP1');
    const t0 = process.hrtime.bigint();
    const r = station.submit(command, { actor: 'device:reader' });
    ns.push(Number(process.hrtime.bigint() - t0));
    if (!r.ok) throw new Error(`tag.read: ${r.rejection.message}`);
  }
  db?.close();
  return { timed: percentiles(ns), present };
}

export async function benchLive(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-live-'));
  try {
    const core = run(dir, 'none', MOVES);
    const recorded = run(dir, 'OFF', MOVES);
    const durable = run(dir, 'FULL', DURABLE_MOVES);
    return {
      live_persons_present: core.present,
      live_events: MOVES,
      live_event_p50_ms: core.timed.p50,
      live_event_p99_ms: core.timed.p99,
      live_event_max_ms: core.timed.max,
      live_recorded_event_p50_ms: recorded.timed.p50,
      live_recorded_event_p99_ms: recorded.timed.p99,
      live_durable_events: DURABLE_MOVES,
      live_durable_event_p50_ms: durable.timed.p50,
      live_durable_event_p99_ms: durable.timed.p99,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('live.ts')) console.log(JSON.stringify(await benchLive()));
