import { describe, expect, it } from 'vitest';
import { enter, H, transitions, type Seen, type Step } from '../helpers/ruleRun.js';

const R = 'time_limit_exceeded';
const summons: Step = [0, enter('P1', { basis: 'criminal_summons' })];

const table: [string, Step[], number, Seen[]][] = [
  ['at the 12-hour limit of a criminal summons', [summons], 30 * H, [[12 * H, 'raised', 'person:P1']]],
  ['an extension after the limit resolves it until the new limit', [summons, [13 * H, { type: 'person.extend', personId: 'P1', limitHours: 24, approvedBy: 'O3' }]], 30 * H, [[12 * H, 'raised', 'person:P1'], [13 * H, 'resolved', 'person:P1'], [24 * H, 'raised', 'person:P1']]],
  ['criminal detention: 24 hours to the detention centre', [[0, enter('P1', { basis: 'criminal_detention' })]], 30 * H, [[24 * H, 'raised', 'person:P1']]],
  ['interrogation stop: 24 hours', [[0, enter('P1', { basis: 'interrogation_stop' })]], 30 * H, [[24 * H, 'raised', 'person:P1']]],
  ['exit before the limit', [summons, [11 * H, { type: 'person.exit', personId: 'P1', destination: 'released' }]], 30 * H, []],
  ['exit after the limit resolves', [summons, [13 * H, { type: 'person.exit', personId: 'P1', destination: 'detention_center' }]], 30 * H, [[12 * H, 'raised', 'person:P1'], [13 * H, 'resolved', 'person:P1']]],
];

describe(R, () => {
  it.each(table)('%s', (_n, steps, end, expected) => {
    expect(transitions(steps, end, R)).toEqual(expected);
  });
});
