// Simulated UHF readers on real serial ptys drive presence in the running station, and the desk
// sees the person move; the desk's enrolment reader offers a fresh wristband for binding.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Overview } from '../../common/views.js';
import type { RecordedEvent } from '../../common/events.js';
import { SocatPair } from '../../hardware/rfid/sim/socatPair.js';
import { startSerialSimulator, type RunningSimulator } from '../../hardware/rfid/sim/serialSimulator.js';
import { EXAMPLE_AREA } from '../../main/host/exampleArea.js';
import { apiHost, type ApiHost } from '../helpers/apiHost.js';
import { nextEvent } from '../helpers/stationEvents.js';

const TAG = 'E200301666130121155074EF';
const FRESH = '62E3086CED';
let w1: SocatPair;
let int1: SocatPair;
let desk: SocatPair;
let h: ApiHost;
let as: Awaited<ReturnType<ApiHost['accounts']>>;
const sims: RunningSimulator[] = [];

beforeAll(async () => {
  [w1, int1, desk] = await Promise.all([SocatPair.open(), SocatPair.open(), SocatPair.open()]);
  const area = {
    ...EXAMPLE_AREA,
    readers: [
      { id: 'RD-W1', room: 'W1', role: 'room', transport: w1.a, protocol: 'r2000' },
      { id: 'RD-INT1', room: 'INT1', role: 'room', transport: int1.a, protocol: 'r2000' },
      { id: 'RD-EXIT', room: null, role: 'exit' },
    ],
  };
  h = await apiHost({ area, deskReader: { transport: desk.a, protocol: 'em4100' } });
  as = await h.accounts();
  h.host.startDevices();
});

afterAll(async () => {
  for (const s of sims) await s.stop();
  await h.host.stopDevices();
  await h.close();
  for (const p of [w1, int1, desk]) await p.close();
});

const moved = (room: string) => (e: RecordedEvent): boolean => e.type === 'tag.read' && e.payload.tag === TAG && e.payload.reader === `RD-${room}`;

describe('readers in the running station', () => {
  it('moves a registered person from reader to reader, and the desk sees it', async () => {
    const entered = await as.desk.call<{ ok: boolean }>('submit', { command: { type: 'person.enter', person: { id: 'P1', name: '王某某', gender: 'male', birthDate: '1990-01-01', role: 'witness', tag: TAG } } });
    expect(entered.body.ok).toBe(true);
    const whereIs = async () => (await as.desk.call<Overview>('overview')).body.persons.find((p) => p.id === 'P1')?.whereabouts;

    const inW1 = nextEvent(h.host.station, moved('W1'), 10_000, 'a read in W1');
    sims.push(startSerialSimulator(w1.b, 115200, { protocol: 'r2000', tags: [TAG], intervalMs: 100 }));
    await inW1;
    expect(await whereIs()).toEqual({ kind: 'room', room: 'W1' });
    const w1Online = (await as.desk.call<Overview>('overview')).body.rooms.find((r) => r.id === 'W1')?.readers[0];
    expect(w1Online).toMatchObject({ id: 'RD-W1', online: true });

    await sims.shift()?.stop();
    const inInt1 = nextEvent(h.host.station, moved('INT1'), 10_000, 'a read in INT1');
    sims.push(startSerialSimulator(int1.b, 115200, { protocol: 'r2000', tags: [TAG], intervalMs: 100 }));
    await inInt1;
    expect(await whereIs()).toEqual({ kind: 'room', room: 'INT1' });
    const trail = h.host.db.prepare(`SELECT to_room, source FROM movements WHERE who = 'P1' ORDER BY seq`).all();
    expect(trail).toEqual([{ to_room: 'W1', source: 'rfid' }, { to_room: 'INT1', source: 'rfid' }]);
  });

  it('offers a wristband shown at the desk for binding, without an unknown-tag alarm', async () => {
    const desk1 = as.desk;
    const sim = startSerialSimulator(desk.b, 9600, { protocol: 'em4100', tags: [FRESH], intervalMs: 100 });
    sims.push(sim);
    let seen: { tag: string } | null = null;
    for (let i = 0; i < 100 && !seen; i++) {
      seen = (await desk1.call<{ tag: string } | null>('deskTag')).body;
      if (!seen) await new Promise((r) => setTimeout(r, 100));
    }
    expect(seen?.tag).toBe(FRESH);
    expect([...h.host.station.state.activeAlarms.keys()].some((k) => k.startsWith('unknown_tag'))).toBe(false);
  });
});
