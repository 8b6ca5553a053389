import { describe, expect, it } from 'vitest';
import { checked, enter, move, read, transitions, type Seen, type Step } from '../helpers/ruleRun.js';

const R = 'left_without_exit';
const base: Step[] = [[1, enter('P1')], [2, checked('P1')], [3, read('RD-W1', 'T-P1')]];
const tempExit = (sec: number): Step => [sec, { type: 'person.tempExit', personId: 'P1', reason: '就医', approvedBy: 'O3', expectedReturnAt: '2026-03-02T02:00:00Z' }];

const table: [string, Step[], number, Seen[]][] = [
  ['read by the exit reader, at once; read inside again resolves', [...base, [10, read('RD-EXIT', 'T-P1')], [30, read('RD-W1', 'T-P1')]], 100, [[10, 'raised', 'person:P1'], [30, 'resolved', 'person:P1']]],
  ['repeated exit reads raise it once', [...base, [10, read('RD-EXIT', 'T-P1')], [20, read('RD-EXIT', 'T-P1')]], 100, [[10, 'raised', 'person:P1']]],
  ['during a temporary exit', [...base, tempExit(5), [10, read('RD-EXIT', 'T-P1')]], 100, []],
  ['a manual move to a room resolves, to "not known" does not', [...base, [10, read('RD-EXIT', 'T-P1')], [20, move('P1', null)], [40, move('P1', 'W1')]], 100, [[10, 'raised', 'person:P1'], [40, 'resolved', 'person:P1']]],
  ['a temporary exit recorded afterwards resolves', [...base, [10, read('RD-EXIT', 'T-P1')], tempExit(25)], 100, [[10, 'raised', 'person:P1'], [25, 'resolved', 'person:P1']]],
  ['the exit resolves', [...base, [10, read('RD-EXIT', 'T-P1')], [50, { type: 'person.exit', personId: 'P1', destination: 'released' }]], 100, [[10, 'raised', 'person:P1'], [50, 'resolved', 'person:P1']]],
  ['an officer leaving is no alarm', [[5, read('RD-EXIT', 'T-O1')]], 100, []],
];

describe(R, () => {
  it.each(table)('%s', (_n, steps, end, expected) => {
    expect(transitions(steps, end, R)).toEqual(expected);
  });
});
