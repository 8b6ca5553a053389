// area.update: every refusal of the contract, table-driven (whole or nothing: a refused update
// changes neither the record nor the area), then what an accepted one does to the state, the
// projections the pages read, and the history that names what was removed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMAND_ACCESS } from '../../common/api.js';
import { overview } from '../../main/api/queries/overview.js';
import { usageForm } from '../../main/api/queries/form.js';
import { openDb } from '../../main/core/store/db.js';
import { Station } from '../../main/core/station.js';
import { AREA, reopenableStation, SUSPECT, T0, testStation, type TestStation } from '../helpers/station.js';

const ROOMS = AREA.rooms;
const READERS = AREA.readers;
const CAMERAS = AREA.cameras;
const without = <T extends { id: string }>(list: readonly T[], id: string): T[] => list.filter((x) => x.id !== id);
const update = (lists: Record<string, unknown>): Record<string, unknown> => ({ type: 'area.update', ...lists });

let s: TestStation;

beforeEach(() => {
  s = testStation();
  s.ok(1, SUSPECT('P1'));
  s.ok(2, { type: 'tag.read', reader: 'RD-W1', tag: 'T-P1' });
  s.ok(3, { type: 'person.move', who: 'O3', room: 'MED' });
  s.ok(4, SUSPECT('P2'));
  s.ok(5, { type: 'session.start', sessionId: 'S1', room: 'INQ1', personId: 'P2', kind: 'inquiry', officers: ['O1', 'O2'] });
});
afterEach(() => s.close());

const areaOf = (st: Station) => JSON.stringify({
  rooms: [...st.state.rooms.values()], readers: [...st.state.readers.values()], cameras: [...st.state.cameras.values()],
  cameraStatus: [...st.state.cameraStatus], deviceStatus: [...st.state.deviceStatus],
});

// [name, command, code, words the English reason contains, words the Chinese message or the field contains]
const rows: [string, Record<string, unknown>, string, string, string][] = [
  ['none of the lists', update({}), 'INVALID_FIELD', 'area.update names none of rooms, readers, cameras', '房间、读卡器、摄像机'],
  ['lists given as null count as absent', update({ rooms: null, readers: null, cameras: null }), 'INVALID_FIELD', 'names none of rooms, readers, cameras', '之一'],
  ['an empty room list', update({ rooms: [] }), 'INVALID_FIELD', 'field rooms is an empty list', '不能为空列表'],
  ['a room of unknown kind', update({ rooms: [...ROOMS, { id: 'X1', name: '新房间', kind: 'kitchen' }] }), 'INVALID_FIELD', 'outside its vocabulary', 'rooms.8.kind'],
  ['a room without a name', update({ rooms: [...ROOMS, { id: 'X1', name: ' ', kind: 'waiting' }] }), 'INVALID_FIELD', 'rooms.8.name is empty', '不能为空'],
  ['a capacity that is not positive', update({ rooms: [...ROOMS, { id: 'X1', name: '候问室三', kind: 'waiting', capacity: 0 }] }), 'INVALID_FIELD', 'rooms.8.capacity', '正数'],
  ['a reader of unknown role', update({ readers: [...READERS, { id: 'RD-X', room: 'W2', role: 'door' }] }), 'INVALID_FIELD', 'readers.6.role', '取值无效'],
  ['a list that is not a list', update({ cameras: { id: 'CAM-X', room: 'INT1' } }), 'INVALID_FIELD', 'field cameras is not of type array', '类型错误'],
  ['a room id twice', update({ rooms: [...ROOMS, { id: 'W1', name: '候问室一（新）', kind: 'waiting' }] }), 'DUPLICATE_ID', 'room id W1 is used twice', 'W1'],
  ['a camera id that is a reader id', update({ cameras: [...CAMERAS, { id: 'RD-W2', room: 'W2' }] }), 'DUPLICATE_ID', 'device id RD-W2 is used twice', '读卡器与摄像机'],
  ['a room reader without a room', update({ readers: [...READERS, { id: 'RD-X', room: null, role: 'room' }] }), 'UNKNOWN_ROOM', 'room reader RD-X names no room', '必须指定房间'],
  ['a reader in a room that does not exist', update({ readers: [...READERS, { id: 'RD-X', room: 'NOPE', role: 'room' }] }), 'UNKNOWN_ROOM', 'reader RD-X names room NOPE that does not exist', 'readers.6.room'],
  ['a camera in a room that does not exist', update({ cameras: [{ id: 'CAM-INT1', room: 'NOPE' }] }), 'UNKNOWN_ROOM', 'camera CAM-INT1 names room NOPE that does not exist', 'cameras.0.room'],
  ['a kept camera left in a removed room', update({ rooms: without(ROOMS, 'INT1'), readers: without(READERS, 'RD-INT1') }), 'UNKNOWN_ROOM', 'camera CAM-INT1 names room INT1 that does not exist', 'rooms'],
  ['a kept reader left in a removed room', update({ rooms: without(ROOMS, 'REG'), cameras: CAMERAS }), 'UNKNOWN_ROOM', 'reader RD-REG names room REG that does not exist', 'rooms'],
  ['removing a room a person is present in', update({ rooms: without(ROOMS, 'W1'), readers: without(READERS, 'RD-W1') }), 'ROOM_OCCUPIED', 'room W1 has someone present (P1)', '候问室一'],
  ['removing a room an officer is present in', update({ rooms: without(ROOMS, 'MED') }), 'ROOM_OCCUPIED', 'room MED has someone present (O3)', '赵警官'],
  ['removing a room with an active session', update({ rooms: without(ROOMS, 'INQ1'), cameras: without(CAMERAS, 'CAM-INQ1') }), 'ROOM_IN_SESSION', 'room INQ1 has an active session', 'S1'],
];

describe('area.update refused', () => {
  it.each(rows)('%s', (_name, command, code, reason, words) => {
    s.ok(50, { type: 'camera.status', camera: 'CAM-INT1', online: true, recording: true });
    const before = s.station.store.count();
    const area = areaOf(s.station);
    const r = s.at(100, command);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.rejection.code).toBe(code);
    expect(r.rejection.reason).toContain(reason);
    expect(`${r.rejection.message} ${r.rejection.field ?? ''}`).toContain(words);
    expect(s.station.store.count()).toBe(before);
    expect(areaOf(s.station)).toBe(area);
  });

  it('is refused before the area is configured', () => {
    const db = openDb(':memory:');
    const st = new Station(db, { now: () => T0 });
    const r = st.submit(update({ rooms: ROOMS }), { actor: 'O1' });
    expect(r.ok ? null : r.rejection.code).toBe('AREA_NOT_CONFIGURED');
    db.close();
  });

  it('is for administrators only', () => {
    expect(COMMAND_ACCESS['area.update']).toEqual(['admin']);
  });
});

describe('after area.update', () => {
  it('forgets a removed device with its status and refuses later lines naming it', () => {
    s.ok(10, { type: 'device.status', device: 'RD-W2', online: false });
    s.ok(11, { type: 'camera.status', camera: 'CAM-INQ1', online: true, recording: true });
    s.ok(12, update({ readers: without(READERS, 'RD-W2'), cameras: [...CAMERAS, { id: 'CAM-W2', room: 'W2' }] }));
    expect(s.station.state.deviceStatus.has('RD-W2')).toBe(false);
    for (const [command, code] of [
      [{ type: 'tag.read', reader: 'RD-W2', tag: 'T-P1' }, 'UNKNOWN_READER'],
      [{ type: 'device.status', device: 'RD-W2', online: true }, 'UNKNOWN_READER'],
    ] as const) {
      const r = s.at(13, command);
      expect(r.ok ? null : r.rejection.code).toBe(code);
    }
    // Given again, it starts with no status, like any new reader.
    s.ok(14, update({ readers: READERS }));
    expect(s.station.state.deviceStatus.has('RD-W2')).toBe(false);
    const r = s.at(15, update({ cameras: without(CAMERAS, 'CAM-INQ1') }));
    expect(r.ok).toBe(true);
    expect(s.at(16, { type: 'camera.status', camera: 'CAM-INQ1', online: true, recording: true }).ok).toBe(false);
  });

  it('keeps the status of a device that is kept, whatever room it now names', () => {
    s.ok(10, { type: 'camera.status', camera: 'CAM-INT1', online: true, recording: false });
    s.ok(11, update({ cameras: [{ id: 'CAM-INT1', room: 'W2' }, { id: 'CAM-INQ1', room: 'INQ1' }] }));
    expect(s.station.state.cameras.get('CAM-INT1')?.room).toBe('W2');
    expect(s.station.state.cameraStatus.get('CAM-INT1')).toEqual({ online: true, recording: false, at: T0 + 10_000 });
  });

  it('counts a changed room from that instant, its flags following the new kind', () => {
    s.ok(10, update({ rooms: ROOMS.map((r) => (r.id === 'W2' ? { id: 'W2', name: '讯问室二', kind: 'interrogation' } : r)) }));
    expect(s.station.state.rooms.get('W2')).toEqual({ id: 'W2', name: '讯问室二', kind: 'interrogation', capacity: null, recordingRequired: true, guardRequired: true });
    expect(s.at(11, { type: 'session.start', sessionId: 'S2', room: 'W2', personId: 'P1', kind: 'interrogation', officers: ['O1', 'O3'] }).ok).toBe(true);
  });

  it('refuses a move into a removed room and a session in it', () => {
    s.ok(10, update({ rooms: without(ROOMS, 'ID1') }));
    expect(s.at(11, { type: 'person.move', who: 'P1', room: 'ID1' }).ok).toBe(false);
    const r = s.at(12, { type: 'session.start', sessionId: 'S2', room: 'ID1', personId: 'P1', kind: 'identification', officers: ['O1'] });
    expect(r.ok ? null : r.rejection.reason).toBe('room ID1 does not exist');
  });

  it('names what it added, changed and removed in the timeline index', () => {
    const r = s.ok(10, update({
      rooms: [...without(ROOMS, 'ID1').map((x) => (x.id === 'W2' ? { ...x, capacity: 5 } : x)), { id: 'W3', name: '候问室三', kind: 'waiting' }],
      cameras: [{ id: 'CAM-INT1', room: 'INT1' }, { id: 'CAM-INQ1', room: 'W3' }],
    }));
    const seq = r.events[0]?.seq;
    const subjects = (s.station.db.prepare('SELECT subject FROM event_subjects WHERE seq = ? ORDER BY subject').all(seq) as { subject: string }[]).map((x) => x.subject);
    expect(subjects).toEqual(['device:CAM-INQ1', 'room:ID1', 'room:W2', 'room:W3']);
    expect(r.events[0]?.type === 'area.update' && r.events[0].payload.removed).toEqual({ rooms: ['ID1'], readers: [], cameras: [] });
  });
});

describe('area.update in the projections', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'station-area-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the area as it is now, keeps the names history needs, and rebuilds the same after reopening', () => {
    const disk = reopenableStation(join(dir, 's.db'));
    const a = disk.open();
    const sub = a.ok;
    sub(0, AREA);
    sub(1, SUSPECT('P1'));
    sub(2, { type: 'camera.status', camera: 'CAM-INQ1', online: true, recording: true });
    sub(3, { type: 'device.status', device: 'RD-W2', online: false });
    sub(10, { type: 'person.move', who: 'P1', room: 'ID1' });
    sub(11, { type: 'person.move', who: 'P1', room: 'W2' });
    sub(20, update({
      rooms: [{ id: 'W3', name: '候问室三', kind: 'waiting', capacity: 4 }, ...without(ROOMS, 'ID1')],
      readers: without(READERS, 'RD-W2'),
      cameras: [{ id: 'CAM-INT1', room: 'INT1' }],
    }));
    const view = overview(a.db, { now: a.station.state.lastAt, timeZone: 'Asia/Shanghai', example: false });
    expect(view.rooms.map((r) => r.id)).toEqual(['W3', 'REG', 'SEC', 'W1', 'W2', 'INT1', 'INQ1', 'MED']);
    expect(view.rooms.find((r) => r.id === 'W3')).toMatchObject({ name: '候问室三', capacity: 4, recordingRequired: false, guardRequired: false });
    expect(view.rooms.find((r) => r.id === 'INQ1')?.cameras).toEqual([]);
    expect(view.rooms.find((r) => r.id === 'W2')?.readers).toEqual([]);
    expect(view.readers.map((r) => r.id)).toEqual(['RD-EXIT', 'RD-INT1', 'RD-REG', 'RD-SEC', 'RD-W1']);
    expect(view.removed).toEqual({
      rooms: [{ id: 'ID1', name: '辨认室', kind: 'identification', removedAt: T0 + 20_000 }],
      devices: [
        { id: 'CAM-INQ1', kind: 'camera', room: 'INQ1', role: null, removedAt: T0 + 20_000 },
        { id: 'RD-W2', kind: 'reader', room: 'W2', role: 'room', removedAt: T0 + 20_000 },
      ],
    });
    // The person's movements still name the removed room, and the printed form can say its name.
    expect(usageForm(a.db, 'P1', a.station.state.lastAt, 'Asia/Shanghai')?.rooms.ID1).toBe('辨认室');
    expect(a.db.prepare("SELECT online, status_at FROM readers WHERE id = 'RD-W2'").get()).toEqual({ online: null, status_at: null });

    // Given back, a removed room is an ordinary room again.
    sub(30, update({ rooms: ROOMS }));
    const again = overview(a.db, { now: a.station.state.lastAt, timeZone: 'Asia/Shanghai', example: false });
    expect(again.rooms.map((r) => r.id)).toEqual(ROOMS.map((r) => r.id));
    expect(again.removed.rooms.map((r) => r.id)).toEqual(['W3']);

    const state = JSON.stringify({ rooms: [...a.station.state.rooms], readers: [...a.station.state.readers], cameras: [...a.station.state.cameras], cs: [...a.station.state.cameraStatus], ds: [...a.station.state.deviceStatus] });
    a.db.close();
    const b = disk.open();
    expect(JSON.stringify({ rooms: [...b.station.state.rooms], readers: [...b.station.state.readers], cameras: [...b.station.state.cameras], cs: [...b.station.state.cameraStatus], ds: [...b.station.state.deviceStatus] })).toBe(state);
    b.db.close();
  });
});
