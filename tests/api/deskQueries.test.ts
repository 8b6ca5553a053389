// What the desk reads beyond the record's own lists: an unacknowledged critical alarm that ended
// stays in the overview until acknowledged, alarms name whom they concern, the header's search
// finds persons by every fact it offers, the 交接班 summary, and the desk reader's absence said.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlarmView, Handover, Overview, SearchHit } from '../../common/views.js';
import { checkCharacter } from '../../common/idNumber.js';
import { apiHost, type ApiHost } from '../helpers/apiHost.js';

const T0 = Date.UTC(2026, 2, 2, 1, 0);
let t = T0;
let h: ApiHost;
let as: Awaited<ReturnType<ApiHost['accounts']>>;
const at = (minutes: number): void => { t = T0 + minutes * 60_000; };
const ID_NUMBER = `11010519900307001${checkCharacter('11010519900307001')}`;
const submit = async (command: Record<string, unknown>, who: 'desk' | 'operator' = 'desk'): Promise<void> => {
  const r = await as[who].call<{ ok: boolean; rejection?: { message: string } }>('submit', { command });
  if (!r.body.ok) throw new Error(`${String(command.type)} refused: ${r.body.rejection?.message ?? r.status}`);
};

beforeAll(async () => {
  h = await apiHost({}, () => t);
  as = await h.accounts();
  at(0);
  await submit({ type: 'person.enter', person: { id: 'P1', name: '欧阳建华', gender: 'male', birthDate: '1990-03-07', idNumber: ID_NUMBER, role: 'suspect', basis: 'criminal_summons', caseNo: 'A320105', tag: 'T-77', officers: ['DESK1', 'OP1'] } });
  await submit({ type: 'person.enter', person: { id: 'P2', name: '李四', gender: 'female', birthDate: '1992-02-02', role: 'witness', details: { documentNumber: 'E12345678' } } });
  await submit({ type: 'security.check', personId: 'P1', checkers: ['DESK1'] });
  await submit({ type: 'belongings.store', personId: 'P1', items: [{ name: '手机', quantity: 1, locker: '12' }, { name: '钱包', quantity: 1 }] });
  at(10);
  // No camera reports: the interrogation room is not recorded while the session runs.
  await submit({ type: 'session.start', sessionId: 'S1', room: 'INT1', personId: 'P1', kind: 'interrogation', officers: ['OP1', 'DESK1'] }, 'operator');
  at(20);
  await submit({ type: 'session.end', sessionId: 'S1' }, 'operator');
  await submit({ type: 'person.move', who: 'P1', room: 'W1' });
});
afterAll(() => h.close());

const unrecorded = (list: readonly AlarmView[]): AlarmView | undefined => list.find((a) => a.rule === 'unrecorded_interrogation');

describe('a critical alarm that ended unacknowledged', () => {
  it('is no longer active but awaits acknowledgement in the overview, naming the session\'s person and officers', async () => {
    const o = (await as.desk.call<Overview>('overview')).body;
    expect(unrecorded(o.alarms)).toBeUndefined();
    const alarm = unrecorded(o.awaitingAck);
    expect(alarm?.resolvedAt).toBe(T0 + 20 * 60_000);
    expect(alarm?.people?.persons).toEqual([{ id: 'P1', name: '欧阳建华' }]);
    expect(alarm?.people?.officers.map((x) => x.id).sort()).toEqual(['DESK1', 'OP1']);
  });

  it('leaves the overview once acknowledged', async () => {
    const alarm = unrecorded((await as.desk.call<Overview>('overview')).body.awaitingAck);
    await submit({ type: 'alarm.ack', alarmId: alarm?.id, note: '录像中断时段已记录并报告值班领导' });
    const o = (await as.desk.call<Overview>('overview')).body;
    expect(unrecorded(o.awaitingAck)).toBeUndefined();
    const listed = (await as.desk.call<AlarmView[]>('alarms', { acked: true })).body;
    expect(unrecorded(listed)?.ack?.note).toBe('录像中断时段已记录并报告值班领导');
    expect((await as.desk.call<AlarmView[]>('alarms', { acked: false })).body.some((a) => a.rule === 'unrecorded_interrogation')).toBe(false);
  });
});

describe('search', () => {
  const find = async (text: string): Promise<SearchHit[]> => (await as.supervisor.call<SearchHit[]>('search', { text })).body;
  it.each([
    ['欧阳', 'name', 'P1'], [ID_NUMBER.slice(0, 10), 'idNumber', 'P1'], [ID_NUMBER.toLowerCase(), 'idNumber', 'P1'], ['T-77', 'tag', 'P1'],
    ['A320105', 'caseNo', 'P1'], ['E1234', 'documentNumber', 'P2'], ['P2', 'id', 'P2'],
  ] as const)('finds %s by %s', async (text, matched, id) => {
    const hits = await find(text);
    expect(hits[0]?.person.id).toBe(id);
    expect(hits[0]?.matched).toBe(matched);
  });

  it('treats LIKE wildcards as text and finds nothing for them', async () => {
    expect(await find('%')).toEqual([]);
    expect(await find('_')).toEqual([]);
  });

  it('puts a supervisor\'s searches and 交接班 in the access log, like every read of personal data', async () => {
    await as.supervisor.call('search', { text: '李四' });
    await as.supervisor.call('handover');
    const rows = h.host.db.prepare(`SELECT action, target FROM access_log WHERE account = 'sv1' AND action IN ('search', 'handover') ORDER BY id`).all();
    expect(rows).toContainEqual({ action: 'search', target: JSON.stringify({ text: '李四' }) });
    expect(rows).toContainEqual({ action: 'handover', target: null });
  });

  it('refuses an over-long text', async () => {
    expect((await as.desk.call('search', { text: 'x'.repeat(101) })).status).toBe(400);
  });
});

describe('交接班', () => {
  it('lists who is in custody with the items the desk holds, the sessions in progress and the open alarms', async () => {
    const r = (await as.desk.call<Handover>('handover')).body;
    // P1 has a legal deadline, P2 (a witness) none: the deadline first.
    expect(r.persons.map((p) => p.summary.id)).toEqual(['P1', 'P2']);
    expect(r.persons[0]?.itemsHeld).toEqual([{ name: '手机', quantity: 1, locker: '12' }, { name: '钱包', quantity: 1, locker: null }]);
    expect(r.persons[0]?.officers).toEqual(['DESK1', 'OP1']);
    expect(r.sessions).toEqual([]);
    expect(r.alarms.every((a) => a.resolvedAt === null || a.ack === null)).toBe(true);
    expect(r.headHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('the desk reader', () => {
  it('is said to be missing when none is configured', async () => {
    const r = await as.desk.call<{ code: string; message: string }>('deskTag');
    expect(r.status).toBe(409);
    expect(r.body.message).toContain('未配置发卡读卡器');
    expect((await as.desk.call<Overview>('overview')).body.deskReader).toBe(false);
  });
});
