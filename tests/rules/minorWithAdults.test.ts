import { describe, expect, it } from 'vitest';
import { checked, enter, move, transitions, type Seen, type Step } from '../helpers/ruleRun.js';

// T0 is 2026-03-02 08:00 in +08:00, so entry dates are 2026-03-02.
const R = 'minor_with_adults';
const withAdult = (birthDate: string): Step[] => [
  [1, enter('A')], [2, enter('M', { birthDate, basis: 'admin_summons' })], [3, checked('A')], [4, checked('M')], [10, move('A', 'W2')], [20, move('M', 'W2')],
];

const table: [string, Step[], number, Seen[]][] = [
  ['a fifteen-year-old with an adult', withAdult('2010-06-01'), 200, [[80, 'raised', 'room:W2']]],
  ['on the 18th birthday still a minor', withAdult('2008-03-02'), 200, [[80, 'raised', 'room:W2']]],
  ['the day after the 18th birthday an adult', withAdult('2008-03-01'), 200, []],
  ['born 29 February 2008: adult from 1 March 2026', withAdult('2008-02-29'), 200, []],
  ['two minors together', [[1, enter('M1', { birthDate: '2010-01-01' })], [2, enter('M2', { birthDate: '2011-01-01' })], [3, checked('M1')], [4, checked('M2')], [10, move('M1', 'W2')], [20, move('M2', 'W2')]], 200, []],
  ['together outside waiting rooms', [[1, enter('A')], [2, enter('M', { birthDate: '2010-06-01' })], [3, checked('A')], [4, checked('M')], [10, move('A', 'MED')], [20, move('M', 'MED')]], 200, []],
];

describe(R, () => {
  it.each(table)('%s', (_n, steps, end, expected) => {
    expect(transitions(steps, end, R)).toEqual(expected);
  });
});
