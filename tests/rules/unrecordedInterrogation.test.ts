import { describe, expect, it } from 'vitest';
import { AREA } from '../helpers/station.js';
import { camera, checked, enter, move, start, transitions, type Seen, type Step } from '../helpers/ruleRun.js';

const R = 'unrecorded_interrogation';
const base: Step[] = [[1, enter('P1')], [2, checked('P1')]];
const twoCameras = { ...AREA, cameras: [{ id: 'CAM-A', room: 'INT1' }, { id: 'CAM-B', room: 'INT1' }] };
const notRequired = { ...AREA, rooms: AREA.rooms.map((r) => (r.id === 'INT1' ? { ...r, recordingRequired: false } : r)) };

const table: [string, Step[], number, Seen[], Record<string, unknown>?][] = [
  ['a session in a room whose camera never reported', [...base, [10, start('S1', 'INT1', 'P1', ['O1', 'O2'])]], 100, [[20, 'raised', 'room:INT1']]],
  ['recording starts 1 s before the grace ends', [...base, [10, start('S1', 'INT1', 'P1', ['O1'])], [19, camera('CAM-INT1', true, true)]], 100, []],
  ['recording starts exactly at the end of the grace', [...base, [10, start('S1', 'INT1', 'P1', ['O1'])], [20, camera('CAM-INT1', true, true)]], 100, [[20, 'raised', 'room:INT1'], [20, 'resolved', 'room:INT1']]],
  ['a suspect present without a session', [...base, [5, move('P1', 'INT1')]], 100, [[15, 'raised', 'room:INT1']]],
  ['a witness present without a session is no questioning', [[1, enter('W', { role: 'witness', basis: null })], [5, move('W', 'INT1')]], 100, []],
  ['a room with no camera at all', [...base, [10, { ...start('S1', 'ID1', 'P1', ['O1']), kind: 'identification' }]], 100, [[20, 'raised', 'room:ID1']]],
  ['camera online but not recording, then recording', [...base, [5, camera('CAM-INT1', true, false)], [10, start('S1', 'INT1', 'P1', ['O1'])], [40, camera('CAM-INT1', true, true)]], 100, [[20, 'raised', 'room:INT1'], [40, 'resolved', 'room:INT1']]],
  ['camera lost in the middle of a session', [...base, [5, camera('CAM-INT1', true, true)], [10, start('S1', 'INT1', 'P1', ['O1'])], [30, camera('CAM-INT1', false, false)], [45, camera('CAM-INT1', true, true)]], 100, [[40, 'raised', 'room:INT1'], [45, 'resolved', 'room:INT1']]],
  ['ending the session of a person not in the room resolves', [...base, [10, start('S1', 'INT1', 'P1', ['O1'])], [50, { type: 'session.end', sessionId: 'S1' }]], 100, [[20, 'raised', 'room:INT1'], [50, 'resolved', 'room:INT1']]],
  ['one of two cameras not recording is enough', [...base, [5, camera('CAM-A', true, true)], [6, camera('CAM-B', true, false)], [10, start('S1', 'INT1', 'P1', ['O1'])], [60, camera('CAM-B', true, true)]], 100, [[20, 'raised', 'room:INT1'], [60, 'resolved', 'room:INT1']], twoCameras],
  ['a room that need not be recorded', [...base, [10, start('S1', 'INT1', 'P1', ['O1'])]], 100, [], notRequired],
];

describe(R, () => {
  it.each(table)('%s', (_n, steps, end, expected, area) => {
    expect(transitions(steps, end, R, area)).toEqual(expected);
  });
});
