// The rules after area.update: a condition whose subject was removed, or that no longer holds,
// resolves at that instant; one that still holds keeps its grace; a new one starts its grace there.
import { describe, expect, it } from 'vitest';
import { AREA } from '../helpers/station.js';
import { camera, checked, enter, move, start, transitions, type Seen, type Step } from '../helpers/ruleRun.js';

const ROOMS = AREA.rooms;
const READERS = AREA.readers;
const without = <T extends { id: string }>(list: readonly T[], id: string): T[] => list.filter((x) => x.id !== id);
const withRoom = (id: string, patch: Record<string, unknown>) => ROOMS.map((r) => (r.id === id ? { ...r, ...patch } : r));
const update = (lists: Record<string, unknown>): Record<string, unknown> => ({ type: 'area.update', ...lists });

const three: Step[] = ['A', 'B', 'C'].flatMap((id, i): Step[] => [[1 + i, enter(id)], [5 + i, checked(id)]]);
const threeInW1: Step[] = [...three, [10, move('A', 'W1')], [11, move('B', 'W1')], [12, move('C', 'W1')]];

const table: [string, string, Step[], number, Seen[]][] = [
  ['a removed reader\'s offline alarm resolves at the update', 'device_offline',
    [[10, { type: 'device.status', device: 'RD-W2', online: false }], [50, update({ readers: without(READERS, 'RD-W2') })]], 200,
    [[40, 'raised', 'device:RD-W2'], [50, 'resolved', 'device:RD-W2']]],
  ['a removed reader\'s grace ends with it', 'device_offline',
    [[10, { type: 'device.status', device: 'RD-W2', online: false }], [20, update({ readers: without(READERS, 'RD-W2') })]], 200, []],
  ['a removed camera\'s offline alarm resolves at the update', 'device_offline',
    [[10, camera('CAM-INQ1', false, false)], [60, update({ cameras: [{ id: 'CAM-INT1', room: 'INT1' }] })]], 200,
    [[40, 'raised', 'device:CAM-INQ1'], [60, 'resolved', 'device:CAM-INQ1']]],
  ['a kept camera moved to another room stays offline', 'device_offline',
    [[10, camera('CAM-INQ1', false, false)], [20, update({ cameras: [{ id: 'CAM-INT1', room: 'INT1' }, { id: 'CAM-INQ1', room: 'W2' }] })]], 200,
    [[40, 'raised', 'device:CAM-INQ1']]],
  ['a camera moved away from a session\'s room starts the grace there', 'unrecorded_interrogation',
    [[1, enter('A')], [2, camera('CAM-INT1', true, true)], [3, start('S1', 'INT1', 'A', ['O1', 'O3'])],
      [30, update({ cameras: [{ id: 'CAM-INT1', room: 'INQ1' }, { id: 'CAM-INQ1', room: 'INQ1' }] })]], 100,
    [[40, 'raised', 'room:INT1']]],
  ['a camera added to the room ends it once it records', 'unrecorded_interrogation',
    [[1, enter('A')], [3, start('S1', 'INT1', 'A', ['O1', 'O3'])], [30, update({ cameras: [...AREA.cameras, { id: 'CAM-2', room: 'INT1' }] })],
      [40, camera('CAM-2', true, true)], [41, camera('CAM-INT1', true, true)]], 100,
    [[13, 'raised', 'room:INT1'], [41, 'resolved', 'room:INT1']]],
  ['a room that becomes an interrogation room with a suspect in it', 'unrecorded_interrogation',
    [[1, enter('A')], [2, checked('A')], [10, move('A', 'W2')], [20, update({ rooms: withRoom('W2', { name: '讯问室二', kind: 'interrogation' }) })]], 100,
    [[30, 'raised', 'room:W2']]],
  ['and needs a guard from then on', 'unaccompanied_suspect',
    [[1, enter('A')], [2, checked('A')], [10, move('A', 'W2')], [20, update({ rooms: withRoom('W2', { kind: 'interrogation' }) })]], 200,
    [[80, 'raised', 'person:A']]],
  ['an explicit flag wins over the new kind', 'unrecorded_interrogation',
    [[1, enter('A')], [2, checked('A')], [10, move('A', 'W2')], [20, update({ rooms: withRoom('W2', { kind: 'interrogation', recordingRequired: false }) })]], 100, []],
  ['a room that is no longer an interrogation room resolves at once', 'unrecorded_interrogation',
    [[1, enter('A')], [3, start('S1', 'INT1', 'A', ['O1', 'O3'])], [40, update({ rooms: withRoom('INT1', { kind: 'waiting' }) })]], 100,
    [[13, 'raised', 'room:INT1'], [40, 'resolved', 'room:INT1']]],
  ['a condition that still holds keeps its grace', 'capacity_exceeded',
    [...threeInW1, [40, update({ rooms: withRoom('W1', { name: '一号候问室' }) })]], 200, [[72, 'raised', 'room:W1']]],
  ['a larger capacity ends the condition; a smaller one starts a new grace', 'capacity_exceeded',
    [...threeInW1, [40, update({ rooms: withRoom('W1', { capacity: 3 }) })], [100, update({ rooms: ROOMS })]], 300,
    [[160, 'raised', 'room:W1']]],
  ['a raised alarm resolves when the room grows', 'capacity_exceeded',
    [...threeInW1, [100, update({ rooms: withRoom('W1', { capacity: 3 }) })]], 300,
    [[72, 'raised', 'room:W1'], [100, 'resolved', 'room:W1']]],
  ['a room removed while nobody is in it changes nothing else', 'capacity_exceeded',
    [...threeInW1, [40, update({ rooms: without(ROOMS, 'MED') })]], 200, [[72, 'raised', 'room:W1']]],
];

describe('rules after area.update', () => {
  it.each(table)('%s', (_n, rule, steps, end, expected) => {
    expect(transitions(steps, end, rule)).toEqual(expected);
  });
});
