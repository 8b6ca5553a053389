// The station as a whole: what reopening rebuilds, what a failed write leaves, what each command
// puts into the projections.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionView, type SessionRow } from '../../main/api/queries/rows.js';
import { openDb } from '../../main/core/store/db.js';
import { Station } from '../../main/core/station.js';
import { AREA, SUSPECT, T0 } from '../helpers/station.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'station-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function open(clock: { t: number }) {
  const db = openDb(join(dir, 's.db'));
  return { db, station: new Station(db, { now: () => clock.t, offsetAt: () => 480 }) };
}

const snapshot = (st: Station) => JSON.stringify({
  persons: [...st.state.persons.values()], presence: [...st.state.presence], alarms: [...st.state.alarms.values()],
  active: [...st.state.activeAlarms], sessions: [...st.state.sessions.values()].map((x) => ({ ...x, officers: [...x.officers] })),
  next: st.nextDeadline,
});

describe('Station', () => {
  it('rebuilds the same state and pending deadlines after reopening', () => {
    const clock = { t: T0 };
    const a = open(clock);
    const sub = (s: number, c: Record<string, unknown>) => { clock.t = T0 + s * 1000; return a.station.submit(c, { actor: 'O1' }); };
    sub(0, AREA);
    sub(10, SUSPECT('P1'));
    sub(20, { type: 'tag.read', reader: 'RD-W1', tag: 'T-P1' });
    sub(30, { type: 'session.start', sessionId: 'S1', room: 'INT1', personId: 'P1', kind: 'interrogation', officers: ['O1'] });
    sub(35, { type: 'camera.status', camera: 'CAM-INT1', online: true, recording: true });
    const before = snapshot(a.station);
    expect(a.station.state.activeAlarms.size).toBeGreaterThan(0);
    a.db.close();

    const b = open(clock);
    expect(snapshot(b.station)).toBe(before);
    // The grace of insufficient_officers (60 s from 30 s) is still counted from 30 s.
    b.station.advanceTo(T0 + 89_000);
    expect([...b.station.state.activeAlarms.keys()]).not.toContain('insufficient_officers|session:S1');
    b.station.advanceTo(T0 + 90_000);
    expect([...b.station.state.activeAlarms.keys()]).toContain('insufficient_officers|session:S1');
    b.db.close();
  });

  it('refuses a command whose write fails and keeps memory equal to the disk', () => {
    const clock = { t: T0 };
    const a = open(clock);
    a.station.submit(AREA, { actor: 'system' });
    a.station.submit(SUSPECT('P1'), { actor: 'O1' });
    const before = snapshot(a.station);
    const count = a.station.store.count();
    // Make the projection write fail inside the transaction.
    a.db.exec('DROP TABLE care_events');
    const r = a.station.submit({ type: 'care.meal', personId: 'P1' }, { actor: 'O1' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.rejection.code).toBe('STORE_FAILED');
    expect(a.station.store.count()).toBe(count);
    expect(snapshot(a.station)).toBe(before);
    expect(a.station.state.persons.get('P1')?.lastMealAt).toBeNull();
    a.db.close();
  });

  it('does not record reads that change nothing', () => {
    const clock = { t: T0 };
    const a = open(clock);
    a.station.submit(AREA, { actor: 'system' });
    a.station.submit(SUSPECT('P1'), { actor: 'O1' });
    a.station.submit({ type: 'tag.read', reader: 'RD-W1', tag: 'T-P1' }, { actor: 'device:RD-W1' });
    const count = a.station.store.count();
    for (let i = 0; i < 5; i++) expect(a.station.submit({ type: 'tag.read', reader: 'RD-W1', tag: 'T-P1' }, { actor: 'device:RD-W1' }).ok).toBe(true);
    expect(a.station.store.count()).toBe(count);
    a.station.submit({ type: 'tag.read', reader: 'RD-W2', tag: 'T-P1' }, { actor: 'device:RD-W2' });
    expect(a.station.store.count()).toBeGreaterThan(count);
    a.db.close();
  });

  it('records the acting officer and keeps the clock monotonic', () => {
    const clock = { t: T0 + 5000 };
    const a = open(clock);
    a.station.submit(AREA, { actor: 'system' });
    clock.t = T0; // the system clock was set back
    const r = a.station.submit(SUSPECT('P1'), { actor: 'O2' });
    expect(r.ok && r.events[0]?.actor).toBe('O2');
    expect(r.at).toBe(T0 + 5000);
    a.db.close();
  });

  it('keeps whether a session was started on confirmation in an unrecorded room', () => {
    const clock = { t: T0 };
    const a = open(clock);
    const sub = (c: Record<string, unknown>) => a.station.submit(c, { actor: 'O1' });
    sub(AREA);
    sub(SUSPECT('P1'));
    sub(SUSPECT('P2'));
    expect(sub({ type: 'session.start', sessionId: 'S1', room: 'INT1', personId: 'P1', kind: 'interrogation', officers: ['O1', 'O3'], confirmedUnrecorded: true }).ok).toBe(true);
    expect(sub({ type: 'session.start', sessionId: 'S2', room: 'INQ1', personId: 'P2', kind: 'inquiry', officers: ['O2', 'O3'] }).ok).toBe(true);
    const rows = a.db.prepare('SELECT * FROM sessions ORDER BY id').all() as SessionRow[];
    expect(rows.map((r) => [r.id, sessionView(r).confirmedUnrecorded])).toEqual([['S1', true], ['S2', false]]);
    expect(JSON.parse(a.db.prepare("SELECT payload FROM events WHERE type = 'session.start' ORDER BY seq LIMIT 1").pluck().get() as string)).toMatchObject({ confirmedUnrecorded: true });
    a.db.close();
  });

  it('keeps the projections in step: entry, search, belongings, exit', () => {
    const clock = { t: T0 };
    const a = open(clock);
    const sub = (c: Record<string, unknown>) => a.station.submit(c, { actor: 'O1' });
    sub(AREA);
    sub(SUSPECT('P1', { idNumber: '11010519491231002x' }));
    sub({ type: 'security.check', personId: 'P1', checkers: ['O1', 'O3'], findings: { injuries: [{ location: '左臂', description: '擦伤' }] } });
    sub({ type: 'belongings.store', personId: 'P1', items: [{ name: '手机', quantity: 1, features: '黑色' }, { name: '钥匙', quantity: 3 }], locker: 'L-07' });
    sub({ type: 'info.collect', personId: 'P1', items: ['fingerprint', 'portrait'], stored: true });
    sub({ type: 'info.collect', personId: 'P1', items: ['urine'] });
    const exit = sub({ type: 'person.exit', personId: 'P1', destination: 'bail', belongings: [{ item: 'P1-1', disposition: 'transferred', note: '移交技术室' }], belongingsReturned: true });
    expect(exit.ok).toBe(true);
    const rec = a.db.prepare('SELECT id_number, status, destination, deadline_at - entered_at AS limit_ms FROM custody_records').get();
    expect(rec).toEqual({ id_number: '11010519491231002X', status: 'exited', destination: 'bail', limit_ms: 12 * 3_600_000 });
    expect(a.db.prepare('SELECT id, locker, disposition, note FROM belongings_items ORDER BY id').all()).toEqual([
      { id: 'P1-1', locker: 'L-07', disposition: 'transferred', note: '移交技术室' },
      { id: 'P1-2', locker: 'L-07', disposition: 'returned', note: null },
    ]);
    expect(a.db.prepare('SELECT item, stored FROM info_collections ORDER BY item').all()).toEqual([{ item: 'fingerprint', stored: 1 }, { item: 'portrait', stored: 1 }, { item: 'urine', stored: null }]);
    expect(JSON.parse((a.db.prepare('SELECT findings FROM security_checks').get() as { findings: string }).findings)).toEqual({ injuries: [{ location: '左臂', description: '擦伤' }] });
    a.db.close();
  });
});
