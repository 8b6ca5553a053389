// The ledger and alarm report as CSV, and the statistics behind the dashboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerRow, PersonSummary, Stats } from '../../common/views.js';
import { csvCell } from '../../main/api/csv.js';
import { periodBounds } from '../../main/api/queries/stats.js';
import { apiHost, type ApiHost } from '../helpers/apiHost.js';

const T0 = Date.UTC(2026, 2, 2, 1, 0); // 09:00 in +08:00
let t = T0;
let h: ApiHost;
let as: Awaited<ReturnType<ApiHost['accounts']>>;
const at = (minutes: number) => { t = T0 + minutes * 60_000; };
const submit = (command: Record<string, unknown>) => as.desk.call<{ ok: boolean }>('submit', { command });

beforeAll(async () => {
  h = await apiHost({}, () => t);
  as = await h.accounts();
  at(0);
  await submit({ type: 'person.enter', person: { id: 'P1', name: '=HYPERLINK("x")', gender: 'male', birthDate: '1990-01-01', role: 'suspect', basis: 'criminal_summons', caseNo: 'A,1', officers: ['DESK1'] } });
  at(10);
  await submit({ type: 'person.enter', person: { id: 'P2', name: '李四', gender: 'female', birthDate: '1992-02-02', role: 'witness' } });
  at(20);
  await submit({ type: 'person.move', who: 'P1', room: 'W1' }); // unsearched: missing_security_check
  at(30);
  await submit({ type: 'security.check', personId: 'P1', checkers: ['DESK1'] });
  at(40);
  await as.operator.call('submit', { command: { type: 'session.start', sessionId: 'S1', room: 'INT1', personId: 'P1', kind: 'interrogation', officers: ['OP1', 'DESK1'] } });
  at(70); // 30 minutes unrecorded (no camera status) minus the 10 s grace
  await as.operator.call('submit', { command: { type: 'session.end', sessionId: 'S1' } });
  at(130);
  await submit({ type: 'person.exit', personId: 'P2', destination: 'released' });
  at(140);
  await submit({ type: 'person.correct', personId: 'P2', fields: { name: '李思', caseNo: 'B-2' }, reason: '姓名错字', approvedBy: 'DESK1' });
  at(200);
  await submit({ type: 'person.exit', personId: 'P1', destination: 'bail' });
});
afterAll(() => h.close());

describe('ledger', () => {
  it('lists the persons who entered in the range, in order', async () => {
    const r = await as.supervisor.call<LedgerRow[]>('ledger', { from: T0, to: T0 + 86_400_000 });
    expect(r.body.map((x) => [x.no, x.personId, x.exitedAt !== null])).toEqual([[1, 'P1', true], [2, 'P2', true]]);
    expect((await as.supervisor.call<LedgerRow[]>('ledger', { from: T0 + 5 * 60_000, to: T0 + 86_400_000 })).body.map((x) => x.personId)).toEqual(['P2']);
  });

  it('downloads as CSV with a BOM, escaped cells and neutralised formulas, and the download is logged', async () => {
    const res = await h.app.inject({ method: 'GET', url: `/api/export/ledger.csv?from=${T0}&to=${T0 + 86_400_000}`, headers: { cookie: as.supervisor.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const text = res.body;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('序号,姓名,性别,出生日期,身份证号,人员类型,案件编号,到案方式,办案民警,入区时间,出区时间,在区时长,去向,告警次数,已更正');
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[1]).toContain('"A,1"');
    expect(lines[1]).toContain('2026-03-02 09:00');
    expect(lines[1]).toContain('取保候审');
    expect(lines[1]?.endsWith(',')).toBe(true); // nothing corrected
    expect(lines[2]).toContain('李思');
    expect(lines[2]?.endsWith(',姓名、案件编号')).toBe(true);
    expect(h.host.db.prepare(`SELECT count(*) AS n FROM access_log WHERE account = 'sv1' AND action = 'export:ledger.csv'`).get()).toEqual({ n: 1 });
  });

  it('refuses a download without a session or without a range', async () => {
    expect((await h.app.inject({ method: 'GET', url: `/api/export/ledger.csv?from=${T0}&to=${T0 + 1}` })).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'GET', url: '/api/export/ledger.csv', headers: { cookie: as.supervisor.cookie } })).statusCode).toBe(400);
    expect((await h.app.inject({ method: 'GET', url: `/api/export/secrets.csv?from=${T0}&to=${T0 + 1}`, headers: { cookie: as.supervisor.cookie } })).statusCode).toBe(404);
  });

  it('exports the alarm report', async () => {
    const res = await h.app.inject({ method: 'GET', url: `/api/export/alarms.csv?from=${T0}&to=${T0 + 86_400_000}`, headers: { cookie: as.supervisor.cookie } });
    expect(res.body).toContain('未安检进入功能室');
    expect(res.body).toContain('讯（询）问未录音录像');
    // Subjects and rooms in words, not ids alone.
    expect(res.body).toContain(`"'=HYPERLINK(""x"")（P1）"`);
    expect(res.body).toContain('候问室一');
  });

  it.each([
    ['plain', 'plain'], ['=1+1', "'=1+1"], ['-2', "'-2"], ['a"b', '"a""b"'], ['x\ny', '"x\ny"'], [null, ''],
    // Leading white space, and full-width or small signs, as spreadsheets read them too.
    [' =1+1', "' =1+1"], ['\t=1+1', "'\t=1+1"], ['\r=1+1', '"\'\r=1+1"'], ['\u3000=1+1', "'\u3000=1+1"],
    ['＝HYPERLINK("x")', '"\'＝HYPERLINK(""x"")"'], ['＋1', "'＋1"], ['－1', "'－1"], ['＠SUM(A1)', "'＠SUM(A1)"], ['\uFE66cmd', "'\uFE66cmd"],
    ['张三', '张三'], ['（附注）', '（附注）'],
  ])('csv cell %j', (v, out) => {
    expect(csvCell(v)).toBe(out);
  });
});

describe('statistics', () => {
  it('counts the day in the station time zone', async () => {
    const r = await as.supervisor.call<Stats>('stats', { period: 'day', from: T0, to: T0 + 3_600_000 });
    expect(r.body.buckets).toHaveLength(1);
    const day = r.body.buckets[0];
    expect(day).toMatchObject({ label: '2026-03-02', entries: 2, exits: 2, longestStayMinutes: 200, averageStayMinutes: 160, timeLimitBreaches: 0 });
    expect(day?.start).toBe(Date.UTC(2026, 2, 1, 16, 0));
    expect(day?.alarmsByRule.missing_security_check).toBe(1);
    expect(day?.alarmsByRule.unrecorded_interrogation).toBe(1);
    expect(day?.alarmsByRoom.W1).toBe(1);
    expect(day?.unrecordedMinutes).toBeCloseTo(29.8, 1);
  });

  it('finds the persons behind a stay figure by their exit time', async () => {
    const exitedIn = async (from: number, to: number) => (await as.supervisor.call<PersonSummary[]>('persons', { status: 'all', exitedFrom: from, exitedTo: to })).body.map((p) => p.id);
    expect(await exitedIn(T0 + 120 * 60_000, T0 + 150 * 60_000)).toEqual(['P2']);
    expect(await exitedIn(T0, T0 + 86_400_000)).toEqual(['P2', 'P1']);
    expect(await exitedIn(T0, T0 + 60 * 60_000)).toEqual([]);
    expect((await as.supervisor.call('persons', { exitedFrom: 'yesterday' })).status).toBe(400);
  });

  it('refuses a range of more than a thousand periods, naming the limit', async () => {
    const r = await as.supervisor.call<{ message: string }>('stats', { period: 'day', from: T0, to: T0 + 1200 * 86_400_000 });
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('1000');
  });

  it('cuts weeks on Mondays and months on the first, in local time', () => {
    const tz = 'Asia/Shanghai';
    const weeks = periodBounds('week', Date.UTC(2026, 2, 4), Date.UTC(2026, 2, 20), tz);
    expect(weeks.map((w) => w.label)).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(weeks[0]?.start).toBe(Date.UTC(2026, 2, 1, 16));
    const months = periodBounds('month', Date.UTC(2026, 1, 10), Date.UTC(2026, 3, 2), tz);
    expect(months.map((m) => m.label)).toEqual(['2026-02', '2026-03', '2026-04']);
    expect(months[1]?.end).toBe(Date.UTC(2026, 2, 31, 16));
  });
});
