// The serial link itself on a real pty pair: bytes both ways, one 'closed' on unplug, and
// writes that settle (never hang) once the port is gone.
import { SerialPort } from 'serialport';
import { afterAll, expect, test } from 'vitest';
import { serialConnector } from '../../hardware/rfid/serialTransport.js';
import { SocatPair } from '../../hardware/rfid/sim/socatPair.js';

let pair: SocatPair | null = null;
afterAll(async () => {
  await pair?.close();
});

test('bytes both ways; unplugged: closed once, and later writes reject instead of hanging', async () => {
  pair = await SocatPair.open();
  const received: Buffer[] = [];
  const closes: string[] = [];
  let arrived: () => void = () => undefined;
  let closed: () => void = () => undefined;
  const gotData = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  const gotClose = new Promise<void>((resolve) => {
    closed = resolve;
  });
  const link = await serialConnector(pair.a, 115200)({
    data: (chunk) => {
      received.push(chunk);
      arrived();
    },
    closed: (reason) => {
      closes.push(reason);
      closed();
    },
  });
  const device = await new Promise<SerialPort>((resolve, reject) => {
    const p = new SerialPort({ path: pair?.b ?? '', baudRate: 115200 }, (err) => (err ? reject(err) : resolve(p)));
  });
  const echoed = new Promise<Buffer>((resolve) => device.once('data', (chunk: Buffer) => resolve(chunk)));
  await link.write(Buffer.from([0xa0, 0x03, 0xff, 0x72, 0xec]));
  expect(await echoed).toEqual(Buffer.from([0xa0, 0x03, 0xff, 0x72, 0xec]));
  device.write(Buffer.from('hello'));
  await gotData;
  expect(Buffer.concat(received).toString()).toBe('hello');

  await pair.unplug();
  await gotClose;
  expect(closes).toHaveLength(1);
  expect(closes[0]).toMatch(/^port (lost|error)/);
  await expect(link.write(Buffer.from([1]))).rejects.toThrow();
  await link.close();
  expect(closes).toHaveLength(1);
});
