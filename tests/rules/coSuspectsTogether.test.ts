import { describe, expect, it } from 'vitest';
import { checked, enter, move, transitions, type Seen, type Step } from '../helpers/ruleRun.js';

const R = 'co_suspects_together';
const pair = (a: Record<string, unknown>, b: Record<string, unknown>): Step[] => [[1, enter('P1', a)], [2, enter('P2', b)], [3, checked('P1')], [4, checked('P2')]];

const table: [string, Step[], number, Seen[]][] = [
  ['two suspects of one case', [...pair({ caseNo: 'K1' }, { caseNo: 'K1' }), [10, move('P1', 'W2')], [20, move('P2', 'W2')]], 200, [[80, 'raised', 'room:W2']]],
  ['one leaves before the grace ends', [...pair({ caseNo: 'K1' }, { caseNo: 'K1' }), [10, move('P1', 'W2')], [20, move('P2', 'W2')], [79, move('P2', 'W1')]], 200, []],
  ['one leaves after', [...pair({ caseNo: 'K1' }, { caseNo: 'K1' }), [10, move('P1', 'W2')], [20, move('P2', 'W2')], [90, move('P2', 'W1')]], 200, [[80, 'raised', 'room:W2'], [90, 'resolved', 'room:W2']]],
  ['different cases', [...pair({ caseNo: 'K1' }, { caseNo: 'K2' }), [10, move('P1', 'W2')], [20, move('P2', 'W2')]], 200, []],
  ['no case number', [...pair({ caseNo: '' }, { caseNo: '' }), [10, move('P1', 'W2')], [20, move('P2', 'W2')]], 200, []],
  ['a witness of the same case', [[1, enter('P1', { caseNo: 'K1' })], [2, enter('W', { caseNo: 'K1', role: 'witness', basis: null })], [3, checked('P1')], [10, move('P1', 'W2')], [20, move('W', 'W2')]], 200, []],
  ['any room, not only waiting rooms', [...pair({ caseNo: 'K1' }, { caseNo: 'K1' }), [10, move('P1', 'MED')], [20, move('P2', 'MED')]], 200, [[80, 'raised', 'room:MED']]],
];

describe(R, () => {
  it.each(table)('%s', (_n, steps, end, expected) => {
    expect(transitions(steps, end, R)).toEqual(expected);
  });
});
