// Each protocol end to end over a real pty pair: the simulator on one end (garbage, corrupted
// frames, one byte per write), the reader manager on the other; then the device is unplugged
// (socat killed: both ends vanish) and plugged back on the same paths.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseReaderConfig } from '../../hardware/rfid/config.js';
import { ReaderManager } from '../../hardware/rfid/manager.js';
import { startSerialSimulator, type RunningSimulator } from '../../hardware/rfid/sim/serialSimulator.js';
import type { SimulatorOptions } from '../../hardware/rfid/sim/simulator.js';
import type { Protocol } from '../../hardware/rfid/types.js';
import { RecordingSink } from '../helpers/rfidSink.js';
import { SocatPair } from '../../hardware/rfid/sim/socatPair.js';

interface Case {
  protocol: Protocol;
  tags: string[];
  sim: Partial<SimulatorOptions>;
}

const CASES: Case[] = [
  { protocol: 'em4100', tags: ['62E3086CED', '01000734E0', '7C0055F8C4'], sim: { intervalMs: 15, crlf: true } },
  { protocol: 'r2000', tags: ['E200301666130121155074EF', '300833B2DDD9014000000001'], sim: { intervalMs: 10 } },
  // Three tags: the round comes in two frames, the first saying "more frames follow".
  { protocol: 'chafon', tags: ['E200301666130121155074EF', '300833B2DDD9014000000001', '3008AAAA'], sim: { intervalMs: 10 } },
];

describe.each(CASES)('$protocol reader on a socat pty pair', ({ protocol, tags, sim }) => {
  const id = `reader-${protocol}`;
  const sink = new RecordingSink();
  let pair: SocatPair;
  let simulator: RunningSimulator;
  let manager: ReaderManager;

  beforeAll(async () => {
    pair = await SocatPair.open();
    const config = parseReaderConfig({ id, room: 'interrogation-1', role: 'room', transport: pair.a, protocol, dedupMs: 0, pollMs: 30, watchdogMs: 1000 });
    simulator = startSerialSimulator(pair.b, config.baud, { protocol, tags, intervalMs: 10, garbage: true, oneByteWrites: true, seed: 3, ...sim });
    manager = new ReaderManager([config], sink);
    manager.start();
  });

  afterAll(async () => {
    await manager?.stop();
    await simulator?.stop();
    await pair?.close();
  });

  test('every tag is read through garbage, corrupted frames and one-byte writes; bad frames are counted, never read', async () => {
    await sink.waitForTags(tags);
    await sink.waitFor('a corrupted frame to be counted', () => (manager.status()[0]?.badFrames ?? 0) > 0);
    expect(simulator.simulator.stats.corruptFramesSent).toBeGreaterThan(0);
    expect(sink.reads.filter((r) => !tags.includes(r.tag))).toEqual([]);
    expect(sink.statuses).toMatchObject([{ reader: id, online: true }]);
    expect(manager.status()[0]).toMatchObject({ id, online: true, lastReadAt: sink.reads.at(-1)?.at });
  });

  test('unplugged: offline; plugged back on the same path: online and reading, same manager', async () => {
    await pair.unplug();
    await sink.waitForStatus(id, false);
    const mark = sink.reads.length;
    await pair.plug();
    await sink.waitForStatus(id, true);
    await sink.waitForTags(tags, mark);
    expect(sink.statuses.map((s) => s.online)).toEqual([true, false, true]);
  });
});
