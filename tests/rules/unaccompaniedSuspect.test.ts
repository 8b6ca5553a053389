import { describe, expect, it } from 'vitest';
import { AREA } from '../helpers/station.js';
import { checked, enter, move, read, start, transitions, type Seen, type Step } from '../helpers/ruleRun.js';

const R = 'unaccompanied_suspect';
const base: Step[] = [[1, enter('P1')]];
const unguardedSearch = { ...AREA, rooms: AREA.rooms.map((r) => (r.id === 'SEC' ? { ...r, guardRequired: false } : r)) };

const table: [string, Step[], number, Seen[], Record<string, unknown>?][] = [
  ['alone in the search room', [...base, [10, move('P1', 'SEC')]], 200, [[70, 'raised', 'person:P1']]],
  ['an officer arrives before the grace ends', [...base, [10, move('P1', 'SEC')], [69, move('O2', 'SEC')]], 200, []],
  ['an officer arrives exactly at the end of the grace', [...base, [10, move('P1', 'SEC')], [70, move('O2', 'SEC')]], 200, [[70, 'raised', 'person:P1'], [70, 'resolved', 'person:P1']]],
  ['any officer guards, not only the case officers', [...base, [5, read('RD-SEC', 'T-O3')], [10, move('P1', 'SEC')]], 200, []],
  ['the guard leaves', [...base, [5, move('O2', 'SEC')], [10, move('P1', 'SEC')], [100, move('O2', 'W1')]], 300, [[160, 'raised', 'person:P1']]],
  ['waiting rooms need no guard', [...base, [2, checked('P1')], [10, move('P1', 'W1')]], 200, []],
  ['a room configured without a guard', [...base, [10, move('P1', 'SEC')]], 200, [], unguardedSearch],
  ['a witness needs no guard', [[1, enter('W', { role: 'witness', basis: null })], [10, move('W', 'SEC')]], 200, []],
  ['session officers of unknown whereabouts guard; once both are known elsewhere they do not', [
    ...base, [2, checked('P1')], [5, start('S1', 'INT1', 'P1', ['O1', 'O2'])], [10, move('P1', 'INT1')], [20, read('RD-W1', 'T-O1')], [30, read('RD-W1', 'T-O2')],
  ], 200, [[90, 'raised', 'person:P1']]],
  ['leaving the area ends it', [...base, [10, move('P1', 'SEC')], [100, { type: 'person.exit', personId: 'P1', destination: 'released' }]], 200, [[70, 'raised', 'person:P1'], [100, 'resolved', 'person:P1']]],
];

describe(R, () => {
  it.each(table)('%s', (_n, steps, end, expected, area) => {
    expect(transitions(steps, end, R, area)).toEqual(expected);
  });
});
