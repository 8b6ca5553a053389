import { describe, expect, it } from 'vitest';
import { checked, enter, move, transitions, type Seen, type Step } from '../helpers/ruleRun.js';

const R = 'capacity_exceeded';
const three: Step[] = ['A', 'B', 'C'].flatMap((id, i): Step[] => [[1 + i, enter(id)], [5 + i, checked(id)]]);

const table: [string, Step[], number, Seen[]][] = [
  ['three persons in a room for two', [...three, [10, move('A', 'W1')], [11, move('B', 'W1')], [12, move('C', 'W1')]], 200, [[72, 'raised', 'room:W1']]],
  ['one leaves at the end of the grace', [...three, [10, move('A', 'W1')], [11, move('B', 'W1')], [12, move('C', 'W1')], [72, move('C', 'W2')]], 200, [[72, 'raised', 'room:W1'], [72, 'resolved', 'room:W1']]],
  ['two persons and an officer', [...three, [10, move('A', 'W1')], [11, move('B', 'W1')], [12, move('O1', 'W1')]], 200, []],
  ['a room without a capacity', [...three, [10, move('A', 'MED')], [11, move('B', 'MED')], [12, move('C', 'MED')]], 200, []],
];

describe(R, () => {
  it.each(table)('%s', (_n, steps, end, expected) => {
    expect(transitions(steps, end, R)).toEqual(expected);
  });
});
