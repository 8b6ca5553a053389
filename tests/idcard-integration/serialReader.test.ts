// The ID-card driver over a real pty pair: the simulated SAM reader on one end (garbage,
// corrupted copies, one byte per write), the driver on the other; cards placed and lifted,
// replies spoilt, and the reader unplugged (socat killed) and plugged back on the same paths.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseIdCardReaderConfig } from '../../hardware/idcard/config.js';
import { IdCardReader } from '../../hardware/idcard/reader.js';
import { IdCardSimulator, simulatedPhoto } from '../../hardware/idcard/sim/simulator.js';
import { serveOnSerial } from '../../hardware/rfid/sim/serialSimulator.js';
import { SocatPair } from '../../hardware/rfid/sim/socatPair.js';
import { CardSink } from '../helpers/idcardSink.js';
import { EXPIRED_CARD, HAN_CARD, LONG_NAME_X_CARD, UYGHUR_CARD } from '../helpers/idcards.js';

const ID = 'desk-idcard';

describe('ID-card reader on a socat pty pair', () => {
  const sink = new CardSink();
  const logged: string[] = [];
  let pair: SocatPair;
  let served: { stop(): Promise<void> };
  let reader: IdCardReader;
  const sim = new IdCardSimulator({ garbage: true, oneByteWrites: true, seed: 7 });

  beforeAll(async () => {
    pair = await SocatPair.open();
    const config = parseIdCardReaderConfig({ transport: pair.a, pollMs: 50, watchdogMs: 3000 }, ID);
    // Every command the simulator hears is an event the test's waits look at.
    served = serveOnSerial(pair.b, config.baud, {
      attach: (port) => sim.attach(port),
      detach: () => sim.detach(),
      receive: (chunk) => {
        sim.receive(chunk);
        sink.notice();
      },
    });
    reader = new IdCardReader(config, sink, { log: (l) => logged.push(l) });
    reader.start();
  });

  afterAll(async () => {
    await reader?.stop();
    await served?.stop();
    await pair?.close();
  });

  /** Waits until the driver has sent `count` more commands: it has polled that often. */
  const waitPolls = (count: number): Promise<void> => {
    const target = sim.stats.commandsReceived + count;
    return sink.waitFor(`${count} more commands`, () => sim.stats.commandsReceived >= target);
  };

  test('no card: online, polled, nothing read', async () => {
    await sink.waitForStatus(ID, true);
    await waitPolls(6);
    expect(sink.cards).toEqual([]);
    expect(sim.stats.readsServed).toBe(0);
  });

  test.each([
    ['a Han card', HAN_CARD],
    ['a 15-character Uyghur name, an address at its 35-character limit, 长期 validity and an X check character', UYGHUR_CARD],
    ['a 15-character name of the 98 code with an X check character', LONG_NAME_X_CARD],
    ['an expired card (the driver reads it like any other)', EXPIRED_CARD],
  ])('%s is read exactly, once while it stays, through garbage and one-byte writes', async (_what, card) => {
    const before = sink.cards.length;
    sim.place(card);
    await sink.waitForCards(before + 1);
    const read = sink.cards[before];
    expect(read?.card).toEqual(card);
    expect(read?.photo.equals(simulatedPhoto(card))).toBe(true);
    expect(read?.reader).toBe(ID);
    // It stays: read again and again by the poll loop, passed on no more.
    const served = sim.stats.readsServed;
    await waitPolls(12);
    expect(sim.stats.readsServed).toBeGreaterThan(served);
    expect(sink.cards).toHaveLength(before + 1);
    sim.remove();
    await waitPolls(8);
  });

  test('the same card lifted and placed again is read again', async () => {
    const before = sink.cards.length;
    sim.place(HAN_CARD);
    await sink.waitForCards(before + 1);
    sim.remove();
    await waitPolls(8);
    sim.place(HAN_CARD);
    await sink.waitForCards(before + 2);
    expect(sink.cards.slice(before).map((c) => c.card)).toEqual([HAN_CARD, HAN_CARD]);
    sim.remove();
    await waitPolls(8);
  });

  test('read replies with a wrong check byte are dropped and the card read again, never wrong', async () => {
    const before = sink.cards.length;
    const bad = reader.status().badFrames;
    const served = sim.stats.readsServed;
    sim.spoilNextReads(3);
    sim.place(UYGHUR_CARD);
    await sink.waitForCards(before + 1);
    expect(sink.cards.slice(before).map((c) => c.card)).toEqual([UYGHUR_CARD]);
    expect(sim.stats.readsServed - served).toBeGreaterThanOrEqual(4);
    expect(reader.status().badFrames - bad).toBeGreaterThanOrEqual(3);
    sim.remove();
    await waitPolls(8);
  });

  test('find and select replies with a wrong check byte are dropped too', async () => {
    const before = sink.cards.length;
    sim.spoilNextReplies(2);
    sim.place(EXPIRED_CARD);
    await sink.waitForCards(before + 1);
    expect(sink.cards.slice(before).map((c) => c.card)).toEqual([EXPIRED_CARD]);
    sim.remove();
    await waitPolls(8);
  });

  test('unplugged: offline; plugged back on the same path: online, and the card on it is read', async () => {
    sim.place(HAN_CARD);
    const before = sink.cards.length;
    await sink.waitForCards(before + 1);
    await pair.unplug();
    await sink.waitForStatus(ID, false);
    await pair.plug();
    await sink.waitForStatus(ID, true);
    // A card still on a reader that comes back is passed on again: the desk may have missed it.
    await sink.waitForCards(before + 2);
    expect(sink.cards.slice(before).map((c) => c.card)).toEqual([HAN_CARD, HAN_CARD]);
    expect(sink.statuses.map((s) => [s.online, s.reason])).toEqual([[true, 'reader answered'], [false, expect.any(String)], [true, 'reader answered']]);
    expect(reader.status()).toMatchObject({ id: ID, online: true, badReads: 0 });
    expect(logged).toEqual([]);
  });
});
