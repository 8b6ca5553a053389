// The manager against an in-memory port: online/offline rules, filters, watchdog, reconnects.
// (The same paths run against real ptys in tests/rfid-integration.)
import { afterEach, describe, expect, test } from 'vitest';
import { parseReaderConfig, type ReaderConfig } from '../../hardware/rfid/config.js';
import { ReaderManager } from '../../hardware/rfid/manager.js';
import { em4100Frame } from '../../hardware/rfid/em4100/encoder.js';
import { r2000FirmwareQuery, r2000FirmwareReply, r2000InventoryCommand, r2000RoundEnd, r2000TagFrame } from '../../hardware/rfid/r2000/encoder.js';
import { chafonInventoryCommand, chafonInventoryReply } from '../../hardware/rfid/chafon/encoder.js';
import { FakeReaderPort } from '../helpers/fakeReaderPort.js';
import { RecordingSink } from '../helpers/rfidSink.js';

const managers: ReaderManager[] = [];
afterEach(async () => {
  await Promise.all(managers.splice(0).map((m) => m.stop()));
});

function setup(config: Record<string, unknown>, sink: RecordingSink | null = null) {
  const port = new FakeReaderPort();
  const clock = { now: 1_800_000_000_000 };
  const logs: string[] = [];
  const recording = sink ?? new RecordingSink();
  const cfg: ReaderConfig = parseReaderConfig({ id: 'r1', room: 'wait-1', role: 'room', transport: '/dev/ttyFAKE0', ...config });
  const manager = new ReaderManager([cfg], recording, {
    connector: () => port.connector, now: () => clock.now, backoffMinMs: 10, backoffMaxMs: 20, log: (l) => logs.push(l),
  });
  managers.push(manager);
  return { port, clock, logs, sink: recording, manager };
}

/** Answers the driver like an R2000 reader seeing `tags` (each with its RSSI). */
function answerAsR2000(port: FakeReaderPort, tags: Array<{ epc: string; rssi: number }>): void {
  port.onWrite = (bytes) => {
    if (bytes.equals(r2000FirmwareQuery())) port.send(r2000FirmwareReply(1, 9));
    if (bytes.equals(r2000InventoryCommand(1))) {
      port.send(Buffer.concat([...tags.map((t) => r2000TagFrame({ epc: t.epc, antenna: 1, rssi: t.rssi })), r2000RoundEnd(1, 10, tags.length)]));
    }
  };
}

describe('EM4100 reader (speaks only with a card near)', () => {
  test('online when its port opens, offline only when the port goes; reads carry reader, tag and time', async () => {
    const { port, clock, sink, manager } = setup({ protocol: 'em4100' });
    manager.start();
    await sink.waitForStatus('r1', true);
    expect(sink.statuses).toEqual([{ reader: 'r1', online: true, at: clock.now, reason: 'port open' }]);

    port.send(em4100Frame('62E3086CED'));
    await sink.waitFor('a read', () => sink.reads.length === 1);
    expect(sink.reads[0]).toEqual({ reader: 'r1', tag: '62E3086CED', antenna: null, rssi: null, at: clock.now });

    port.unplug();
    await sink.waitForStatus('r1', false);
    expect(sink.lastStatus('r1')?.reason).toBe('port lost: disconnected');
    // While it stays away the reopen attempts fail, and the station hears "offline" once.
    await port.attempts(3);
    expect(sink.statuses.map((s) => s.online)).toEqual([true, false]);

    port.plug();
    await sink.waitForStatus('r1', true);
    port.send(em4100Frame('01000734E0'));
    await sink.waitForTags(['01000734E0']);
    expect(manager.status()).toEqual([{ id: 'r1', online: true, framesDecoded: 2, badFrames: 0, lastReadAt: clock.now }]);
  });

  test('repeated reads of a tag within dedupMs are passed on once, then again after the window', async () => {
    const { port, clock, sink, manager } = setup({ protocol: 'em4100', dedupMs: 1000 });
    manager.start();
    await sink.waitForStatus('r1', true);
    const frame = em4100Frame('62E3086CED');
    port.send(Buffer.concat([frame, frame, frame]));
    clock.now += 999;
    port.send(frame);
    port.send(em4100Frame('01000734E0'));
    clock.now += 1;
    port.send(frame);
    await sink.waitFor('three reads', () => sink.reads.length === 3);
    expect(sink.reads.map((r) => r.tag)).toEqual(['62E3086CED', '01000734E0', '62E3086CED']);
    expect(manager.status()[0]?.framesDecoded).toBe(6);
  });

  test('a sink that throws is logged and does not stop the reads after it', async () => {
    const inner = new RecordingSink();
    let calls = 0;
    const throwing = Object.assign(Object.create(inner) as RecordingSink, {
      tagRead(r: Parameters<RecordingSink['tagRead']>[0]) {
        calls++;
        if (calls === 1) throw new Error('station busy');
        inner.tagRead(r);
      },
    });
    const { port, logs, manager } = setup({ protocol: 'em4100', dedupMs: 0 }, throwing);
    manager.start();
    await inner.waitForStatus('r1', true);
    port.send(Buffer.concat([em4100Frame('62E3086CED'), em4100Frame('01000734E0')]));
    await inner.waitForTags(['01000734E0']);
    expect(logs).toEqual(['rfid reader r1: sink failed: station busy']);
  });
});

describe('R2000 reader (polled)', () => {
  test('probes with the firmware query, is online once it answers, then runs inventory rounds', async () => {
    const { port, sink, manager } = setup({ protocol: 'r2000', pollMs: 20, watchdogMs: 400 });
    answerAsR2000(port, [{ epc: 'E200301666130121155074EF', rssi: -60 }]);
    manager.start();
    await sink.waitForTags(['E200301666130121155074EF']);
    expect(port.written[0]).toEqual(r2000FirmwareQuery());
    expect(port.written[1]).toEqual(r2000InventoryCommand(1));
    expect(sink.statuses).toMatchObject([{ online: true, reason: 'reader answered' }]);
    expect(sink.reads[0]).toMatchObject({ antenna: 1, rssi: -60 });
  });

  test('reads weaker than rssiMin are dropped', async () => {
    const { port, sink, manager } = setup({ protocol: 'r2000', pollMs: 20, watchdogMs: 400, rssiMin: -70, dedupMs: 0 });
    answerAsR2000(port, [{ epc: '3008AAAA', rssi: -75 }, { epc: '3008BBBB', rssi: -65 }]);
    manager.start();
    await sink.waitFor('five reads', () => sink.reads.length >= 5);
    expect(sink.tagsSince(0)).toEqual(new Set(['3008BBBB']));
  });

  test('silent for watchdogMs with its port open: offline, the link is reopened, online again when it answers', async () => {
    const { port, sink, manager } = setup({ protocol: 'r2000', pollMs: 20, watchdogMs: 200 });
    answerAsR2000(port, []);
    manager.start();
    await sink.waitForStatus('r1', true);
    port.onWrite = () => undefined; // the reader lost power; its USB adapter did not
    const reopened = port.attempts(1);
    await sink.waitForStatus('r1', false);
    expect(sink.lastStatus('r1')?.reason).toBe('no reply for 200 ms');
    await reopened;
    answerAsR2000(port, []);
    await sink.waitForStatus('r1', true);
    expect(sink.statuses.map((s) => s.online)).toEqual([true, false, true]);
  });

  test('its own commands echoed back (RS-485 adapters) do not make it look alive', async () => {
    const { port, sink, manager } = setup({ protocol: 'r2000', pollMs: 20, watchdogMs: 200 });
    port.onWrite = (bytes) => port.send(bytes);
    manager.start();
    await sink.waitForStatus('r1', false);
    expect(sink.statuses).toEqual([expect.objectContaining({ online: false, reason: 'no reply for 200 ms' })]);
    expect(manager.status()[0]).toMatchObject({ online: false, framesDecoded: expect.any(Number) as number, badFrames: 0 });
    expect(manager.status()[0]?.framesDecoded).toBeGreaterThan(0);
  });

  test('a round whose end never comes is asked for again', async () => {
    const { port, sink, manager } = setup({ protocol: 'r2000', pollMs: 20, watchdogMs: 200 });
    let inventories = 0;
    port.onWrite = (bytes) => {
      if (bytes.equals(r2000FirmwareQuery())) port.send(r2000FirmwareReply(1, 9));
      // Tag frames but no end of round: the driver must not wait for ever.
      if (bytes.equals(r2000InventoryCommand(1))) port.send(r2000TagFrame({ epc: `3008000${++inventories}`, antenna: 0, rssi: -50 }));
    };
    manager.start();
    await sink.waitForTags(['30080001', '30080002']);
  });
});

describe('CHAFON reader (polled)', () => {
  test('the inventory is the probe; "more frames" rounds are not re-polled until their last frame', async () => {
    const { port, sink, manager } = setup({ protocol: 'chafon', pollMs: 20, watchdogMs: 400, dedupMs: 0 });
    let inventories = 0;
    port.onWrite = (bytes) => {
      if (!bytes.equals(chafonInventoryCommand())) return;
      inventories++;
      port.send(chafonInventoryReply(0x03, [{ epc: '3008AAAA' }], 'uhfreader18'));
      // The last frame of the round comes later; polls in between would be lost by the reader.
      setTimeout(() => port.send(chafonInventoryReply(0x01, [{ epc: '3008BBBB' }], 'uhfreader18')), 60);
    };
    manager.start();
    await sink.waitFor('three rounds', () => sink.reads.filter((r) => r.tag === '3008BBBB').length >= 3);
    const firsts = sink.reads.filter((r) => r.tag === '3008AAAA').length;
    expect(inventories).toBeLessThanOrEqual(firsts + 1);
    expect(sink.statuses).toMatchObject([{ online: true }]);
  });
});

describe('stop()', () => {
  test('closes the port and the sink hears nothing after it', async () => {
    const { port, sink, manager } = setup({ protocol: 'em4100' });
    manager.start();
    await sink.waitForStatus('r1', true);
    await manager.stop();
    expect(port.isOpen).toBe(false);
    port.send(em4100Frame('62E3086CED'));
    port.unplug();
    expect(sink.reads).toEqual([]);
    expect(sink.statuses).toHaveLength(1);
  });
});
