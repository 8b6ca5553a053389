import { describe, expect, it } from 'vitest';
import { checked, enter, read, start, transitions, type Seen, type Step } from '../helpers/ruleRun.js';

const R = 'insufficient_officers';
const base: Step[] = [[1, enter('P1')], [2, checked('P1')]];

const table: [string, Step[], number, Seen[]][] = [
  ['one officer', [...base, [10, start('S1', 'INT1', 'P1', ['O1'])]], 200, [[70, 'raised', 'session:S1']]],
  ['a second officer joins before the grace ends', [...base, [10, start('S1', 'INT1', 'P1', ['O1'])], [69, { type: 'session.join', sessionId: 'S1', officer: 'O2' }]], 200, []],
  ['a second officer joins exactly at the end of the grace', [...base, [10, start('S1', 'INT1', 'P1', ['O1'])], [70, { type: 'session.join', sessionId: 'S1', officer: 'O2' }]], 200, [[70, 'raised', 'session:S1'], [70, 'resolved', 'session:S1']]],
  ['an officer known elsewhere does not count', [...base, [5, read('RD-W1', 'T-O1')], [10, start('S1', 'INT1', 'P1', ['O1', 'O2'])], [80, read('RD-INT1', 'T-O1')]], 200, [[70, 'raised', 'session:S1'], [80, 'resolved', 'session:S1']]],
  ['an officer outside the area does not count', [...base, [5, read('RD-EXIT', 'T-O2')], [10, start('S1', 'INT1', 'P1', ['O1', 'O2'])]], 200, [[70, 'raised', 'session:S1']]],
  ['officers present in the room count', [...base, [4, read('RD-INT1', 'T-O1')], [5, read('RD-INT1', 'T-O2')], [10, start('S1', 'INT1', 'P1', ['O1', 'O2'])]], 200, []],
  ['an officer leaving the session', [...base, [10, start('S1', 'INT1', 'P1', ['O1', 'O2'])], [20, { type: 'session.leave', sessionId: 'S1', officer: 'O2' }]], 200, [[80, 'raised', 'session:S1']]],
  ['the session ends', [...base, [10, start('S1', 'INT1', 'P1', ['O1'])], [100, { type: 'session.end', sessionId: 'S1' }]], 200, [[70, 'raised', 'session:S1'], [100, 'resolved', 'session:S1']]],
  ['an inquiry of a witness', [[1, enter('W', { role: 'witness', basis: null })], [10, { ...start('S1', 'INQ1', 'W', ['O1']), kind: 'inquiry' }]], 200, []],
  ['an identification', [...base, [10, { ...start('S1', 'ID1', 'P1', ['O1']), kind: 'identification' }]], 200, []],
  ['an inquiry of a suspect', [...base, [10, { ...start('S1', 'INQ1', 'P1', ['O1']), kind: 'inquiry' }]], 200, [[70, 'raised', 'session:S1']]],
];

describe(R, () => {
  it.each(table)('%s', (_n, steps, end, expected) => {
    expect(transitions(steps, end, R)).toEqual(expected);
  });
});
