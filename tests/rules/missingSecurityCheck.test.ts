import { describe, expect, it } from 'vitest';
import { checked, enter, move, read, transitions, type Seen, type Step } from '../helpers/ruleRun.js';

const R = 'missing_security_check';
const table: [string, Step[], number, Seen[]][] = [
  ['an unsearched suspect in a waiting room, at once; the search resolves it', [[1, enter('P1')], [10, move('P1', 'W1')], [30, checked('P1')]], 100, [[10, 'raised', 'person:P1'], [30, 'resolved', 'person:P1']]],
  ['registration and the search room are where a search happens', [[1, enter('P1')], [10, move('P1', 'REG')], [20, move('P1', 'SEC')]], 100, []],
  ['read by a room reader', [[1, enter('P1')], [10, read('RD-W1', 'T-P1')]], 100, [[10, 'raised', 'person:P1']]],
  ['back to the search room', [[1, enter('P1')], [10, move('P1', 'W1')], [20, read('RD-SEC', 'T-P1')]], 100, [[10, 'raised', 'person:P1'], [20, 'resolved', 'person:P1']]],
  ['presence unknown again', [[1, enter('P1')], [10, move('P1', 'W1')], [20, move('P1', null)]], 100, [[10, 'raised', 'person:P1'], [20, 'resolved', 'person:P1']]],
  ['a witness is not searched first', [[1, enter('W', { role: 'witness', basis: null })], [10, move('W', 'W1')]], 100, []],
  ['searched before moving', [[1, enter('P1')], [5, checked('P1')], [10, move('P1', 'INT1')]], 100, []],
];

describe(R, () => {
  it.each(table)('%s', (_n, steps, end, expected) => {
    expect(transitions(steps, end, R)).toEqual(expected);
  });
});
