// The running station keeps a snapshot of its state in the record's database — every so many
// events, and at a clean shutdown — and starts from it: after a clean shutdown with nothing to
// apply, after a crash with only the events since the last one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../main/core/store/canonical.js';
import { encodeState } from '../../main/core/state/stateCodec.js';
import { StationHost } from '../../main/host/stationHost.js';
import { T0 } from '../helpers/fakeTime.js';

let dataDir: string;
beforeEach(() => { dataDir = join(mkdtempSync(join(tmpdir(), 'station-snap-')), 'data'); });
afterEach(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

function open(log: string[], snapshotEvery = 20): StationHost {
  return new StationHost({ dataDir, log: (line) => log.push(line), now: () => T0, snapshotEvery });
}

function registerWitnesses(host: StationHost, from: number, to: number): void {
  for (let i = from; i <= to; i++) {
    const r = host.station.submit({ type: 'person.enter', person: { id: `W${i}`, name: `证人${i}`, gender: 'female', birthDate: '1990-01-01', role: 'witness' } }, { actor: 'E001' });
    if (!r.ok) throw new Error(r.rejection.message);
  }
}

const snapshotAt = (host: StationHost): number | undefined => (host.db.prepare('SELECT seq FROM state_snapshots').get() as { seq: number } | undefined)?.seq;
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('the station keeps a snapshot of its state', () => {
  it('at a clean shutdown, and starts from it with nothing to apply', () => {
    const first: string[] = [];
    const a = open(first, 1000);
    registerWitnesses(a, 1, 5);
    const head = a.station.store.count();
    const state = canonicalJson(encodeState(a.station.state));
    a.close();

    const second: string[] = [];
    const b = open(second, 1000);
    expect(second).toContain(`station: state from the snapshot at event ${head}; applied the 0 events after it`);
    expect(canonicalJson(encodeState(b.station.state))).toBe(state);
    b.close();
  });

  it('every so many events, so that a start after a crash applies only the events since', async () => {
    const crashed: string[] = [];
    const a = open(crashed);
    registerWitnesses(a, 1, 25);
    await nextTurn();
    const saved = snapshotAt(a);
    expect(saved).toBeGreaterThanOrEqual(20);
    registerWitnesses(a, 26, 30);
    const head = a.station.store.count();
    const state = canonicalJson(encodeState(a.station.state));
    // A crash: the database is left as it is, with no shutdown and no snapshot at the head.
    a.db.close();

    const log: string[] = [];
    const b = open(log);
    expect(log).toContain(`station: state from the snapshot at event ${saved}; applied the ${head - (saved ?? 0)} events after it`);
    expect(canonicalJson(encodeState(b.station.state))).toBe(state);
    b.close();
    // The crashed one's timers are stopped; its database is gone, so it saves nothing, and says so.
    a.close();
    expect(crashed.at(-1)).toMatch(/^station: the state snapshot could not be saved: /);
  });
});
