import { describe, expect, test } from 'vitest';
import { UsageError } from '../../main/cli/args.js';
import { parseRfidArgs } from '../../main/cli/rfidArgs.js';

describe('rfid listen arguments', () => {
  test('a serial path or tcp://, a protocol, an optional baud rate', () => {
    expect(parseRfidArgs(['listen', '--port', '/dev/serial/by-id/usb-1a86_USB2.0-Serial-if00-port0', '--protocol', 'r2000'])).toEqual({
      command: 'listen', transport: '/dev/serial/by-id/usb-1a86_USB2.0-Serial-if00-port0', protocol: 'r2000', baud: null,
    });
    expect(parseRfidArgs(['listen', '--port=tcp://192.168.1.200:4001', '--protocol=chafon', '--baud', '115200'])).toMatchObject({
      transport: 'tcp://192.168.1.200:4001', baud: 115200,
    });
  });
});

describe('rfid simulate arguments', () => {
  test('tags upper-cased, interval defaulted per protocol', () => {
    expect(parseRfidArgs(['simulate', '--port', '/tmp/x/b', '--protocol', 'em4100', '--tags', '62e3086ced,01000734E0'])).toMatchObject({
      tags: ['62E3086CED', '01000734E0'], intervalMs: 500, garbage: false, oneByteWrites: false,
    });
    expect(parseRfidArgs(['simulate', '--port', '/tmp/x/b', '--protocol', 'chafon', '--tags', 'E2003016', '--model', 'uhfreader288', '--active', '--interval-ms', '20', '--garbage'])).toMatchObject({
      tags: ['E2003016'], intervalMs: 20, chafonModel: 'uhfreader288', chafonActive: true, garbage: true,
    });
    expect(parseRfidArgs(['simulate', '--port', '/tmp/x/b', '--protocol', 'r2000', '--tags', ''])).toMatchObject({ tags: [] });
  });
});

describe('mistakes name the problem', () => {
  test.each([
    [[], 'missing command (listen or simulate)'],
    [['read'], 'unknown command "read" (expected listen or simulate)'],
    [['listen', '--protocol', 'r2000'], 'missing --port'],
    [['listen', '--port', '/dev/ttyUSB0'], 'missing --protocol'],
    [['listen', '--port', '/dev/ttyUSB0', '--protocol', 'rdm6300'], 'unknown protocol "rdm6300" (expected em4100, r2000, chafon)'],
    [['listen', '--port', 'ttyUSB0', '--protocol', 'r2000'], '--port "ttyUSB0" is not a serial device path'],
    [['listen', '--port', 'tcp://10.0.0.1', '--protocol', 'r2000'], '--port "tcp://10.0.0.1" is not'],
    [['listen', '--port', '/dev/ttyUSB0', '--protocol', 'r2000', '--baud', 'fast'], '--baud must be a whole number from 1 to 4000000, not "fast"'],
    [['listen', '--port', '/dev/ttyUSB0', '--protocol', 'r2000', '--tags', 'A'], 'unknown option --tags'],
    [['listen', '--port', '/dev/ttyUSB0', '--protocol', 'r2000', 'extra'], 'unexpected argument "extra"'],
    [['listen', '--port'], 'option --port needs a value'],
    [['simulate', '--port', '/tmp/b', '--protocol', 'em4100'], 'missing --tags'],
    [['simulate', '--port', '/tmp/b', '--protocol', 'em4100', '--tags', '62E3086C'], '--tags: "62E3086C" is not a em4100 tag id (10 hex digits)'],
    [['simulate', '--port', '/tmp/b', '--protocol', 'r2000', '--tags', 'E20030'], '--tags: "E20030" is not a r2000 tag id'],
    [['simulate', '--port', '/tmp/b', '--protocol', 'r2000', '--tags', 'E200', '--active'], '--active applies to chafon only'],
    [['simulate', '--port', '/tmp/b', '--protocol', 'chafon', '--tags', 'E200', '--model', 'x'], '--model must be one of uhfreader18, uhfreader288, not "x"'],
    [['simulate', '--port', '/tmp/b', '--protocol', 'chafon', '--tags', 'E200', '--interval-ms', '0'], '--interval-ms must be a whole number'],
  ])('%j', (argv, message) => {
    let error: unknown = null;
    try {
      parseRfidArgs(argv);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(message);
  });
});
