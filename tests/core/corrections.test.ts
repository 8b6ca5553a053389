// person.correct (更正): every refusal of the contract, table-driven, then what an accepted
// correction does to the state, the projections (current values and the corrections kept beside
// them), the timeline, the form and the ledger.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMAND_ACCESS } from '../../common/api.js';
import { ledger } from '../../main/api/queries/ledger.js';
import { personDetail, timeline } from '../../main/api/queries/person.js';
import { usageForm } from '../../main/api/queries/form.js';
import { roomOf } from '../../main/core/state/areaIndex.js';
import { AREA, reopenableStation, SUSPECT, T0, testStation, type TestStation } from '../helpers/station.js';

const correct = (personId: string, fields: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'person.correct', personId, fields, reason: '登记录入错误', approvedBy: 'O3', ...extra,
});
const WITNESS = (id: string, extra: Record<string, unknown> = {}) => ({
  type: 'person.enter', person: { id, name: `证人${id}`, gender: 'female', birthDate: '1992-02-02', role: 'witness', tag: `T-${id}`, ...extra },
});

let s: TestStation;

beforeEach(() => {
  s = testStation();
  s.ok(1, SUSPECT('P1'));
  s.ok(2, WITNESS('W9'));
  s.ok(3, SUSPECT('X1'));
  s.ok(4, { type: 'person.exit', personId: 'X1', destination: 'released' });
  s.ok(5, SUSPECT('E1'));
  s.ok(6, { type: 'person.extend', personId: 'E1', limitHours: 20, approvedBy: 'O3' });
});
afterEach(() => s.close());

// [name, command, code, the English reason, words the Chinese message or the field contains]
const rows: [string, Record<string, unknown>, string, string, string][] = [
  ['no fields', correct('P1', {}), 'INVALID_FIELD', 'person.correct names no fields', '未填写要更正的字段'],
  ['only null fields', correct('P1', { name: null, tag: null }), 'INVALID_FIELD', 'person.correct names no fields', 'fields'],
  ['fields missing', { type: 'person.correct', personId: 'P1', reason: '错', approvedBy: 'O3' }, 'INVALID_FIELD', 'field fields is missing', '缺少该字段'],
  ['a field not in the list', correct('P1', { officers: ['O2'] }), 'INVALID_FIELD', 'field officers cannot be corrected', 'fields.officers'],
  ['a field not in the list beside a good one', correct('P1', { name: '张三', id: 'P9' }), 'INVALID_FIELD', 'field id cannot be corrected', '可更正'],
  ['a blank name', correct('P1', { name: '  ' }), 'INVALID_FIELD', 'field fields.name is empty', '不能为空'],
  ['a gender outside the vocabulary', correct('P1', { gender: 'x' }), 'INVALID_FIELD', 'field fields.gender has value "x"', 'fields.gender'],
  ['a birth date that is not a date', correct('P1', { birthDate: '1990-02-30' }), 'INVALID_FIELD', 'field fields.birthDate is not a calendar date', 'YYYY-MM-DD'],
  ['a role outside the vocabulary', correct('P1', { role: 'boss' }), 'INVALID_FIELD', 'fields.role', '取值无效'],
  ['a basis outside the vocabulary', correct('P1', { basis: 'arrest' }), 'INVALID_FIELD', 'fields.basis', '取值无效'],
  ['an empty tag', correct('P1', { tag: '' }), 'INVALID_FIELD', 'field fields.tag is empty', '不能为空'],
  ['an id number too short', correct('P1', { idNumber: '11010519491231002' }), 'ID_NUMBER_FORMAT', 'idNumber 11010519491231002 is not 17 digits and a check character', '17 位'],
  ['an id number without a real date', correct('P1', { idNumber: '110105194913310027' }), 'ID_NUMBER_DATE', 'idNumber 110105194913310027 does not hold a real date', '出生日期'],
  ['an id number with a wrong check character', correct('P1', { idNumber: '110105199003070018' }), 'ID_NUMBER_CHECK', 'idNumber 110105199003070018 has a wrong check character', '校验码'],
  ['a tag in use by another person', correct('P1', { tag: 'T-W9' }), 'DUPLICATE_TAG', 'tag T-W9 already in use', 'fields.tag'],
  ['a tag in use by an officer', correct('P1', { tag: 'T-O1' }), 'DUPLICATE_TAG', 'tag T-O1 already in use', '已绑定他人'],
  ['a suspect left without basis', correct('W9', { role: 'suspect' }), 'BASIS_REQUIRED', 'suspect without basis', '到案方式'],
  ['a basis after an approved extension', correct('E1', { basis: 'compelled_appearance' }), 'BASIS_AFTER_EXTENSION', 'basis of person E1 cannot be corrected after an approved extension', '审批延长'],
  ['the same basis after an approved extension', correct('E1', { basis: 'criminal_summons' }), 'BASIS_AFTER_EXTENSION', 'after an approved extension', 'fields.basis'],
  ['a tag for a person who has exited', correct('X1', { tag: 'T-NEW' }), 'TAG_AFTER_EXIT', 'person X1 has exited: no wristband to correct', '已出区'],
  ['no reason', correct('P1', { name: '张三' }, { reason: undefined }), 'REASON_REQUIRED', 'a correction needs a reason', '原因'],
  ['a null reason', correct('P1', { name: '张三' }, { reason: null }), 'REASON_REQUIRED', 'a correction needs a reason', 'reason'],
  ['a blank reason', correct('P1', { name: '张三' }, { reason: ' \t ' }), 'REASON_REQUIRED', 'a correction needs a reason', '更正须填写原因'],
  ['no approving officer', correct('P1', { name: '张三' }, { approvedBy: undefined }), 'INVALID_FIELD', 'field approvedBy is missing', 'approvedBy'],
  ['an approving officer who does not exist', correct('P1', { name: '张三' }, { approvedBy: 'O9' }), 'UNKNOWN_OFFICER', 'officer O9 does not exist', 'O9'],
  ['a person who does not exist', correct('P9', { name: '张三' }), 'UNKNOWN_PERSON', 'person P9 is not in the area', 'P9'],
];

describe('person.correct refused', () => {
  it.each(rows)('%s', (_name, command, code, reason, words) => {
    const before = s.station.store.count();
    const person = JSON.stringify([...s.station.state.persons.values()]);
    const r = s.at(100, command);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.rejection.code).toBe(code);
    expect(r.rejection.reason).toContain(reason);
    expect(`${r.rejection.message} ${r.rejection.field ?? ''}`).toContain(words);
    expect(s.station.store.count()).toBe(before);
    expect(JSON.stringify([...s.station.state.persons.values()])).toBe(person);
  });

  it('is for the desk and administrators', () => {
    expect(COMMAND_ACCESS['person.correct']).toEqual(['desk', 'admin']);
  });
});

describe('person.correct accepted', () => {
  it('keeps a person\'s own wristband, and accepts a correction after exit except the wristband', () => {
    expect(s.at(10, correct('P1', { tag: 'T-P1' })).ok).toBe(true);
    const r = s.ok(11, correct('X1', { name: '李四', idNumber: '11010519491231002x' }));
    expect(r.events.map((e) => e.type)).toEqual(['person.correct']);
    expect(s.station.state.persons.get('X1')).toMatchObject({ name: '李四', idNumber: '11010519491231002X' });
  });

  it('judges minority again on the calendar date of entry, not of the correction', () => {
    // Entered 2026-03-02 (+08:00); 18th birthday on that day: a minor then, whatever the date now.
    s.ok(3 * 86_400, correct('P1', { birthDate: '2008-03-02' }));
    expect(s.station.state.persons.get('P1')?.minor).toBe(true);
    s.ok(3 * 86_400 + 1, correct('P1', { birthDate: '2008-03-01' }));
    expect(s.station.state.persons.get('P1')?.minor).toBe(false);
  });

  it('sets the new basis\' own limit', () => {
    s.ok(10, correct('P1', { basis: 'admin_summons' }));
    expect(s.station.state.persons.get('P1')?.limitHours).toBe(8);
    s.ok(11, correct('P1', { basis: 'voluntary', role: 'witness' }));
    expect(s.station.state.persons.get('P1')?.limitHours).toBeNull();
    expect(s.station.db.prepare("SELECT basis, role, limit_hours, deadline_at FROM custody_records WHERE person_id = 'P1'").get())
      .toEqual({ basis: 'voluntary', role: 'witness', limit_hours: null, deadline_at: null });
  });

  it('binds the new wristband and leaves the old one bound to nobody', () => {
    s.ok(10, correct('P1', { tag: 'T-NEW' }));
    expect(s.station.state.tags.get('T-NEW')).toEqual({ kind: 'person', id: 'P1' });
    expect(s.station.state.tags.has('T-P1')).toBe(false);
    const stale = s.ok(11, { type: 'tag.read', reader: 'RD-W1', tag: 'T-P1' });
    expect(stale.events.some((e) => e.type === 'alarm.raised' && e.payload.subject === 'tag:T-P1')).toBe(true);
    s.ok(12, { type: 'tag.read', reader: 'RD-W2', tag: 'T-NEW' });
    expect(roomOf(s.station.state, 'P1')).toBe('W2');
    // The old wristband may be given to someone else, which ends its unknown_tag alarm.
    const given = s.ok(13, SUSPECT('P2', { tag: 'T-P1' }));
    expect(given.events.some((e) => e.type === 'alarm.resolved' && e.payload.subject === 'tag:T-P1')).toBe(true);
  });
});

describe('corrections in the projections', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'station-correct-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the current values and every correction beside them, and rebuilds the same after reopening', () => {
    const disk = reopenableStation(join(dir, 's.db'));
    const a = disk.open();
    const sub = a.ok;
    sub(0, AREA);
    sub(10, WITNESS('W1', { caseNo: 'C-7' }));
    sub(11, WITNESS('W2'));
    sub(20, correct('W1', { name: '刘阳', role: 'suspect', basis: 'admin_summons' }, { reason: '人员类别录入错误' }), 'DESK1');
    sub(30, correct('W1', { name: '刘洋', tag: 'T-W1B', caseNo: '' }, { reason: '姓名错字', approvedBy: 'O2' }), 'DESK2');
    sub(40, { type: 'person.exit', personId: 'W1', destination: 'released' });
    sub(50, correct('W1', { birthDate: '1992-03-02' }, { reason: '出生日期' }));

    const detail = personDetail(a.db, 'W1');
    expect(detail?.summary).toMatchObject({ name: '刘洋', role: 'suspect', basis: 'admin_summons', tag: 'T-W1B', caseNo: '', birthDate: '1992-03-02', limitHours: 8, deadlineAt: T0 + 10_000 + 8 * 3_600_000 });
    expect(detail?.corrected).toEqual(['name', 'birthDate', 'role', 'caseNo', 'basis', 'tag']);
    expect(detail?.corrections).toEqual([
      { seq: expect.any(Number), at: T0 + 20_000, reason: '人员类别录入错误', approvedBy: 'O3', actor: 'DESK1', changes: [
        { field: 'name', from: '证人W1', to: '刘阳' }, { field: 'role', from: 'witness', to: 'suspect' }, { field: 'basis', from: null, to: 'admin_summons' },
      ] },
      { seq: expect.any(Number), at: T0 + 30_000, reason: '姓名错字', approvedBy: 'O2', actor: 'DESK2', changes: [
        { field: 'name', from: '刘阳', to: '刘洋' }, { field: 'caseNo', from: 'C-7', to: '' }, { field: 'tag', from: 'T-W1', to: 'T-W1B' },
      ] },
      { seq: expect.any(Number), at: T0 + 50_000, reason: '出生日期', approvedBy: 'O3', actor: 'O1', changes: [{ field: 'birthDate', from: '1992-02-02', to: '1992-03-02' }] },
    ]);
    expect(usageForm(a.db, 'W1', a.station.state.lastAt, 'Asia/Shanghai')?.person.corrected).toEqual(detail?.corrected);
    expect(ledger(a.db, T0, T0 + 86_400_000).find((r) => r.personId === 'W1')).toMatchObject({ name: '刘洋', role: 'suspect', corrected: detail?.corrected });
    expect(ledger(a.db, T0, T0 + 86_400_000).find((r) => r.personId === 'W2')?.corrected).toEqual([]);

    // The timeline keeps the old values where they were recorded and shows each correction, old → new.
    const lines = timeline(a.db, 'W1');
    const enter = lines.find((e) => e.type === 'person.enter');
    expect(enter?.type === 'person.enter' && enter.payload.person.name).toBe('证人W1');
    const corrections = lines.filter((e) => e.type === 'person.correct');
    expect(corrections.map((e) => e.type === 'person.correct' && [e.payload.previous, e.payload.fields])).toEqual([
      [{ name: '证人W1', role: 'witness', basis: null }, { name: '刘阳', role: 'suspect', basis: 'admin_summons' }],
      [{ name: '刘阳', caseNo: 'C-7', tag: 'T-W1' }, { name: '刘洋', caseNo: '', tag: 'T-W1B' }],
      [{ birthDate: '1992-02-02' }, { birthDate: '1992-03-02' }],
    ]);
    // Both wristbands' histories lead to the correction that swapped them.
    expect(a.db.prepare("SELECT subject FROM event_subjects WHERE seq = ? ORDER BY subject").pluck().all(corrections[1]?.seq)).toEqual(['person:W1', 'tag:T-W1', 'tag:T-W1B']);

    const state = JSON.stringify([...a.station.state.persons.values()]);
    a.db.close();
    const b = disk.open();
    expect(JSON.stringify([...b.station.state.persons.values()])).toBe(state);
    b.db.close();
  });
});
