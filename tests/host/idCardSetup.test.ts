// The desk's 身份证阅读器 set on 办案区设置, on a running station with simulated SAM readers on real
// pty pairs: a configuration file's `idCardReader` is imported once into the settings file and
// shown on the page; a save that moves it to another port stops the old reader (its port hears no
// more polls) and starts the new one without restarting the station, the entry form's wait going
// on across the change; the new connection is read back at the next start; removing it stops it.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AreaDraft } from '../../common/areaSetup.js';
import { deskIdCard } from '../../main/api/queries/idCard.js';
import { setupService } from '../../main/api/setup/handlers.js';
import { bootStation, type BootedStation } from '../../main/host/boot.js';
import { IdCardSimulator } from '../../hardware/idcard/sim/simulator.js';
import { serveOnSerial } from '../../hardware/rfid/sim/serialSimulator.js';
import { SocatPair } from '../../hardware/rfid/sim/socatPair.js';
import { CardSink } from '../helpers/idcardSink.js';
import { HAN_CARD, UYGHUR_CARD } from '../helpers/idcards.js';
import { AREA, scratch, type Scratch } from './bootFixtures.js';

interface SimReader { readonly pair: SocatPair; readonly sim: IdCardSimulator; readonly served: { stop(): Promise<void> } }

let s: Scratch;
let station: BootedStation | null = null;
/** Hears every command a simulated reader receives: waits look again. */
const heard = new CardSink();
const readers: SimReader[] = [];

async function simReader(): Promise<SimReader> {
  const pair = await SocatPair.open();
  const sim = new IdCardSimulator();
  const served = serveOnSerial(pair.b, 115200, {
    attach: (port) => sim.attach(port), detach: () => sim.detach(),
    receive: (chunk) => { sim.receive(chunk); heard.notice(); },
  });
  const r = { pair, sim, served };
  readers.push(r);
  return r;
}

/** Waits until `r` has heard `count` more commands: whoever reads it is polling it. */
const polled = (r: SimReader, count: number): Promise<void> => {
  const target = r.sim.stats.commandsReceived + count;
  return heard.waitFor(`${count} more commands on ${r.pair.a}`, () => r.sim.stats.commandsReceived >= target);
};

const boot = async (argv: readonly string[]): Promise<BootedStation> => {
  station = await bootStation({ argv, env: {}, defaultDataDir: s.path('unused'), rendererDir: '/nonexistent-pages', http: 'lan', log: () => undefined });
  return station;
};

const settingsFile = (): Record<string, unknown> => JSON.parse(readFileSync(s.path('data', 'station.json'), 'utf8')) as Record<string, unknown>;

/** The station's own long poll for a card after `after` (what the entry form calls), a few calls at most. */
async function cardAfter(b: BootedStation, after: number): Promise<{ seq: number; name: string }> {
  for (let i = 0; i < 5; i++) {
    const view = await deskIdCard(b.host, after, 5000);
    if (view.read) return { seq: view.seq, name: view.read.card.name };
  }
  throw new Error('no card was offered');
}

async function save(b: BootedStation, change: (d: AreaDraft) => AreaDraft): Promise<readonly string[]> {
  const service = setupService(b.host);
  const r = await service.save(change(service.view().draft), 'E101');
  if (!r.ok) throw new Error(`save refused: ${JSON.stringify(r.problem)}`);
  return r.preview.restarts;
}

beforeAll(async () => {
  s = scratch('idcard-setup-');
});

afterAll(async () => {
  await station?.stop();
  for (const r of readers) {
    await r.served.stop();
    await r.pair.close();
  }
  s?.remove();
});

describe('the desk\'s ID-card reader on 办案区设置', () => {
  let first: SimReader;
  let second: SimReader;
  let seq = 0;

  it('imports a configuration file\'s idCardReader into the settings file, shows it on the page and reads cards', async () => {
    first = await simReader();
    const config = s.config('area.json', { area: AREA, idCardReader: { transport: first.pair.a, pollMs: 50 } });
    const b = await boot(['--config', config, '--data', s.path('data')]);
    expect(settingsFile().idCardReader).toEqual({ transport: first.pair.a, pollMs: 50 });
    expect(setupService(b.host).view().draft.idCardReader).toEqual({ transport: first.pair.a, pollMs: 50 });
    const start = await deskIdCard(b.host, 0, 0);
    expect(start).toMatchObject({ configured: true, read: null });
    first.sim.place(HAN_CARD);
    const got = await cardAfter(b, start.seq);
    expect(got.name).toBe(HAN_CARD.name);
    seq = got.seq;
  });

  it('moves it to another port on save: the old reader is stopped, the new one reads, the station runs on', async () => {
    const b = station!;
    second = await simReader();
    const service = b.host.idCards;
    // An entry form waiting on the old reader is woken by the change and asks again at once, while the old one is letting go of its port.
    const askedAgain = deskIdCard(b.host, seq, 8000).then(() => deskIdCard(b.host, seq, 0));
    const restarts = await save(b, (d) => ({ ...d, idCardReader: { transport: second.pair.a, pollMs: 60, watchdogMs: 2000 } }));
    expect((await askedAgain).configured).toBe(true);
    expect(restarts).toEqual(['身份证阅读器：重新连接（约 1 秒不读证）']);
    expect(settingsFile().idCardReader).toEqual({ transport: second.pair.a, pollMs: 60, watchdogMs: 2000 });
    expect(b.host.idCards).not.toBe(service);
    await polled(second, 5);
    // The old port hears nothing while the new one is polled again and again.
    const oldCount = first.sim.stats.commandsReceived;
    await polled(second, 10);
    expect(first.sim.stats.commandsReceived).toBe(oldCount);
    // The form that was waiting after the last card gets the new reader's card.
    second.sim.place(UYGHUR_CARD);
    const got = await cardAfter(b, seq);
    expect(got).toEqual({ seq: seq + 1, name: UYGHUR_CARD.name });
    seq = got.seq;
    // An unchanged connection saved again touches nothing.
    const kept = b.host.idCards;
    expect(await save(b, (d) => ({ ...d, officers: [...d.officers, { id: 'E102', name: '吴警官', gender: 'female', tag: null }] }))).toEqual([]);
    expect(b.host.idCards).toBe(kept);
  });

  it('is read back from the settings file at the next start, without the configuration file', async () => {
    await station?.stop();
    station = null;
    const b = await boot(['--data', s.path('data')]);
    expect(b.host.devices.idCardReader).toEqual({ transport: second.pair.a, pollMs: 60, watchdogMs: 2000 });
    await polled(second, 5);
    expect((await deskIdCard(b.host, 0, 0)).configured).toBe(true);
  });

  it('disconnects it on save: the reader stops and the entry form is told there is none', async () => {
    const b = station!;
    const restarts = await save(b, (d) => ({ ...d, idCardReader: null }));
    expect(restarts).toEqual(['身份证阅读器：断开']);
    expect(settingsFile()).not.toHaveProperty('idCardReader');
    expect(b.host.idCards).toBeNull();
    expect(await deskIdCard(b.host, 0, 0)).toEqual({ configured: false, online: false, seq: 0, read: null });
    // Connected again on the first port: it starts reading there.
    const before = first.sim.stats.commandsReceived;
    expect(await save(b, (d) => ({ ...d, idCardReader: { transport: first.pair.a } }))).toEqual(['身份证阅读器：开始读证']);
    await polled(first, 3);
    expect(first.sim.stats.commandsReceived).toBeGreaterThan(before);
  });

  it('读证测试 reads a card on a port of its own, and listens to the running reader on its port, showing only the name and the last four characters', async () => {
    const tests = station!.host.deviceTests!;
    const cardsOf = (id: string) => tests.readTest(id).cards ?? [];
    // The second port: no reader runs there now (UYGHUR_CARD still lies on it).
    const own = tests.startIdCardTest({ transport: second.pair.a, pollMs: 50 }).id;
    await heard.waitFor('the test to read the card on the second port', () => cardsOf(own).length > 0);
    expect(tests.readTest(own)).toMatchObject({ online: true, tags: [], cards: [{ name: UYGHUR_CARD.name, idTail: UYGHUR_CARD.idNumber.slice(-4) }] });
    expect(JSON.stringify(tests.readTest(own))).not.toContain(UYGHUR_CARD.idNumber);
    await tests.stopReadTest(own);
    // The first port is the running reader's: the test hears its cards, the port is not opened twice.
    const tapped = tests.startIdCardTest({ transport: first.pair.a }).id;
    expect(tests.readTest(tapped).online).toBe(true);
    const { seq } = await deskIdCard(station!.host, 0, 0);
    first.sim.remove();
    await polled(first, 3);
    first.sim.place(UYGHUR_CARD);
    await heard.waitFor('the tapped test to hear the card', () => cardsOf(tapped).length > 0);
    expect(cardsOf(tapped)[0]?.name).toBe(UYGHUR_CARD.name);
    expect((await cardAfter(station!, seq)).name).toBe(UYGHUR_CARD.name);
    // The test's own link was closed (long enough ago for anything it had sent to have arrived): the second port hears nothing more.
    const after = second.sim.stats.commandsReceived;
    await tests.stopReadTest(tapped);
    await polled(first, 5);
    expect(second.sim.stats.commandsReceived).toBe(after);
  });
});

describe('the example area', () => {
  it('runs the desk\'s ID-card reader of the station\'s settings until its own set-up says otherwise', async () => {
    const transport = s.path('no-such-port');
    const config = s.config('example.json', { idCardReader: { transport } });
    const b = await bootStation({ argv: ['--config', config, '--data', s.path('example-data'), '--example'], env: {}, defaultDataDir: s.path('unused'), rendererDir: '/nonexistent-pages', http: 'lan', log: () => undefined });
    try {
      expect(b.record.demo).toBe(true);
      expect(b.host.devices.idCardReader).toEqual({ transport });
      expect((await deskIdCard(b.host, 0, 0)).configured).toBe(true);
    } finally {
      await b.stop();
    }
  });
});
