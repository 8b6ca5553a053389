import { describe, expect, it } from 'vitest';
import { AREA } from '../helpers/station.js';
import { enter, H, transitions, type Seen, type Step } from '../helpers/ruleRun.js';

const R = 'overstay';
const table: [string, Step[], number, Seen[], Record<string, unknown>?][] = [
  ['24 hours in the area whatever the basis', [[5, enter('P1', { role: 'witness', basis: null })]], 30 * H, [[24 * H + 5, 'raised', 'person:P1']]],
  ['a shorter setting', [[0, enter('P1', { basis: 'voluntary' })]], 3 * H, [[2 * H, 'raised', 'person:P1']], { ...AREA, settings: { maxStayHours: 2 } }],
  ['left in time', [[0, enter('P1', { basis: 'voluntary' })], [23 * H, { type: 'person.exit', personId: 'P1', destination: 'released' }]], 30 * H, []],
];

describe(R, () => {
  it.each(table)('%s', (_n, steps, end, expected, area) => {
    expect(transitions(steps, end, R, area)).toEqual(expected);
  });
});
