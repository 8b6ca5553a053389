// A reader behind a TCP serial server, over real sockets on 127.0.0.1: reads and the RSSI
// floor, the server dropping the connection, the server going away and coming back on the
// same port, and a server that accepts but never answers (the watchdog's case).
import { createServer, type Socket } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { parseReaderConfig } from '../../hardware/rfid/config.js';
import { ReaderManager } from '../../hardware/rfid/manager.js';
import { simulatedRssi } from '../../hardware/rfid/sim/behaviour.js';
import { startTcpSimulator, type RunningTcpSimulator } from '../../hardware/rfid/sim/tcpSimulator.js';
import { RecordingSink } from '../helpers/rfidSink.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const TAGS = ['E200301666130121155074EF', '300833B2DDD9014000000001', '3008AAAA'];

test('CHAFON UHFReader288 over TCP: reads with antenna and RSSI; the peer going away and coming back', async () => {
  const options = { protocol: 'chafon' as const, chafonModel: 'uhfreader288' as const, tags: TAGS, intervalMs: 10, garbage: true };
  let server: RunningTcpSimulator = await startTcpSimulator('127.0.0.1', 0, options);
  cleanups.push(() => server.stop());
  const port = server.port;
  const sink = new RecordingSink();
  // The third tag is the weakest; the floor sits between it and the second.
  const rssiMin = (simulatedRssi('chafon', 1) + simulatedRssi('chafon', 2)) / 2;
  const manager = new ReaderManager([parseReaderConfig({
    id: 'exit-1', role: 'exit', transport: `tcp://127.0.0.1:${port}`, protocol: 'chafon', pollMs: 20, watchdogMs: 1000, dedupMs: 0, rssiMin,
  })], sink);
  cleanups.push(() => manager.stop());
  manager.start();

  await sink.waitForTags(TAGS.slice(0, 2));
  await sink.waitFor('several rounds', () => sink.reads.length >= 10);
  expect(sink.tagsSince(0).has('3008AAAA')).toBe(false);
  expect(sink.reads[0]).toMatchObject({ reader: 'exit-1', antenna: 0, rssi: simulatedRssi('chafon', 0) });

  // The converter drops the connection (a reboot): offline, reconnect, reads again.
  server.dropClient();
  await sink.waitForStatus('exit-1', false);
  expect(sink.lastStatus('exit-1')?.reason).toBe('connection closed by peer');
  let mark = sink.reads.length;
  await sink.waitForStatus('exit-1', true);
  await sink.waitForTags(TAGS.slice(0, 2), mark);

  // The converter is gone for a while (connections refused), then back on the same port.
  await server.stop();
  await sink.waitForStatus('exit-1', false);
  server = await startTcpSimulator('127.0.0.1', port, options);
  mark = sink.reads.length;
  await sink.waitForTags(TAGS.slice(0, 2), mark);
  expect(sink.statuses.map((s) => s.online)).toEqual([true, false, true, false, true]);
});

test('a peer that accepts but never answers: offline after watchdogMs, and the connection is made anew', async () => {
  const sockets: Socket[] = [];
  let connections = 0;
  let reconnected: () => void = () => undefined;
  const second = new Promise<void>((resolve) => {
    reconnected = resolve;
  });
  const server = createServer((socket) => {
    sockets.push(socket);
    if (++connections === 2) reconnected();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  cleanups.push(() => new Promise((ok) => {
    for (const s of sockets) s.destroy();
    server.close(() => ok());
  }));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const sink = new RecordingSink();
  const manager = new ReaderManager([parseReaderConfig({ id: 'r2000-net', room: 'wait-2', role: 'room', transport: `tcp://127.0.0.1:${port}`, protocol: 'r2000', pollMs: 50, watchdogMs: 300 })], sink);
  cleanups.push(() => manager.stop());
  manager.start();
  await sink.waitForStatus('r2000-net', false);
  expect(sink.statuses).toEqual([expect.objectContaining({ online: false, reason: 'no reply for 300 ms' })]);
  await second;
  expect(connections).toBe(2);
});
