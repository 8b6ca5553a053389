import { afterEach, expect, test, vi } from 'vitest';
import { Reconnector } from '../../hardware/rfid/reconnector.js';
import { FakeReaderPort } from '../helpers/fakeReaderPort.js';

afterEach(() => {
  vi.useRealTimers();
});

test('open attempts back off 100, 200, 400, 800, then every 1000 ms; a long-lived link resets the delay', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
  const port = new FakeReaderPort();
  port.present = false;
  const attempts: number[] = [];
  const downs: string[] = [];
  const start = Date.now();
  const connector: typeof port.connector = (events) => {
    attempts.push(Date.now() - start);
    return port.connector(events);
  };
  const r = new Reconnector(connector, { minMs: 100, maxMs: 1000 }, { up: () => undefined, data: () => undefined, down: (reason) => downs.push(reason) });
  r.start();
  await vi.advanceTimersByTimeAsync(3600);
  expect(attempts).toEqual([0, 100, 300, 700, 1500, 2500, 3500]);
  expect(downs[0]).toBe('open failed: No such file or directory');

  port.plug();
  await vi.advanceTimersByTimeAsync(1000);
  expect(r.isUp).toBe(true);
  // Up for longer than a flap: after the unplug the first retry comes after 100 ms again.
  await vi.advanceTimersByTimeAsync(5000);
  attempts.length = 0;
  const unpluggedAt = Date.now() - start;
  port.unplug();
  await vi.advanceTimersByTimeAsync(350);
  expect(attempts.map((t) => t - unpluggedAt)).toEqual([100, 300]);
  await r.stop();
});

test('a link that drops right after opening keeps the delay growing', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
  const port = new FakeReaderPort();
  const attempts: number[] = [];
  const start = Date.now();
  const r = new Reconnector((events) => {
    attempts.push(Date.now() - start);
    const link = port.connector(events);
    // The device closes at once, as a misbehaving adapter does.
    setTimeout(() => events.closed('port closed'), 1);
    return link;
  }, { minMs: 100, maxMs: 1000 }, { up: () => undefined, data: () => undefined, down: () => undefined });
  r.start();
  await vi.advanceTimersByTimeAsync(1600);
  expect(attempts).toEqual([0, 101, 302, 703, 1504]);
  await r.stop();
});
