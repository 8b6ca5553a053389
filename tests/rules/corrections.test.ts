// The rules after person.correct: the corrected facts count from that instant, like any change of
// state; a correction of someone who has exited changes no alarm.
import { describe, expect, it } from 'vitest';
import { H, camera, checked, enter, move, read, start, transitions, type Seen, type Step } from '../helpers/ruleRun.js';

const correct = (personId: string, fields: Record<string, unknown>): Record<string, unknown> => ({
  type: 'person.correct', personId, fields, reason: '录入错误', approvedBy: 'O3',
});
const witness = (id: string, extra: Record<string, unknown> = {}) => enter(id, { role: 'witness', basis: null, caseNo: null, ...extra });

const table: [string, string, Step[], number, Seen[]][] = [
  ['a gender corrected within the grace ends mixed gender waiting', 'mixed_gender_waiting',
    [[1, witness('A')], [2, witness('B', { gender: 'female' })], [10, move('A', 'W2')], [11, move('B', 'W2')], [40, correct('B', { gender: 'male' })]], 200, []],
  ['a gender corrected after the grace resolves it', 'mixed_gender_waiting',
    [[1, witness('A')], [2, witness('B', { gender: 'female' })], [10, move('A', 'W2')], [11, move('B', 'W2')], [100, correct('B', { gender: 'male' })]], 200,
    [[71, 'raised', 'room:W2'], [100, 'resolved', 'room:W2']]],
  ['a witness corrected to a suspect in a guarded room starts the grace there', 'unaccompanied_suspect',
    [[1, witness('A')], [10, move('A', 'REG')], [40, correct('A', { role: 'suspect', basis: 'admin_summons' })]], 200,
    [[100, 'raised', 'person:A']]],
  ['and is not yet searched', 'missing_security_check',
    [[1, witness('A')], [10, move('A', 'W2')], [40, correct('A', { role: 'suspect', basis: 'admin_summons' })], [50, checked('A')]], 200,
    [[40, 'raised', 'person:A'], [50, 'resolved', 'person:A']]],
  ['a case number corrected to another suspect\'s', 'co_suspects_together',
    [[1, enter('A')], [2, enter('B')], [3, checked('A')], [4, checked('B')], [10, move('A', 'W2')], [11, move('B', 'W2')], [30, correct('B', { caseNo: 'C-A' })]], 200,
    [[90, 'raised', 'room:W2']]],
  ['a birth date that makes a minor among adults', 'minor_with_adults',
    [[1, witness('A')], [2, witness('B')], [10, move('A', 'W2')], [11, move('B', 'W2')], [30, correct('B', { birthDate: '2010-01-01' })]], 200,
    [[90, 'raised', 'room:W2']]],
  ['a birth date that makes the person in a session a minor', 'minor_without_guardian',
    [[1, enter('A')], [2, camera('CAM-INT1', true, true)], [3, start('S1', 'INT1', 'A', ['O1', 'O3'])], [30, correct('A', { birthDate: '2010-01-01' })],
      [40, { type: 'session.join', sessionId: 'S1', appropriateAdult: '张母' }]], 100,
    [[30, 'raised', 'session:S1'], [40, 'resolved', 'session:S1']]],
  ['a corrected basis moves the deadline: the warning of the old one resolves', 'time_limit_warning',
    [[1, enter('A', { basis: 'admin_summons' })], [7.5 * H, correct('A', { basis: 'criminal_summons' })]], 13 * H,
    [[7 * H + 1, 'raised', 'person:A'], [7.5 * H, 'resolved', 'person:A'], [11 * H + 1, 'raised', 'person:A'], [12 * H + 1, 'resolved', 'person:A']]],
  ['a shorter basis found late is exceeded at once', 'time_limit_exceeded',
    [[1, enter('A', { basis: 'interrogation_stop' })], [10 * H, correct('A', { basis: 'admin_summons' })]], 11 * H,
    [[10 * H, 'raised', 'person:A']]],
  ['a basis with no limit ends the limit', 'time_limit_exceeded',
    [[1, enter('A', { basis: 'admin_summons' })], [9 * H, correct('A', { basis: 'voluntary' })]], 30 * H,
    [[8 * H + 1, 'raised', 'person:A'], [9 * H, 'resolved', 'person:A']]],
  ['the old wristband read after a new one is bound', 'unknown_tag',
    [[1, enter('A')], [10, correct('A', { tag: 'T-A2' })], [20, read('RD-W1', 'T-A')], [21, read('RD-W1', 'T-A2')]], 100,
    [[20, 'raised', 'tag:T-A']]],
  ['an unknown wristband corrected onto a person is known from then on', 'unknown_tag',
    [[1, enter('A')], [10, read('RD-W1', 'T-LOST')], [20, correct('A', { tag: 'T-LOST' })]], 100,
    [[10, 'raised', 'tag:T-LOST'], [20, 'resolved', 'tag:T-LOST']]],
  ['a correction of someone who has exited changes no alarm', 'mixed_gender_waiting',
    [[1, witness('A')], [2, witness('B')], [10, move('A', 'W2')], [11, move('B', 'W2')], [20, { type: 'person.exit', personId: 'B', destination: 'released' }],
      [30, correct('B', { gender: 'female', role: 'suspect', basis: 'admin_summons' })]], 200, []],
];

describe('rules after person.correct', () => {
  it.each(table)('%s', (_n, rule, steps, end, expected) => {
    expect(transitions(steps, end, rule)).toEqual(expected);
  });
});
