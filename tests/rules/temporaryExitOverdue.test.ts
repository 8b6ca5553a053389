import { describe, expect, it } from 'vitest';
import { enter, H, transitions, type Seen, type Step } from '../helpers/ruleRun.js';

const R = 'temporary_exit_overdue';
// Expected back at T0 + 1 h.
const out: Step = [10, { type: 'person.tempExit', personId: 'P1', reason: '送医院检查', approvedBy: 'O3', expectedReturnAt: '2026-03-02T09:00:00+08:00' }];
const back = (sec: number): Step => [sec, { type: 'person.return', personId: 'P1' }];

const table: [string, Step[], number, Seen[]][] = [
  ['not back by the expected time', [[1, enter('P1')], out], 2 * H, [[H, 'raised', 'person:P1']]],
  ['back late', [[1, enter('P1')], out, back(H + 600)], 2 * H, [[H, 'raised', 'person:P1'], [H + 600, 'resolved', 'person:P1']]],
  ['back in time', [[1, enter('P1')], out, back(H - 1)], 2 * H, []],
  ['back exactly on time is already late', [[1, enter('P1')], out, back(H)], 2 * H, [[H, 'raised', 'person:P1'], [H, 'resolved', 'person:P1']]],
];

describe(R, () => {
  it.each(table)('%s', (_n, steps, end, expected) => {
    expect(transitions(steps, end, R)).toEqual(expected);
  });
});
