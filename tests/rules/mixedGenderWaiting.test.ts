import { describe, expect, it } from 'vitest';
import { checked, enter, move, transitions, type Seen, type Step } from '../helpers/ruleRun.js';

const R = 'mixed_gender_waiting';
const base: Step[] = [[1, enter('M')], [2, enter('F', { gender: 'female', role: 'victim', basis: null })], [3, checked('M')]];

const table: [string, Step[], number, Seen[]][] = [
  ['a man and a woman in a waiting room', [...base, [10, move('M', 'W2')], [20, move('F', 'W2')]], 200, [[80, 'raised', 'room:W2']]],
  ['resolved when one leaves', [...base, [10, move('M', 'W2')], [20, move('F', 'W2')], [100, move('F', 'MED')]], 200, [[80, 'raised', 'room:W2'], [100, 'resolved', 'room:W2']]],
  ['she leaves exactly at the end of the grace', [...base, [10, move('M', 'W2')], [20, move('F', 'W2')], [80, move('F', 'MED')]], 200, [[80, 'raised', 'room:W2'], [80, 'resolved', 'room:W2']]],
  ['other rooms are not waiting rooms', [...base, [10, move('M', 'MED')], [20, move('F', 'MED')]], 200, []],
  ['officers are not persons', [[1, enter('M')], [3, checked('M')], [10, move('M', 'W2')], [20, move('O2', 'W2')]], 200, []],
];

describe(R, () => {
  it.each(table)('%s', (_n, steps, end, expected) => {
    expect(transitions(steps, end, R)).toEqual(expected);
  });
});
