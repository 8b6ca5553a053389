// Every API method for every role: allowed, 401 without a session, 403 for a role that may not
// use it. The expectations come from the contract's access table, so a method added there is
// covered here at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ACCESS, API_METHODS, COMMAND_ACCESS, mayCall, type ApiMethod } from '../../common/api.js';
import { COMMAND_TYPES } from '../../common/commands.js';
import type { Role } from '../../common/views.js';
import { apiHost, type ApiHost, type Client } from '../helpers/apiHost.js';

let h: ApiHost;
let as: Record<Role, Client>;
beforeAll(async () => {
  h = await apiHost();
  as = await h.accounts();
});
afterAll(() => h.close());

const now = Date.now();
/** A set-up draft the core refuses on a configured station (its area cannot be renamed): it reaches the handlers and changes nothing. */
const DRAFT = {
  area: { id: 'X', name: '别的办案区' }, rooms: [{ id: 'R1', name: '讯问室', kind: 'interrogation', capacity: null, recordingRequired: true, guardRequired: true }],
  readers: [], cameras: [], officers: [{ id: 'E1', name: '甲', gender: 'male', tag: null }],
  settings: { recordingGraceSeconds: 10, presenceGraceSeconds: 60, deviceGraceSeconds: 30, timeLimitWarnMinutes: 60, mealIntervalHours: 6, maxStayHours: 24 },
  deskReader: null,
};
const SAMPLE: { [K in ApiMethod]: unknown } = {
  session: {}, setupState: {}, setup: { officerId: 'X', name: 'x', gender: 'male', password: 'abc12345' },
  login: { account: 'nobody', password: 'x' }, logout: {}, changePassword: { oldPassword: 'wrong-one1', newPassword: 'another12' },
  overview: {}, persons: { status: 'all' }, person: { id: 'P-none' }, timeline: { id: 'P-none' }, alarms: { active: true },
  form: { id: 'P-none' }, submit: { command: { type: 'care.meal', personId: 'P-none' } }, audit: {}, deskTag: {}, deskIdCard: { after: 0 }, registrationPhoto: { camera: 'CAM-INT1' }, personPhoto: { id: 'P-none' },
  search: { text: '张' }, handover: {},
  stats: { period: 'day', from: now - 86_400_000, to: now }, ledger: { from: now - 86_400_000, to: now }, serverInfo: {},
  snapshot: { camera: 'CAM-INT1' }, backups: {}, backupNow: {}, accounts: {},
  saveAccount: { account: 'tmp1', officerId: 'DESK1', roles: ['desk'], password: 'temp12345' },
  mediaAccess: {}, recordingPlan: { room: 'INT1', from: now - 3_600_000, to: now }, sessionRecording: { id: 'S-none' }, personRecordings: { id: 'P-none' },
  exportEvidence: { sessionId: 'S-none' }, evidenceSummary: { exportId: 'EV-none' }, viewingLog: { from: now - 86_400_000, to: now },
  areaSetup: {}, previewArea: { draft: DRAFT }, saveArea: { draft: DRAFT }, firstRunArea: { draft: DRAFT, admin: { officerId: 'E1', password: 'abc12345' } },
  openRecord: { example: false }, serialPorts: {}, readTestStart: { connection: { transport: 'tcp://127.0.0.1:9', protocol: 'r2000' } },
  idCardTestStart: { connection: { transport: 'tcp://127.0.0.1:9' } },
  readTestView: { id: 'none' }, readTestStop: { id: 'none' }, discoverCameras: {}, probeCamera: { onvif: 'http://127.0.0.1:9/onvif/device_service' },
  testCamera: { rtsp: 'rtsp://127.0.0.1:9/cam' }, exportSetup: { secrets: false },
};
const ROLES: Role[] = ['desk', 'operator', 'supervisor', 'admin'];

describe('access to every method', () => {
  it.each(API_METHODS.filter((m) => API_ACCESS[m] !== 'public'))('%s: 401 without a session', async (method) => {
    expect((await h.client().call(method, SAMPLE[method])).status).toBe(401);
    expect((await h.client('station_session=forged-token').call(method, SAMPLE[method])).status).toBe(401);
  });

  for (const role of ROLES) {
    it.each(API_METHODS.filter((m) => m !== 'logout' && m !== 'setup' && m !== 'login'))(`%s as ${role}`, async (method) => {
      const r = await as[role].call(method, SAMPLE[method]);
      if (mayCall([role], method)) expect([200, 409]).toContain(r.status);
      else expect(r.status).toBe(403);
    });
  }

  it('answers 401 for a path that does not exist without a session, 404 with one', async () => {
    expect((await h.client().call('doesNotExist')).status).toBe(401);
    expect((await h.app.inject({ method: 'GET', url: '/api/secret/thing' })).statusCode).toBe(401);
    expect((await as.desk.call('doesNotExist')).status).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('refuses requests from another origin', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/overview', headers: { 'content-type': 'application/json', cookie: as.admin.cookie, origin: 'http://evil.example', host: 'localhost:8620' }, payload: '{}' });
    expect(res.statusCode).toBe(403);
  });

  it('validates request bodies', async () => {
    expect((await as.desk.call('persons', { status: 'everyone' })).status).toBe(400);
    expect((await as.desk.call('person', { id: 5 })).status).toBe(400);
  });
});

describe('commands by role', () => {
  it.each(COMMAND_TYPES.filter((t) => t !== 'clock'))('%s', async (type) => {
    for (const role of ROLES) {
      const r = await as[role].call<{ ok?: boolean }>('submit', { command: { type } });
      const allowed = role !== 'supervisor' && COMMAND_ACCESS[type].includes(role);
      // Allowed roles reach the core (which refuses the empty command with 200 + a rejection).
      expect(r.status, `${type} as ${role}`).toBe(allowed ? 200 : 403);
      if (allowed) expect(r.body.ok).toBe(false);
    }
  });

  it('records the signed-in officer as the actor', async () => {
    const r = await as.desk.call<{ ok: boolean; seq: number }>('submit', { command: { type: 'person.enter', person: { id: 'P-act', name: '甲', gender: 'male', birthDate: '1990-01-01', role: 'witness' } } });
    expect(r.body.ok).toBe(true);
    expect(h.host.db.prepare('SELECT actor FROM events WHERE seq = ?').get(r.body.seq)).toEqual({ actor: 'DESK1' });
  });

  it('logs a supervisor reading personal data', async () => {
    await as.supervisor.call('person', { id: 'P-act' });
    await as.supervisor.call('form', { id: 'P-act' });
    const rows = h.host.db.prepare(`SELECT action, target FROM access_log WHERE account = 'sv1' AND action IN ('person', 'form') AND target = 'P-act' ORDER BY id`).all();
    expect(rows).toEqual([{ action: 'person', target: 'P-act' }, { action: 'form', target: 'P-act' }]);
  });
});
