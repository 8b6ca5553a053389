// Waiting rooms the desk offers for a new person break no rule the station watches.
import { describe, expect, it } from 'vitest';
import type { RoomView } from '../../common/views.js';
import { waitingRoomsFor } from '../../renderer/src/format/waitingRooms.js';
import { personFixture } from './fakeBridge.js';

const room = (id: string, persons: string[], capacity: number | null = 2, kind: RoomView['kind'] = 'waiting'): RoomView => ({
  id, name: id, kind, capacity, recordingRequired: false, guardRequired: false, persons, officers: [], recording: 'no_camera', cameras: [], readers: [], sessions: [],
});

describe('waiting rooms for a person', () => {
  const man = personFixture({ id: 'P1', caseNo: 'A1', whereabouts: { kind: 'unknown' } });
  it('leaves out full rooms, the other gender, minors with adults, the same case, and rooms that are not waiting rooms', () => {
    const persons = [
      personFixture({ id: 'F', gender: 'female' }), personFixture({ id: 'M', minor: true }), personFixture({ id: 'S', caseNo: 'A1' }),
      personFixture({ id: 'X1', caseNo: 'B' }), personFixture({ id: 'X2', caseNo: 'C' }), personFixture({ id: 'W', role: 'witness', caseNo: 'A1' }),
    ];
    const rooms = [
      room('FULL', ['X1', 'X2']), room('WOMEN', ['F']), room('MINOR', ['M']), room('CASE', ['S']), room('INT', [], null, 'interrogation'),
      room('WITNESS', ['W']), room('EMPTY', []),
    ];
    expect(waitingRoomsFor(man, rooms, [man, ...persons]).map((r) => r.id)).toEqual(['EMPTY', 'WITNESS']);
  });

  it('offers the emptiest first, at most three', () => {
    const other = personFixture({ id: 'O', caseNo: null });
    const rooms = [room('A', ['O']), room('B', []), room('C', []), room('D', [])];
    expect(waitingRoomsFor(man, rooms, [man, other]).map((r) => r.id)).toEqual(['B', 'C', 'D']);
  });
});
