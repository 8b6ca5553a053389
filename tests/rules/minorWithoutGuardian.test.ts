import { describe, expect, it } from 'vitest';
import { checked, enter, start, transitions, type Seen, type Step } from '../helpers/ruleRun.js';

const R = 'minor_without_guardian';
const minor: Step[] = [[1, enter('M', { birthDate: '2010-06-01' })], [2, checked('M')]];

const table: [string, Step[], number, Seen[]][] = [
  ['a session of a minor without an appropriate adult, at once', [...minor, [10, start('S1', 'INT1', 'M', ['O1', 'O2'])]], 100, [[10, 'raised', 'session:S1']]],
  ['an appropriate adult joins', [...minor, [10, start('S1', 'INT1', 'M', ['O1', 'O2'])], [30, { type: 'session.join', sessionId: 'S1', appropriateAdult: '张某（母亲）' }]], 100, [[10, 'raised', 'session:S1'], [30, 'resolved', 'session:S1']]],
  ['named at the start', [...minor, [10, start('S1', 'INT1', 'M', ['O1', 'O2'], { appropriateAdult: '张某（母亲）' })]], 100, []],
  ['the session ends', [...minor, [10, start('S1', 'INT1', 'M', ['O1'])], [40, { type: 'session.end', sessionId: 'S1' }]], 100, [[10, 'raised', 'session:S1'], [40, 'resolved', 'session:S1']]],
  ['an adult needs none', [[1, enter('A')], [2, checked('A')], [10, start('S1', 'INT1', 'A', ['O1', 'O2'])]], 100, []],
  ['a minor witness too', [[1, enter('W', { role: 'witness', basis: null, birthDate: '2012-01-01' })], [10, { ...start('S1', 'INQ1', 'W', ['O1']), kind: 'inquiry' }]], 100, [[10, 'raised', 'session:S1']]],
];

describe(R, () => {
  it.each(table)('%s', (_n, steps, end, expected) => {
    expect(transitions(steps, end, R)).toEqual(expected);
  });
});
