// County accounts and their roles over the county's HTTPS API, against a real PostgreSQL: nothing
// without signing in, the access log for administrators only, an area read-only for every county
// account, and every read of personal data — and every sign-in, failed ones too — in the access log.
import { request } from 'node:https';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaBase, COUNTY_BASE, type AccessLogEntry, type CountyArea, type CountyStats } from '../../common/countyApi.js';
import type { Overview } from '../../common/views.js';
import type { BootedStation } from '../../main/host/boot.js';
import { areaConfig, bootWithCounty, countyCli, enrol, startCounty, synced, work, type RunningCounty } from './countyProcess.js';
import { startPgCluster, type PgCluster } from './pgCluster.js';

const SUPERVISOR = { account: 'dc101', password: 'County2026ok' } as const;
const ADMIN = { account: 'gl101', password: 'Admin2026ok!' } as const;

let cluster: PgCluster;
let root: string;
let county: RunningCounty;
let station: BootedStation;

beforeAll(async () => {
  cluster = await startPgCluster({ fast: true });
  root = mkdtempSync(join(tmpdir(), 'county-accounts-'));
  county = await startCounty(cluster.url, join(root, 'county'));
  for (const [a, role] of [[SUPERVISOR, 'supervisor'], [ADMIN, 'admin']] as const) {
    const r = await countyCli(['account', '--pg', cluster.url, '--account', a.account, '--name', a.account, '--role', role], `${a.password}\n`);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain(a.password);
  }
  station = await bootWithCounty(join(root, 'st'), areaConfig('R-01', '城东派出所办案区'), { url: county.url, fingerprint: county.fingerprint, token: await enrol(cluster.url, 'east') });
  work(station, 'R', 2, 1);
  await synced(station);
}, 180_000);

afterAll(async () => {
  await station?.stop();
  await county?.stop();
  cluster?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** A browser's view of the county: one sign-in cookie, its requests from the county's own origin. */
interface Visitor { call<T>(path: string, arg?: unknown): Promise<{ status: number; body: T }> }

function visitor(): Visitor {
  let cookie = '';
  return {
    call<T>(path: string, arg: unknown = {}): Promise<{ status: number; body: T }> {
      return new Promise((resolve, reject) => {
        const body = JSON.stringify(arg);
        // The county's certificate is its own (no CA); pinning is the station's business and tested there.
        const req = request(`${county.url}${path}`, {
          method: 'POST', rejectUnauthorized: false,
          headers: { 'content-type': 'application/json', origin: county.url, ...(cookie ? { cookie } : {}) },
        }, (res) => {
          const set = res.headers['set-cookie']?.[0];
          if (set) cookie = set.split(';')[0] ?? '';
          let text = '';
          res.setEncoding('utf8').on('data', (d: string) => { text += d; }).on('end', () => {
            try {
              resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as T });
            } catch (err) {
              reject(err instanceof Error ? err : new Error(String(err)));
            }
          });
        });
        req.on('error', reject);
        req.end(body);
      });
    },
  };
}

async function signedIn(who: { account: string; password: string }): Promise<Visitor> {
  const v = visitor();
  const r = await v.call<{ ok: boolean }>(`${COUNTY_BASE}/api/login`, who);
  expect(r).toMatchObject({ status: 200, body: { ok: true } });
  return v;
}

describe('county accounts and roles', { timeout: 120_000 }, () => {
  it('nothing is read without signing in, and a wrong password signs no one in', async () => {
    const v = visitor();
    expect((await v.call(`${COUNTY_BASE}/api/areas`)).status).toBe(401);
    expect((await v.call(`${areaBase('east')}/api/persons`)).status).toBe(401);
    const wrong = await v.call<{ ok: boolean }>(`${COUNTY_BASE}/api/login`, { account: SUPERVISOR.account, password: 'not-it-2026' });
    expect(wrong.body.ok).toBe(false);
    expect((await v.call(`${COUNTY_BASE}/api/areas`)).status).toBe(401);
  });

  it('a supervisor sees every area but not the access log; an area is read-only to it', async () => {
    const v = await signedIn(SUPERVISOR);
    const areas = await v.call<CountyArea[]>(`${COUNTY_BASE}/api/areas`);
    expect(areas.status).toBe(200);
    expect(areas.body.map((a) => a.station)).toEqual(['east']);
    expect(areas.body[0]).toMatchObject({ personsIn: 2, verified: true, link: { state: 'synced' } });
    expect((await v.call(`${COUNTY_BASE}/api/accessLog`)).status).toBe(403);
    // Statistics across areas (from PostgreSQL), and the county's check of each record.
    const now = Date.now();
    const stats = await v.call<CountyStats>(`${COUNTY_BASE}/api/countyStats`, { from: now - 86_400_000, to: now + 60_000 });
    expect(stats.status).toBe(200);
    expect(stats.body.rows).toEqual([expect.objectContaining({ station: 'east', areaName: '城东派出所办案区', entries: 2, exits: 0 })]);
    expect((await v.call(`${COUNTY_BASE}/api/countyStats`, { from: now, to: now - 1 })).status).toBe(400);
    expect(await v.call(`${COUNTY_BASE}/api/chainAlarms`, {})).toEqual({ status: 200, body: [] });
    const refused = await v.call<{ code: string }>(`${areaBase('east')}/api/submit`, { command: { type: 'person.exit', who: 'R-1' } });
    expect(refused.status).toBe(403);
    expect((await v.call(`${areaBase('east')}/api/accounts`)).status).toBe(403);
    expect((await v.call(`${areaBase('nowhere')}/api/persons`)).status).toBe(404);
  });

  it('an administrator reads the access log: sign-ins, failed ones, and the personal data read in an area', async () => {
    const sup = await signedIn(SUPERVISOR);
    expect((await sup.call(`${areaBase('east')}/api/person`, { id: 'R-1' })).status).toBe(200);
    expect((await sup.call(`${areaBase('east')}/api/timeline`, { id: 'R-1' })).status).toBe(200);
    const admin = await signedIn(ADMIN);
    const log = await admin.call<AccessLogEntry[]>(`${COUNTY_BASE}/api/accessLog`, {});
    expect(log.status).toBe(200);
    const entries = log.body.map((e) => ({ account: e.account, action: e.action, station: e.station }));
    expect(entries).toEqual(expect.arrayContaining([
      { account: SUPERVISOR.account, action: 'login_failed', station: null },
      { account: SUPERVISOR.account, action: 'login', station: null },
      { account: SUPERVISOR.account, action: 'person', station: 'east' },
      { account: SUPERVISOR.account, action: 'timeline', station: 'east' },
      { account: ADMIN.account, action: 'login', station: null },
    ]));
    expect(entries.filter((e) => e.action === 'person')).toHaveLength(1);
  });

  it('the list of areas shows what the overview of the area says: who is present, questioning, rooms unrecorded, critical alarms', async () => {
    const submit = (command: Record<string, unknown>): void => {
      const r = station.host.station.submit(command, { actor: 'E101' });
      if (!r.ok) throw new Error(`${String(command.type)} refused: ${r.rejection.message}`);
    };
    const v = await signedIn(SUPERVISOR);
    /** The list's entry for the area, against what follows from the area's overview. */
    const listed = async (): Promise<{ area: CountyArea | undefined; expected: Partial<CountyArea> }> => {
      await synced(station);
      const area = (await v.call<CountyArea[]>(`${COUNTY_BASE}/api/areas`)).body[0];
      const o = (await v.call<Overview>(`${areaBase('east')}/api/overview`)).body;
      const recording = o.rooms.filter((r) => r.recordingRequired && r.persons.length > 0).map((r) => ({ room: r.id, name: r.name, state: r.recording }));
      return {
        area,
        expected: {
          area: o.area, personsIn: o.persons.length, sessionsActive: o.rooms.reduce((n, r) => n + r.sessions.length, 0), recording,
          unrecordedRooms: recording.filter((r) => r.state !== 'recorded').length, criticalAlarms: o.alarms.filter((a) => a.severity === 'critical'),
        },
      };
    };
    // A suspect not searched, in the waiting room: a critical alarm at once; the interrogation room is empty.
    submit({ type: 'person.enter', person: { id: 'R-S', name: '嫌疑人甲', gender: 'male', birthDate: '1990-01-01', role: 'suspect', basis: 'criminal_summons' } });
    submit({ type: 'person.move', who: 'R-S', room: 'W1' });
    const before = await listed();
    expect(before.expected).toMatchObject({ personsIn: 3, sessionsActive: 0, recording: [], criticalAlarms: [expect.objectContaining({ rule: 'missing_security_check' })] });
    expect(before.area).toMatchObject(before.expected);
    // A witness questioned in the room whose camera reports nothing.
    submit({ type: 'person.move', who: 'R-2', room: 'INT1' });
    submit({ type: 'session.start', sessionId: 'S-R2', room: 'INT1', personId: 'R-2', kind: 'inquiry', officers: ['E101', 'E102'] });
    const after = await listed();
    expect(after.expected).toMatchObject({ sessionsActive: 1, recording: [{ room: 'INT1', name: '讯问室一', state: expect.not.stringMatching(/^recorded$/) }], unrecordedRooms: 1 });
    expect(after.area).toMatchObject(after.expected);
  });
});
