import { describe, expect, it } from 'vitest';
import { enter, H, transitions, type Seen, type Step } from '../helpers/ruleRun.js';

const R = 'no_meal';
const meal = (sec: number): Step => [sec, { type: 'care.meal', personId: 'P1' }];
const table: [string, Step[], number, Seen[]][] = [
  ['six hours after entry', [[1, enter('P1', { basis: 'voluntary' })]], 7 * H, [[6 * H + 1, 'raised', 'person:P1']]],
  ['a meal restarts the interval', [[1, enter('P1', { basis: 'voluntary' })], meal(5 * H)], 12 * H, [[11 * H, 'raised', 'person:P1']]],
  ['a meal after the alarm resolves it', [[0, enter('P1', { basis: 'voluntary' })], meal(7 * H)], 12 * H, [[6 * H, 'raised', 'person:P1'], [7 * H, 'resolved', 'person:P1']]],
  ['a meal exactly at the deadline', [[0, enter('P1', { basis: 'voluntary' })], meal(6 * H)], 11 * H, [[6 * H, 'raised', 'person:P1'], [6 * H, 'resolved', 'person:P1']]],
];

describe(R, () => {
  it.each(table)('%s', (_n, steps, end, expected) => {
    expect(transitions(steps, end, R)).toEqual(expected);
  });
});
