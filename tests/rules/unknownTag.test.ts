import { describe, expect, it } from 'vitest';
import { enter, read, transitions, type Seen, type Step } from '../helpers/ruleRun.js';

const R = 'unknown_tag';
const table: [string, Step[], number, Seen[]][] = [
  ['a tag bound to nobody, at once; binding it resolves', [[10, read('RD-W1', 'T-X')], [20, enter('P1', { tag: 'T-X' })]], 100, [[10, 'raised', 'tag:T-X'], [20, 'resolved', 'tag:T-X']]],
  ['read again: still one alarm', [[10, read('RD-W1', 'T-X')], [20, read('RD-W2', 'T-X')], [30, read('RD-EXIT', 'T-X')]], 100, [[10, 'raised', 'tag:T-X']]],
  ['bound to a new officer', [[10, read('RD-W1', 'T-X')], [20, { type: 'officer.register', officer: { id: 'O9', name: '新民警', gender: 'male', tag: 'T-X' } }]], 100, [[10, 'raised', 'tag:T-X'], [20, 'resolved', 'tag:T-X']]],
  ['the wristband of a person who has left', [[1, enter('P1', { role: 'witness', basis: null })], [10, { type: 'person.exit', personId: 'P1', destination: 'released' }], [20, read('RD-W1', 'T-P1')]], 100, [[20, 'raised', 'tag:T-P1']]],
  ['a bound tag', [[1, enter('P1')], [10, read('RD-REG', 'T-P1')]], 100, []],
];

describe(R, () => {
  it.each(table)('%s', (_n, steps, end, expected) => {
    expect(transitions(steps, end, R)).toEqual(expected);
  });
});
