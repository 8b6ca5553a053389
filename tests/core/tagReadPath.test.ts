// A wristband read taken by submitTagRead (replay's path for reads) must come out exactly as
// submit's: the same answer line for line (events, alarm transitions, refusals), the same events
// told to listeners, and the same deadlines after — on a log that keeps nothing and on a record
// written in batches.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../common/events.js';
import { ScratchStation, Station } from '../../main/core/station.js';
import type { StationCore, SubmitResult } from '../../main/core/stationCore.js';
import { openDb } from '../../main/core/store/db.js';
import { readLine } from '../../main/replay/lines.js';
import { randomLines } from '../helpers/randomLines.js';

const dir = mkdtempSync(join(tmpdir(), 'tag-read-path-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Reads the station refuses or that are not reads of the simple shape, among the good ones. */
function withOddReads(lines: Iterable<string>): string[] {
  const out: string[] = [];
  let n = 0;
  for (const text of lines) {
    out.push(text);
    n += 1;
    if (n % 97 !== 0) continue;
    const at = (JSON.parse(text) as { at: string }).at;
    const odd = [
      { reader: '', tag: 'TP1' }, { reader: 'RD-R1', tag: 'TP1', rssi: 'strong' }, { reader: 'RD-NONE', tag: 'TO1' },
      { reader: 'RD-R1', tag: 'TO1', antenna: 2 }, { reader: 'RD-R2', tag: 'TO2', antenna: -1 }, { reader: 'RD-R3' },
    ][(n / 97) % 6];
    out.push(JSON.stringify({ at, type: 'tag.read', ...odd }));
  }
  return out;
}

interface Side { readonly station: StationCore; readonly told: RecordedEvent[] }

function side(station: StationCore): Side {
  const told: RecordedEvent[] = [];
  station.on('events', (events) => told.push(...events));
  return { station, told };
}

/** What a station answered, without the record's own bookkeeping (hashes differ with nothing). */
const answer = (r: SubmitResult): string => JSON.stringify(r.ok ? { at: r.at, events: r.events.map((e) => [e.seq, e.at, e.type, e.actor, e.payload]) } : r);

/** Runs `texts` through both sides, reads through submitTagRead on `lean`; returns how many reads it took. */
function runBoth(texts: readonly string[], plain: Side, lean: Side): number {
  let reads = 0;
  texts.forEach((text, i) => {
    const line = readLine(text);
    if (line.kind !== 'event') return;
    const options = { actor: 'replay', at: line.at.ms, offsetMinutes: line.at.offsetMinutes };
    const firedPlain = plain.station.advanceTo(line.at.ms);
    const firedLean = lean.station.advanceTo(line.at.ms);
    expect(JSON.stringify(firedLean), `line ${i + 1}`).toBe(JSON.stringify(firedPlain));
    const a = plain.station.submit(line.body, options);
    const b = line.type === 'tag.read' ? lean.station.submitTagRead(line.body, options) : lean.station.submit(line.body, options);
    if (line.type === 'tag.read') reads += 1;
    expect(answer(b), `line ${i + 1}: ${text}`).toBe(answer(a));
    expect(lean.station.nextDeadline, `line ${i + 1}`).toBe(plain.station.nextDeadline);
  });
  expect(lean.told.map((e) => e.seq)).toEqual(plain.told.map((e) => e.seq));
  expect(JSON.stringify(lean.station.state.alarms)).toBe(JSON.stringify(plain.station.state.alarms));
  return reads;
}

describe('a wristband read through submitTagRead', () => {
  it('answers as submit does on a log that keeps nothing (30,000 random lines, odd reads among them)', () => {
    const clock = { t: 0 };
    const texts = withOddReads(randomLines(77, 30_000));
    const reads = runBoth(texts, side(new ScratchStation({ now: () => clock.t })), side(new ScratchStation({ now: () => clock.t })));
    expect(reads).toBeGreaterThan(5_000);
  });

  it('answers as submit does on a record written in batches', () => {
    const texts = withOddReads(randomLines(78, 5_000));
    const open = (name: string): Station => new Station(openDb(join(dir, name)), { now: () => 0, batch: 64 });
    const plain = open('plain.db');
    const lean = open('lean.db');
    runBoth(texts, side(plain), side(lean));
    plain.flush();
    lean.flush();
    const rows = (s: Station): unknown[] => [...s.store.readAfter(0)].map((e) => [e.seq, e.at, e.type, e.actor, e.payload]);
    expect(rows(lean)).toEqual(rows(plain));
  });

  it('before the area is configured, is refused as submit refuses it', () => {
    const lean = new ScratchStation({ now: () => 0 });
    const plain = new ScratchStation({ now: () => 0 });
    const read = { type: 'tag.read', reader: 'RD-1', tag: 'T1' };
    expect(answer(lean.submitTagRead(read, { actor: 'replay', at: 5 }))).toBe(answer(plain.submit(read, { actor: 'replay', at: 5 })));
  });
});
