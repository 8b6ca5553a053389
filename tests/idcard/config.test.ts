// `idCardReader` in the station configuration: defaults filled, mistakes named.
import { describe, expect, test } from 'vitest';
import { parseIdCardReaderConfig } from '../../hardware/idcard/config.js';

describe('idCardReader configuration', () => {
  test('defaults: 115200 baud, polled every 300 ms, offline after 3 s of silence', () => {
    expect(parseIdCardReaderConfig({ transport: '/dev/serial/by-id/usb-CVR-100U-if00' }, 'D')).toEqual({
      id: 'D', transport: '/dev/serial/by-id/usb-CVR-100U-if00', baud: 115200, pollMs: 300, watchdogMs: 3000,
    });
    expect(parseIdCardReaderConfig({ transport: 'tcp://10.0.0.5:4001', baud: 9600 }, 'D').baud).toBe(9600);
  });

  test.each([
    [{}, /idCardReader: field "transport"/],
    [{ transport: 'ttyUSB0' }, /idCardReader: field "transport": must be a serial device path/],
    [{ transport: 'COM3', baud: 115200.5 }, /field "baud"/],
    [{ transport: 'COM3', pollMs: 2000 }, /field "watchdogMs": must be at least twice pollMs \(2000\)/],
    [{ transport: 'COM3', protocol: 'sam' }, /idCardReader: unknown field "protocol"/],
  ])('%j is refused, naming the field', (raw, message) => {
    expect(() => parseIdCardReaderConfig(raw, 'D')).toThrow(message);
  });
});
