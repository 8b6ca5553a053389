// The installer tools as installers run them, as separate processes on real ptys: `listen`
// decodes every vector a "reader" (the test) writes; `simulate` drives the reader manager; bad
// arguments exit 2 naming the problem.
import { SerialPort } from 'serialport';
import { afterAll, describe, expect, test } from 'vitest';
import { parseReaderConfig } from '../../hardware/rfid/config.js';
import { ReaderManager } from '../../hardware/rfid/manager.js';
import type { Protocol } from '../../hardware/rfid/types.js';
import { RfidCli } from '../helpers/rfidCli.js';
import { RecordingSink } from '../helpers/rfidSink.js';
import { SocatPair } from '../../hardware/rfid/sim/socatPair.js';
import { VECTORS, type VectorFamily } from '../helpers/rfidVectors.js';

const pairs: SocatPair[] = [];
const clis: RfidCli[] = [];
afterAll(async () => {
  for (const cli of clis) await cli.stop('SIGKILL');
  for (const pair of pairs) await pair.close();
});

function openPort(path: string): Promise<SerialPort> {
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate: 9600 }, (err) => (err ? reject(err) : resolve(port)));
  });
}

async function listenToVectors(protocol: Protocol, family: VectorFamily): Promise<void> {
  const pair = await SocatPair.open();
  pairs.push(pair);
  const device = await openPort(pair.b);
  const cli = new RfidCli(['listen', '--port', pair.a, '--protocol', protocol]);
  clis.push(cli);
  // The tool is listening once its port is open: an EM4100 port is online at once; a UHF
  // driver starts polling, and its first command reaches our end of the pty.
  if (protocol === 'em4100') await cli.waitForLine('online', (r) => r.status === 'online');
  else await new Promise<void>((resolve) => device.once('data', () => resolve()));

  const invalid = family.invalid ?? [];
  device.write(Buffer.concat([...family.valid.map((v) => v.hex), ...invalid.map((v) => v.hex)]));
  const tagged = family.valid.filter((v) => v.tag !== undefined);
  for (const v of tagged) await cli.waitForLine(`read ${v.tag}`, (r) => r.tag === v.tag);

  expect(await cli.stop('SIGINT')).toBe(0);
  const records = cli.records;
  const reads = records.filter((r) => 'tag' in r);
  expect(reads.map((r) => ({ tag: r.tag, antenna: r.antenna, rssi: r.rssi }))).toEqual(
    tagged.map((v) => ({ tag: v.tag, antenna: v.antenna ?? null, rssi: v.rssi ?? null })),
  );
  for (const r of records) expect(r.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  expect(records.at(-1)).toMatchObject({ summary: { framesDecoded: family.valid.length, badFrames: invalid.length, reads: tagged.length } });
  await new Promise<void>((resolve) => device.close(() => resolve()));
}

describe('rfid listen', () => {
  test('decodes every vector of each protocol, counts the bad ones, and sums up on SIGINT', async () => {
    await Promise.all([
      listenToVectors('em4100', VECTORS.em4100_ascii),
      listenToVectors('r2000', VECTORS.r2000),
      listenToVectors('chafon', VECTORS.chafon_uhfreader18),
    ]);
  });
});

describe('rfid simulate', () => {
  test('plays an R2000 reader for the manager; when it stops, the open port goes silent and the watchdog says offline', async () => {
    const pair = await SocatPair.open();
    pairs.push(pair);
    const tags = ['E200301666130121155074EF', '300833B2DDD9014000000001'];
    const cli = new RfidCli(['simulate', '--port', pair.b, '--protocol', 'r2000', '--tags', tags.join(','), '--interval-ms', '10', '--garbage']);
    clis.push(cli);
    const sink = new RecordingSink();
    const manager = new ReaderManager([parseReaderConfig({ id: 'sim', room: 'wait-1', role: 'room', transport: pair.a, protocol: 'r2000', pollMs: 50, watchdogMs: 500 })], sink);
    manager.start();
    try {
      await sink.waitForTags(tags, 0, 20_000);
      expect(await cli.stop('SIGTERM')).toBe(0);
      const summary = cli.records.at(-1)?.summary as { framesSent: number; commandsReceived: number } | undefined;
      expect(summary?.framesSent).toBeGreaterThan(0);
      expect(summary?.commandsReceived).toBeGreaterThan(0);
      // socat still holds both ends: only silence tells that the reader is gone.
      await sink.waitForStatus('sim', false);
      expect(sink.lastStatus('sim')?.reason).toBe('no reply for 500 ms');
    } finally {
      await manager.stop();
    }
  });

  test('bad arguments: exit status 2 and a message naming the problem', async () => {
    const cli = new RfidCli(['simulate', '--port', '/tmp/nowhere', '--protocol', 'em4100', '--tags', 'XYZ']);
    clis.push(cli);
    expect(await cli.exited).toBe(2);
    expect(cli.stderr).toContain('--tags: "XYZ" is not a em4100 tag id (10 hex digits)');
    expect(cli.stderr).toContain('usage:');
  });
});
