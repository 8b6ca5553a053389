// The station's start-up options, and the desk app's share of a command line that also carries
// Chromium's switches.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../main/cli/args.js';
import { parseStartArgs, reopenArgs, stationArgsOf } from '../../main/host/startArgs.js';

describe('start-up options', () => {
  it('reads every option', () => {
    expect(parseStartArgs(['--config', 'c.json', '--data', 'd', '--port', '0', '--lan', '--bind', '127.0.0.1', '--rebuild', '--example']))
      .toEqual({ config: 'c.json', data: 'd', port: 0, lan: true, bind: '127.0.0.1', rebuild: true, example: true });
    expect(parseStartArgs([])).toEqual({ lan: false, rebuild: false, example: false });
  });

  it('restarts on the other record with the same folder, address and port, and nothing of the first start', () => {
    expect(reopenArgs(['--config', 'c.json', '--data', 'd', '--port', '0', '--lan', '--bind', '127.0.0.1', '--example', '--restore', 'b.db'], 43817))
      .toEqual(['--data', 'd', '--port', '43817', '--lan', '--bind', '127.0.0.1']);
    expect(reopenArgs([], null)).toEqual([]);
  });

  it.each([
    [['--port', '80a']], [['--port', '-1']], [['--port', '65536']], [['--colour']], [['extra']], [['--config']],
  ])('refuses %j', (argv) => {
    expect(() => parseStartArgs(argv)).toThrow(UsageError);
  });
});

describe('the desk app\'s command line', () => {
  it.each([
    [['--no-sandbox', '--config', 'c.json', '--disable-gpu'], ['--config', 'c.json']],
    [['--config=c.json', '--js-flags=--expose-gc', '--data', 'd'], ['--config=c.json', '--data', 'd']],
    [['--lan', '--enable-logging', '--port', '8621'], ['--lan', '--port', '8621']],
    [['--rebuild', '--inspect=9229'], []],
    [['/opt/app', '--bind', '0.0.0.0'], ['--bind', '0.0.0.0']],
  ])('%j → %j', (argv, station) => {
    expect(stationArgsOf(argv)).toEqual(station);
  });
});
