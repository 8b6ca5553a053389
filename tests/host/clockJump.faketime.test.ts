// The real headless station under libfaketime (Debian `faketime`), its wall clock moved while it
// runs (FAKETIME_TIMESTAMP_FILE read at every call) and its monotonic clock left real: a day ahead
// for two seconds and back, then a day behind and back, while an interrogation runs. Each jump is
// recorded; signing in and the running session survive; an interrogation started in a room
// without a camera after each jump raises its alarm within grace + 1 s; no time-limit, meal or
// overstay alarm is written; the record stays non-decreasing.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubmitResponse } from '../../common/api.js';
import type { ChangeNotice } from '../../common/views.js';
import { openDb } from '../../main/core/store/db.js';
import { rowToEvent } from '../../main/core/store/eventStore.js';
import { EXAMPLE_AREA } from '../../main/host/exampleArea.js';
import { openStream, type SseStream } from '../helpers/sseStream.js';
import { startStation, type RunningStation } from '../helpers/stationProcess.js';

const LIBFAKETIME = ['x86_64-linux-gnu', 'aarch64-linux-gnu', ''].map((arch) => join('/usr/lib', arch, 'faketime/libfaketime.so.1')).find(existsSync);
const DAY = 86_400_000;
const GRACE_MS = 3000;
const TIME_RULES = ['no_meal', 'time_limit_warning', 'time_limit_exceeded', 'overstay'];

const dir = mkdtempSync(join(tmpdir(), 'station-faketime-'));
const fakeFile = join(dir, 'faketime');
let st: RunningStation;
let live: SseStream;

beforeAll(async () => {
  if (!LIBFAKETIME) throw new Error('libfaketime is not installed (Debian package faketime)');
  writeFileSync(fakeFile, '+0\n');
  const config = join(dir, 'station.json');
  // INT2 has no camera; the grace is short so that the test is.
  writeFileSync(config, JSON.stringify({ area: { ...EXAMPLE_AREA, cameras: (EXAMPLE_AREA.cameras ?? []).filter((c) => c.room !== 'INT2'), settings: { recordingGraceSeconds: GRACE_MS / 1000 } } }));
  st = await startStation(join(dir, 'data'), ['--config', config], {
    LD_PRELOAD: LIBFAKETIME, FAKETIME_TIMESTAMP_FILE: fakeFile, FAKETIME_NO_CACHE: '1', FAKETIME_DONT_FAKE_MONOTONIC: '1',
  });
  const setup = await st.call<{ ok: boolean }>('setup', { officerId: 'A001', name: '值班所长', gender: 'male', password: 'station2026' });
  expect(setup.body.ok, st.stderr()).toBe(true);
  live = openStream(st.url, st.cookie());
  expect(await live.status).toBe(200);
}, 120_000);

afterAll(async () => {
  live.close();
  await st.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The next change notice that satisfies `match`, within `ms`. */
async function notice(match: (n: ChangeNotice) => boolean, ms: number, what: string): Promise<ChangeNotice> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms); });
  const found = (async () => {
    for (;;) {
      const { value } = await live.notices.next();
      const n = value as { event: string; data: ChangeNotice };
      if (n.event === 'change' && match(n.data)) return n.data;
    }
  })();
  try {
    return await Promise.race([found, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const clockJump = (n: ChangeNotice): boolean => n.types.includes('clock.jump');

async function submit(command: Record<string, unknown>): Promise<number> {
  const r = await st.call<SubmitResponse>('submit', { command });
  if (!r.body.ok) throw new Error(`${String(command.type)} refused: ${r.body.rejection.message}`);
  return r.body.at;
}

async function setWallClock(offset: string): Promise<void> {
  const seen = notice(clockJump, 5000, `the clock jump to ${offset}`);
  writeFileSync(fakeFile, `${offset}\n`);
  await seen;
}

/** Starts an interrogation in INT2 (no camera) and measures how long its alarm takes to rise. */
async function unrecordedInterrogation(person: string, session: string): Promise<number> {
  await submit({ type: 'person.enter', person: { id: person, name: `嫌疑人${person}`, gender: 'male', birthDate: '1990-01-01', role: 'suspect', basis: 'criminal_summons' } });
  await submit({ type: 'security.check', personId: person, checkers: ['E001'] });
  const raised = notice((n) => n.alarms.some((a) => a.rule === 'unrecorded_interrogation' && a.subject === 'room:INT2' && a.resolvedAt === null), GRACE_MS + 3000, 'unrecorded_interrogation in INT2');
  const started = performance.now();
  await submit({ type: 'session.start', sessionId: session, room: 'INT2', personId: person, kind: 'interrogation', officers: ['E001', 'E003'] });
  await raised;
  return performance.now() - started;
}

describe.skipIf(process.platform !== 'linux')('the real station under faketime', () => {
  it('a day ahead for two seconds and back, then a day behind and back, with an interrogation running', async () => {
    await submit({ type: 'person.enter', person: { id: 'P1', name: '张某', gender: 'male', birthDate: '1988-08-08', role: 'suspect', basis: 'criminal_summons' } });
    await submit({ type: 'security.check', personId: 'P1', checkers: ['E001'] });
    await submit({ type: 'session.start', sessionId: 'S1', room: 'INT1', personId: 'P1', kind: 'interrogation', officers: ['E001', 'E003'] });

    const jumpedAt = performance.now();
    await setWallClock('+1d');
    // While the wall clock is a day ahead: still signed in, and a command is stamped with real time.
    expect((await st.call('session')).body).not.toBeNull();
    expect(Math.abs(await submit({ type: 'care.rest', personId: 'P1', note: '时钟超前期间' }) - Date.now())).toBeLessThan(5000);
    // The wall clock stays wrong for two seconds: that is the attack, not a wait for the station.
    await new Promise((r) => setTimeout(r, Math.max(0, 2000 - (performance.now() - jumpedAt))));
    await setWallClock('+0');
    const afterForward = await unrecordedInterrogation('P2', 'S2');
    expect(afterForward).toBeLessThanOrEqual(GRACE_MS + 1000);

    await setWallClock('-1d');
    expect((await st.call('session')).body).not.toBeNull();
    expect(Math.abs(await submit({ type: 'care.rest', personId: 'P1', note: '时钟滞后期间' }) - Date.now())).toBeLessThan(5000);
    await setWallClock('+0');
    await submit({ type: 'session.end', sessionId: 'S2' });
    await submit({ type: 'person.move', who: 'P2', room: 'W1' });
    const afterBack = await unrecordedInterrogation('P3', 'S3');
    expect(afterBack).toBeLessThanOrEqual(GRACE_MS + 1000);
    process.stdout.write(`faketime: unrecorded_interrogation rose ${Math.round(afterForward)} ms and ${Math.round(afterBack)} ms after the session start (grace ${GRACE_MS} ms)\n`);
    expect((await st.call('session')).body).not.toBeNull();

    await st.stop();
    const db = openDb(join(dir, 'data', 'station.db'), { readonly: true });
    try {
      const events = (db.prepare('SELECT seq, at, type, actor, payload FROM events ORDER BY seq').all() as { seq: number; at: number; type: string; actor: string; payload: string }[]).map(rowToEvent);
      for (let i = 1; i < events.length; i++) expect(events[i]?.at).toBeGreaterThanOrEqual(events[i - 1]?.at ?? 0);
      const jumps = events.flatMap((e) => (e.type === 'clock.jump' ? [e.payload.wallAfter - e.payload.wallBefore] : []));
      expect(jumps.map((d) => Math.round(d / DAY))).toEqual([1, -1, -1, 1]);
      expect(events.filter((e) => e.type === 'clock.adjust')).toEqual([]);
      const alarms = events.flatMap((e) => (e.type === 'alarm.raised' ? [e.payload.rule] : []));
      expect(alarms.filter((r) => TIME_RULES.includes(r))).toEqual([]);
      expect(db.prepare('SELECT ended_at FROM sessions WHERE id = ?').get('S1')).toEqual({ ended_at: null });
    } finally {
      db.close();
    }
  }, 120_000);
});
