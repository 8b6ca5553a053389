// 读卡测试 over a real pty pair: the simulator holds two wristbands to the reader and the test
// shows both with their counts; a reader behind a TCP serial server is read by its address; with the wrong protocol nothing is read and the link says why.
import { afterEach, describe, expect, it } from 'vitest';
import { parseReaderConfig } from '../../hardware/rfid/config.js';
import { ReadTest, type ReadTestView } from '../../hardware/rfid/readTest.js';
import { startSerialSimulator, type RunningSimulator } from '../../hardware/rfid/sim/serialSimulator.js';
import { SocatPair } from '../../hardware/rfid/sim/socatPair.js';
import { startTcpSimulator } from '../../hardware/rfid/sim/tcpSimulator.js';

const TAGS = ['E200301666130121155074EF', '300833B2DDD9014000000001'];
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/** Resolves with the first view that satisfies `ok`, as the test reports its changes; bounded in time. */
function until(start: (changed: () => void) => ReadTest, ok: (v: ReadTestView) => boolean, what: string): Promise<ReadTestView> {
  return new Promise((resolve, reject) => {
    let test: ReadTest | null = null;
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}: ${JSON.stringify(test?.view())}`)), 10_000);
    test = start(() => {
      const v = test?.view();
      if (v && ok(v)) {
        clearTimeout(timer);
        resolve(v);
      }
    });
    cleanup.push(() => test?.stop() ?? Promise.resolve());
  });
}

describe('read test', () => {
  it('shows the wristbands a reader sees, with how often', async () => {
    const pair = await SocatPair.open();
    cleanup.push(() => pair.close());
    const config = parseReaderConfig({ id: 'test', room: null, role: 'exit', transport: pair.a, protocol: 'r2000', pollMs: 30, watchdogMs: 1000 });
    const sim: RunningSimulator = startSerialSimulator(pair.b, config.baud, { protocol: 'r2000', tags: TAGS, intervalMs: 10 });
    cleanup.push(() => sim.stop());
    const view = await until((changed) => new ReadTest(config, Date.now, { changed }), (v) => v.tags.length === 2 && v.tags.every((t) => t.count >= 2), 'two tags read twice');
    expect(view.online).toBe(true);
    expect(view.tags.map((t) => t.tag).sort()).toEqual([...TAGS].sort());
    expect(view.tags[0]!.lastAt).toBeGreaterThanOrEqual(view.tags[1]!.lastAt);
  });

  it('reads a reader behind a TCP serial server, by its address', async () => {
    const sim = await startTcpSimulator('127.0.0.1', 0, { protocol: 'chafon', tags: [TAGS[0]!], intervalMs: 10 });
    cleanup.push(() => sim.stop());
    const config = parseReaderConfig({ id: 'test', room: null, role: 'exit', transport: `tcp://127.0.0.1:${sim.port}`, protocol: 'chafon', pollMs: 30, watchdogMs: 1000 });
    const view = await until((changed) => new ReadTest(config, Date.now, { changed }), (v) => v.tags.some((t) => t.count >= 2), 'the wristband read twice over TCP');
    expect(view.online).toBe(true);
    expect(view.tags.map((t) => t.tag)).toEqual([TAGS[0]]);
  });

  it('reads nothing with the wrong protocol, and says the reader does not answer', async () => {
    const pair = await SocatPair.open();
    cleanup.push(() => pair.close());
    const sim = startSerialSimulator(pair.b, 57600, { protocol: 'chafon', tags: TAGS, intervalMs: 10 });
    cleanup.push(() => sim.stop());
    const config = parseReaderConfig({ id: 'test', room: null, role: 'exit', transport: pair.a, protocol: 'r2000', baud: 57600, pollMs: 30, watchdogMs: 300 });
    const view = await until((changed) => new ReadTest(config, Date.now, { changed }), (v) => !v.online && v.reason !== 'connecting', 'the reader to be called offline');
    expect(view.tags).toEqual([]);
  });
});
