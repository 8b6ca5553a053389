// Starting from a snapshot: the state and the engine's memory saved in the record's database,
// checked against the chain, and only the later events applied. Whatever the snapshot, the station
// must end up exactly where a rebuild from the whole record puts it; a snapshot that is missing,
// of another format, not on the chain or damaged is not used, and the log says so.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Station } from '../../main/core/station.js';
import { canonicalJson } from '../../main/core/store/canonical.js';
import { openDb, type Db } from '../../main/core/store/db.js';
import { verifyChain } from '../../main/core/store/verify.js';
import { encodeState, STATE_FORMAT } from '../../main/core/state/stateCodec.js';
import { readLine } from '../../main/replay/lines.js';
import { randomLines } from '../helpers/randomLines.js';
import { AREA, SUSPECT, T0 } from '../helpers/station.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'snapshot-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

interface Opened { readonly db: Db; readonly station: Station; readonly log: string[]; readonly clock: { t: number } }

function open(name = 's.db'): Opened {
  const db = openDb(join(dir, name));
  // What is under test is the state, not the disk: no fsync per command.
  db.pragma('synchronous = OFF');
  const log: string[] = [];
  const clock = { t: T0 };
  const station = new Station(db, { now: () => clock.t, offsetAt: () => 480, log: (line) => log.push(line) });
  return { db, station, log, clock };
}

/** The state in canonical JSON: objects built from a command and from the record list their fields in other orders. */
const picture = (s: Station): string => canonicalJson(encodeState(s.state));

/**
 * Feeds random lines (a busy area with everything happening) to a station; returns the events it
 * recorded, as text.
 */
function feed(o: Opened, seed: number, count: number, skip = 0): string[] {
  const recorded: string[] = [];
  const keep = (events: readonly { seq: number; type: string; payload: unknown }[]): void => {
    for (const e of events) recorded.push(JSON.stringify([e.seq, e.type, e.payload]));
  };
  let n = 0;
  for (const text of randomLines(seed, skip + count)) {
    n += 1;
    if (n <= skip) continue;
    const line = readLine(text);
    if (line.kind !== 'event') continue;
    o.clock.t = Math.max(o.clock.t, line.at.ms);
    keep(o.station.advanceTo(o.clock.t));
    const r = o.station.submit(line.body, { actor: 'replay', at: o.clock.t, offsetMinutes: 480 });
    if (r.ok) keep(r.events);
  }
  return recorded;
}

/** A copy of the record in `name`, without its snapshot: a station there rebuilds from the first event. */
function copyWithoutSnapshot(o: Opened, name: string): Opened {
  o.db.prepare('VACUUM INTO ?').run(join(dir, name));
  const db = openDb(join(dir, name));
  db.prepare('DELETE FROM state_snapshots').run();
  db.close();
  const copy = open(name);
  expect(copy.log).toEqual([expect.stringMatching(/^station: no state snapshot; rebuilt the state from the whole record \(\d+ events\)$/)]);
  copy.clock.t = o.clock.t;
  return copy;
}

/** Two stations that must be one: the same state now, and the same events from the same lines. */
function expectSame(a: Opened, b: Opened, seed: number, skip: number): void {
  expect(picture(a.station)).toBe(picture(b.station));
  expect(feed(a, seed, 1000, skip)).toEqual(feed(b, seed, 1000, skip));
  expect(picture(a.station)).toBe(picture(b.station));
}

describe('start-up from a snapshot', () => {
  it('starts where it stopped, applying only the events after the snapshot', () => {
    const a = open();
    feed(a, 11, 2000);
    a.station.saveSnapshot();
    const at = a.station.store.count();
    feed(a, 11, 500, 2000);
    const later = a.station.store.count() - at;
    const before = picture(a.station);
    a.db.close();

    const b = open();
    expect(b.log).toEqual([`station: state from the snapshot at event ${at}; applied the ${later} events after it`]);
    b.clock.t = a.clock.t;
    expect(picture(b.station)).toBe(before);
    const c = copyWithoutSnapshot(b, 'rebuilt.db');
    expectSame(b, c, 11, 2500);
    b.db.close();
    c.db.close();
  });

  it('goes on as if it had never stopped: a grace under way still counts from its start', () => {
    const a = open();
    const sub = (s: number, c: Record<string, unknown>): void => {
      a.clock.t = T0 + s * 1000;
      const r = a.station.submit(c, { actor: 'O1' });
      if (!r.ok) throw new Error(r.rejection.message);
    };
    sub(0, AREA);
    sub(10, SUSPECT('P1'));
    sub(20, { type: 'tag.read', reader: 'RD-W1', tag: 'T-P1' });
    sub(30, { type: 'session.start', sessionId: 'S1', room: 'INT1', personId: 'P1', kind: 'interrogation', officers: ['O1'] });
    sub(35, { type: 'camera.status', camera: 'CAM-INT1', online: true, recording: true });
    a.station.saveSnapshot();
    a.db.close();

    const b = open();
    expect(b.log[0]).toMatch(/^station: state from the snapshot at event \d+; applied the 0 events after it$/);
    // insufficient_officers holds from 30 s with a grace of 60 s.
    b.station.advanceTo(T0 + 89_000);
    expect([...b.station.state.activeAlarms.keys()]).not.toContain('insufficient_officers|session:S1');
    b.station.advanceTo(T0 + 90_000);
    expect([...b.station.state.activeAlarms.keys()]).toContain('insufficient_officers|session:S1');
    b.db.close();
  });

  const spoilt: [string, string, RegExp][] = [
    ['of another format', 'UPDATE state_snapshots SET format = format - 1', new RegExp(`is of format ${STATE_FORMAT - 1}, this station reads format ${STATE_FORMAT}`)],
    ['taken at an event of another chain', "UPDATE state_snapshots SET hash = '0' || substr(hash, 2)", /is not the one it was taken at \(another hash\)/],
    ['taken beyond the record', 'UPDATE state_snapshots SET seq = seq + 1000', /the record has no event \d+/],
    ['damaged', "UPDATE state_snapshots SET body = replace(body, '\"nextAlarmNo\":', '\"nextAlarmNo\":1')", /does not match its digest \(damaged\)/],
  ];
  for (const [what, sql, why] of spoilt) {
    it(`is not used when it is ${what}: the state is rebuilt from the whole record, and the log says why`, () => {
      const a = open();
      feed(a, 12, 2000);
      a.station.saveSnapshot();
      const before = picture(a.station);
      a.db.exec(sql);
      a.db.close();

      const b = open();
      expect(b.log).toHaveLength(1);
      expect(b.log[0]).toMatch(/^station: the state snapshot at event \d+ is not used: .*; rebuilt the state from the whole record \(\d+ events\)$/);
      expect(b.log[0]).toMatch(why);
      b.clock.t = a.clock.t;
      expect(picture(b.station)).toBe(before);
      b.db.close();
    });
  }

  it('says nothing of snapshots for a fresh record', () => {
    const a = open();
    expect(a.log).toEqual([]);
    a.db.close();
  });

  it('never stands in for the record: the whole chain is still verified, and a changed event is still found', () => {
    const a = open();
    feed(a, 13, 1000);
    a.station.saveSnapshot();
    const events = a.station.store.count();
    expect(verifyChain(a.db)).toMatchObject({ ok: true, events });
    a.db.exec("DROP TRIGGER events_append_only_update; UPDATE events SET actor = 'someone else' WHERE seq = 200");
    expect(verifyChain(a.db)).toMatchObject({ ok: false, brokenSeq: 200 });
    a.db.close();
  });

  it('keeps one snapshot, the latest', () => {
    const a = open();
    feed(a, 14, 500);
    a.station.saveSnapshot();
    feed(a, 14, 500, 500);
    a.station.saveSnapshot();
    expect(a.db.prepare('SELECT seq FROM state_snapshots').all()).toEqual([{ seq: a.station.store.count() }]);
    a.db.close();
  });
});

describe('the snapshot format', () => {
  // A change to the state's shape must come with a new STATE_FORMAT (stateCodec.ts): a station must
  // not read a snapshot whose fields mean something else. When this fails, bump the format and
  // write down the new fields here.
  it(`format ${STATE_FORMAT} holds these fields`, () => {
    const a = open();
    feed(a, 15, 2000);
    const encoded = encodeState(a.station.state);
    a.db.close();
    const keysOf = (list: unknown): string[] => [...new Set((list as [string, object][]).flatMap(([, v]) => Object.keys(v)))].sort();
    expect(STATE_FORMAT).toBe(1);
    expect(Object.keys(encoded).sort()).toEqual([
      'activeAlarms', 'alarms', 'area', 'cameraStatus', 'cameras', 'clockJumps', 'configured', 'deviceStatus', 'lastAt', 'lastSegmentAt',
      'nextAlarmNo', 'officers', 'persons', 'presence', 'readers', 'rooms', 'sessions', 'settings', 'storage', 'tags', 'unknownTags',
    ]);
    expect(keysOf(encoded.persons)).toEqual([
      'activeSession', 'basis', 'birthDate', 'caseNo', 'enteredAt', 'entryDate', 'exited', 'extended', 'gender', 'id', 'idNumber', 'items',
      'lastMealAt', 'leftWithoutExitAt', 'limitHours', 'minor', 'name', 'officers', 'role', 'securityChecked', 'subject', 'tag', 'tempExit',
    ]);
    expect(keysOf(encoded.sessions)).toEqual(['appropriateAdults', 'endedAt', 'id', 'kind', 'officers', 'personId', 'room', 'startedAt']);
    expect(keysOf(encoded.alarms)).toEqual(['ack', 'id', 'raisedAt', 'resolvedAt', 'rule', 'severity', 'subject']);
    expect(keysOf(encoded.rooms)).toEqual(['capacity', 'guardRequired', 'id', 'kind', 'name', 'recordingRequired']);
  });
});
