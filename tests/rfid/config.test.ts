import { describe, expect, test } from 'vitest';
import { parseReaderConfig, parseReaderConfigs, READER_DEFAULTS } from '../../hardware/rfid/config.js';

const base = { id: 'r-wait-1', room: 'wait-1', role: 'room', transport: '/dev/serial/by-id/usb-FTDI_FT232R_A10K5XYZ-if00-port0', protocol: 'r2000' };

describe('reader config', () => {
  test('fills every default; the baud rate is the protocol\'s', () => {
    expect(parseReaderConfig(base)).toEqual({
      ...base, baud: 115200, rssiMin: null,
      dedupMs: READER_DEFAULTS.dedupMs, watchdogMs: READER_DEFAULTS.watchdogMs, pollMs: READER_DEFAULTS.pollMs,
    });
    expect(parseReaderConfig({ ...base, protocol: 'em4100' }).baud).toBe(9600);
    expect(parseReaderConfig({ ...base, protocol: 'chafon' }).baud).toBe(57600);
  });

  test('keeps given values; an exit reader needs no room', () => {
    const c = parseReaderConfig({ id: 'exit', role: 'exit', transport: 'tcp://192.168.1.200:4001', protocol: 'chafon', baud: 115200, rssiMin: 60, dedupMs: 0, watchdogMs: 5000, pollMs: 500 });
    expect(c).toMatchObject({ room: null, baud: 115200, rssiMin: 60, dedupMs: 0, watchdogMs: 5000, pollMs: 500 });
  });

  test.each([
    ['tcp://[::1]:4001'], ['tcp://reader-3.local:6000'], ['COM3'], ['/tmp/rfid-demo/station'],
  ])('accepts transport %s', (transport) => {
    expect(parseReaderConfig({ ...base, transport }).transport).toBe(transport);
  });

  test.each([
    [{ ...base, transport: 'ttyUSB0' }, 'reader "r-wait-1": field "transport": must be a serial device path'],
    [{ ...base, transport: 'tcp://host:70000' }, 'field "transport"'],
    [{ ...base, transport: 'tcp://host' }, 'field "transport"'],
    [{ ...base, protocol: 'rdm6300' }, 'reader "r-wait-1": field "protocol": must be one of em4100, r2000, chafon'],
    [{ ...base, role: 'door' }, 'field "role": must be one of room, exit'],
    [{ ...base, room: null }, 'reader "r-wait-1": field "room": is required for a room reader'],
    [{ ...base, baud: 9600.5 }, 'field "baud"'],
    [{ ...base, baud: '9600' }, 'field "baud"'],
    [{ ...base, dedupMs: -1 }, 'field "dedupMs"'],
    [{ ...base, pollMs: 500, watchdogMs: 800 }, 'field "watchdogMs": must be at least twice pollMs (500)'],
    [{ ...base, baudrate: 9600 }, 'reader "r-wait-1": unknown field "baudrate"'],
    [{ ...base, id: '' }, 'reader #1: field "id"'],
    [{ room: 'a' }, 'reader #1: field "id"'],
  ])('rejects %j', (input, message) => {
    expect(() => parseReaderConfig(input)).toThrow(message);
  });

  test('a list: names the reader by position when it has no id, and refuses duplicates', () => {
    expect(() => parseReaderConfigs([base, { ...base, id: 'b', transport: '/dev/ttyUSB1', protocol: 'x' }])).toThrow('reader "b": field "protocol"');
    expect(() => parseReaderConfigs([base, { role: 'exit' }])).toThrow('reader #2');
    expect(() => parseReaderConfigs([base, { ...base, transport: '/dev/ttyUSB1' }])).toThrow('reader "r-wait-1": field "id": is used by another reader');
    expect(() => parseReaderConfigs([base, { ...base, id: 'b' }])).toThrow('reader "b": field "transport": is already used by reader "r-wait-1"');
    expect(() => parseReaderConfigs({})).toThrow('readers: must be a list');
    expect(parseReaderConfigs([base, { ...base, id: 'b', transport: 'tcp://10.0.0.5:4001' }])).toHaveLength(2);
  });
});
