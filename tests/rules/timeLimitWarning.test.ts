import { describe, expect, it } from 'vitest';
import { AREA } from '../helpers/station.js';
import { enter, H, transitions, type Seen, type Step } from '../helpers/ruleRun.js';

const R = 'time_limit_warning';
const admin: Step = [0, enter('P1', { basis: 'admin_summons' })];
const extend = (sec: number, limitHours: number): Step => [sec, { type: 'person.extend', personId: 'P1', limitHours, approvedBy: 'O3' }];

const table: [string, Step[], number, Seen[], Record<string, unknown>?][] = [
  ['an hour before the 8-hour limit, until it', [admin], 9 * H, [[7 * H, 'raised', 'person:P1'], [8 * H, 'resolved', 'person:P1']]],
  ['an extension moves the window', [admin, extend(7.5 * H, 12)], 13 * H, [[7 * H, 'raised', 'person:P1'], [7.5 * H, 'resolved', 'person:P1'], [11 * H, 'raised', 'person:P1'], [12 * H, 'resolved', 'person:P1']]],
  ['leaving the area', [admin, [7.5 * H, { type: 'person.exit', personId: 'P1', destination: 'released' }]], 9 * H, [[7 * H, 'raised', 'person:P1'], [7.5 * H, 'resolved', 'person:P1']]],
  ['no basis, no limit', [[0, enter('P1', { role: 'witness', basis: null })]], 30 * H, []],
  ['voluntary appearance has no limit', [[0, enter('P1', { basis: 'voluntary' })]], 30 * H, []],
  ['a warning window longer than the limit starts at entry', [[10, enter('P1', { basis: 'admin_summons' })]], 9 * H, [[10, 'raised', 'person:P1'], [8 * H + 10, 'resolved', 'person:P1']], { ...AREA, settings: { timeLimitWarnMinutes: 600 } }],
];

describe(R, () => {
  it.each(table)('%s', (_n, steps, end, expected, area) => {
    expect(transitions(steps, end, R, area)).toEqual(expected);
  });
});
