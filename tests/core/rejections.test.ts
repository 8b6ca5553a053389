// Every rejection the contract names, table-driven: each row is a command against a prepared
// area, the code it must be refused with, and a word the Chinese message must contain.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AREA, SUSPECT, T0, testStation, type TestStation } from '../helpers/station.js';

let s: TestStation;

beforeEach(() => {
  s = testStation();
  s.ok(1, SUSPECT('P1'));
  s.ok(2, { type: 'person.enter', person: { id: 'F1', name: '女嫌疑人', gender: 'female', birthDate: '1995-01-01', role: 'suspect', basis: 'admin_summons', tag: 'T-F1' } });
  s.ok(3, { type: 'person.enter', person: { id: 'X1', name: '已出区人员', gender: 'male', birthDate: '1980-01-01', role: 'witness' } });
  s.ok(4, { type: 'person.exit', personId: 'X1', destination: 'released' });
  s.ok(5, { type: 'session.start', sessionId: 'S1', room: 'INT1', personId: 'P1', kind: 'interrogation', officers: ['O1', 'O2'] });
  s.ok(6, { type: 'person.tempExit', personId: 'F1', reason: '就医', approvedBy: 'O3', expectedReturnAt: '2026-03-02T10:00:00+08:00' });
});
afterEach(() => s.close());

const rows: [string, Record<string, unknown>, string, string][] = [
  ['missing field', { type: 'security.check', personId: 'P1' }, 'INVALID_FIELD', 'checkers'],
  ['wrong type', { type: 'camera.status', camera: 'CAM-INT1', online: 'yes', recording: true }, 'INVALID_FIELD', 'online'],
  ['outside vocabulary', { ...SUSPECT('P9'), person: { ...SUSPECT('P9').person, gender: 'x' } }, 'INVALID_FIELD', 'gender'],
  ['empty checkers', { type: 'security.check', personId: 'P1', checkers: [] }, 'INVALID_FIELD', '不能为空'],
  ['empty session officers', { type: 'session.start', sessionId: 'S9', room: 'INQ1', personId: 'F1', kind: 'inquiry', officers: [] }, 'INVALID_FIELD', 'officers'],
  ['join with both', { type: 'session.join', sessionId: 'S1', officer: 'O3', appropriateAdult: '张母' }, 'JOIN_NEEDS_ONE', '合适成年人'],
  ['join with neither', { type: 'session.join', sessionId: 'S1' }, 'JOIN_NEEDS_ONE', '民警'],
  ['limitHours not whole', { type: 'person.extend', personId: 'P1', limitHours: 13.5, approvedBy: 'O3' }, 'INVALID_FIELD', '正整数'],
  ['limitHours not positive', { type: 'person.extend', personId: 'P1', limitHours: 0, approvedBy: 'O3' }, 'INVALID_FIELD', 'limitHours'],
  ['unknown setting', { type: 'area.settings', settings: { fooSeconds: 3 } }, 'INVALID_FIELD', 'fooSeconds'],
  ['setting not positive', { type: 'area.settings', settings: { presenceGraceSeconds: 0 } }, 'INVALID_FIELD', 'presenceGraceSeconds'],
  ['unknown person', { type: 'care.meal', personId: 'P9' }, 'UNKNOWN_PERSON', 'P9'],
  ['unknown room', { type: 'person.move', who: 'P1', room: 'NOPE' }, 'UNKNOWN_ROOM', 'NOPE'],
  ['unknown reader', { type: 'tag.read', reader: 'RD-X', tag: 'T-P1' }, 'UNKNOWN_READER', 'RD-X'],
  ['unknown camera', { type: 'camera.status', camera: 'CAM-X', online: true, recording: true }, 'UNKNOWN_CAMERA', 'CAM-X'],
  ['camera as device', { type: 'device.status', device: 'CAM-INT1', online: false }, 'UNKNOWN_READER', 'camera.status'],
  ['unknown officer', { type: 'security.check', personId: 'P1', checkers: ['O9'] }, 'UNKNOWN_OFFICER', 'O9'],
  ['unknown session', { type: 'session.end', sessionId: 'S9' }, 'UNKNOWN_SESSION', 'S9'],
  ['second area.configure', AREA, 'AREA_ALREADY_CONFIGURED', '已配置'],
  ['person id in use', SUSPECT('P1', { tag: 'T-NEW' }), 'DUPLICATE_ID', 'P1'],
  ['exited person id in use', SUSPECT('X1', { tag: 'T-NEW' }), 'DUPLICATE_ID', 'X1'],
  ['officer id as person id', SUSPECT('O1', { tag: 'T-NEW' }), 'DUPLICATE_ID', 'O1'],
  ['tag in use by a person', SUSPECT('P2', { tag: 'T-P1' }), 'DUPLICATE_TAG', 'T-P1'],
  ['tag in use by an officer', SUSPECT('P2', { tag: 'T-O1' }), 'DUPLICATE_TAG', 'T-O1'],
  ['suspect without basis', SUSPECT('P2', { basis: null }), 'BASIS_REQUIRED', '到案方式'],
  ['id number too short', SUSPECT('P2', { idNumber: '11010519491231002' }), 'ID_NUMBER_FORMAT', '17 位'],
  ['id number bad date', SUSPECT('P2', { idNumber: '110105194913310027' }), 'ID_NUMBER_DATE', '出生日期'],
  ['id number bad check', SUSPECT('P2', { idNumber: '110105194912310021' }), 'ID_NUMBER_CHECK', '校验码'],
  ['female search by a man', { type: 'security.check', personId: 'F1', checkers: ['O2', 'O1'] }, 'FEMALE_CHECKER_REQUIRED', '王警官'],
  ['session in a waiting room', { type: 'session.start', sessionId: 'S9', room: 'W1', personId: 'F1', kind: 'inquiry', officers: ['O1'] }, 'ROOM_NOT_FOR_SESSION', '候问室'],
  ['session id used', { type: 'session.start', sessionId: 'S1', room: 'INQ1', personId: 'F1', kind: 'inquiry', officers: ['O1'] }, 'SESSION_ID_USED', 'S1'],
  ['second active session', { type: 'session.start', sessionId: 'S2', room: 'INQ1', personId: 'P1', kind: 'inquiry', officers: ['O3'] }, 'PERSON_IN_SESSION', 'S1'],
  ['join of an officer already in the session', { type: 'session.join', sessionId: 'S1', officer: 'O1' }, 'OFFICER_ALREADY_IN_SESSION', '王警官'],
  ['leave of officer not in session', { type: 'session.leave', sessionId: 'S1', officer: 'O3' }, 'OFFICER_NOT_IN_SESSION', 'O3'],
  ['temp exit twice', { type: 'person.tempExit', personId: 'F1', reason: '就医', approvedBy: 'O3', expectedReturnAt: '2026-03-02T11:00:00+08:00' }, 'ALREADY_ON_TEMP_EXIT', '临时出区'],
  ['return without temp exit', { type: 'person.return', personId: 'P1' }, 'NOT_ON_TEMP_EXIT', '未临时出区'],
  ['exit during a session', { type: 'person.exit', personId: 'P1', destination: 'released' }, 'EXIT_DURING_SESSION', 'S1'],
  ['extend beyond the maximum', { type: 'person.extend', personId: 'P1', limitHours: 25, approvedBy: 'O3' }, 'EXTEND_BEYOND_MAX', '24'],
  ['extend not above the current limit', { type: 'person.extend', personId: 'P1', limitHours: 12, approvedBy: 'O3' }, 'EXTEND_NOT_ABOVE', '12'],
  ['extend without approver', { type: 'person.extend', personId: 'P1', limitHours: 20 }, 'INVALID_FIELD', 'approvedBy'],
  ['extend by unknown approver', { type: 'person.extend', personId: 'P1', limitHours: 20, approvedBy: 'O9' }, 'UNKNOWN_OFFICER', 'O9'],
  ['event about an exited person', { type: 'care.meal', personId: 'X1' }, 'PERSON_EXITED', '已出区'],
  ['move of an exited person', { type: 'person.move', who: 'X1', room: 'W1' }, 'PERSON_EXITED', '已出区'],
  ['unknown alarm', { type: 'alarm.ack', alarmId: 'AL999', note: '已处理' }, 'UNKNOWN_ALARM', 'AL999'],
  ['empty name', SUSPECT('P2', { name: '  ' }), 'INVALID_FIELD', 'name'],
  ['exit of unknown item', { type: 'person.exit', personId: 'F1', destination: 'released', belongings: [{ item: 'F1-9', disposition: 'returned' }] }, 'UNKNOWN_ITEM', 'F1-9'],
];

describe('rejected commands', () => {
  it.each(rows)('%s', (_name, command, code, word) => {
    // Deadlines up to the command's time fire first; the refused command itself adds nothing.
    s.station.advanceTo(T0 + 100_000);
    const before = s.station.store.count();
    const r = s.at(100, command);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.rejection.code).toBe(code);
    expect(`${r.rejection.message} ${r.rejection.field ?? ''}`).toContain(word);
    expect(s.station.store.count()).toBe(before);
  });

  it('says why in English too, as the replay prints it', () => {
    const r = s.at(100, { type: 'session.join', sessionId: 'S1', officer: 'O2' });
    expect(r.ok ? null : r.rejection.reason).toBe('officer O2 is already in session S1');
    const unknown = s.at(101, { type: 'person.exit', personId: 'P9', destination: 'released' });
    expect(unknown.ok ? null : unknown.rejection.reason).toBe('person P9 is not in the area');
  });

  it('refuses an extension of a basis without a maximum', () => {
    s.ok(7, { type: 'person.enter', person: { id: 'D1', name: '刑拘人员', gender: 'male', birthDate: '1970-01-01', role: 'suspect', basis: 'criminal_detention' } });
    const r = s.at(8, { type: 'person.extend', personId: 'D1', limitHours: 30, approvedBy: 'O3' });
    expect(r.ok ? null : r.rejection.code).toBe('EXTEND_NOT_ALLOWED');
  });

  it('accepts a female search by a man when a doctor searches', () => {
    s.ok(7, { type: 'person.return', personId: 'F1' });
    expect(s.at(8, { type: 'security.check', personId: 'F1', checkers: ['O1'], doctor: true }).ok).toBe(true);
  });

  it('frees an exited person\'s tag for the next person', () => {
    s.ok(7, { type: 'session.end', sessionId: 'S1' });
    s.ok(8, { type: 'person.exit', personId: 'P1', destination: 'released' });
    expect(s.at(9, SUSPECT('P2', { tag: 'T-P1' })).ok).toBe(true);
  });
});
