import { describe, expect, it } from 'vitest';
import { camera, transitions, type Seen, type Step } from '../helpers/ruleRun.js';

const R = 'device_offline';
const reader = (sec: number, online: boolean): Step => [sec, { type: 'device.status', device: 'RD-W1', online }];
const table: [string, Step[], number, Seen[]][] = [
  ['a reader offline for 30 s', [reader(10, false)], 100, [[40, 'raised', 'device:RD-W1']]],
  ['back before the grace ends', [reader(10, false), reader(39, true)], 100, []],
  ['back exactly at the end of the grace', [reader(10, false), reader(40, true)], 100, [[40, 'raised', 'device:RD-W1'], [40, 'resolved', 'device:RD-W1']]],
  ['a camera offline', [[10, camera('CAM-INT1', false, false)], [70, camera('CAM-INT1', true, true)]], 100, [[40, 'raised', 'device:CAM-INT1'], [70, 'resolved', 'device:CAM-INT1']]],
  ['a camera online but not recording is not offline', [[10, camera('CAM-INT1', true, false)]], 100, []],
  ['a repeated offline report does not restart the grace', [reader(10, false), reader(30, false)], 100, [[40, 'raised', 'device:RD-W1']]],
];

describe(R, () => {
  it.each(table)('%s', (_n, steps, end, expected) => {
    expect(transitions(steps, end, R)).toEqual(expected);
  });
});
