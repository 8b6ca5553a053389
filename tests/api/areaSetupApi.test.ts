// The set-up API: on the first run it is open without an account at the station itself (never
// from the LAN), ends with area.configure and the first administrator signed in, and then closes;
// no answer ever carries a camera password unless an export asks for it; a camera is saved only
// with a stream that passed 试录像.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AreaDraftInput } from '../../common/areaSetup.js';
import { DEFAULT_SETTINGS } from '../../common/settings.js';
import { parseConfig } from '../../main/host/config.js';
import { StationHost } from '../../main/host/stationHost.js';
import { createServer } from '../../main/server/http.js';
import type { FastifyInstance } from 'fastify';

const PASS = 'Cam-secret-551';
let dir: string;
let host: StationHost;
let app: FastifyInstance;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'setup-api-'));
  host = new StationHost({ dataDir: dir, config: parseConfig({}, 'test'), settingsFile: join(dir, 'station.json'), awaitSetup: true, log: () => undefined });
  app = createServer(host, { rendererDir: join(dir, 'no-pages') });
  await app.ready();
});
afterEach(async () => {
  await app.close();
  host.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call<T = Record<string, unknown>>(method: string, arg: unknown, o: { cookie?: string; from?: string } = {}) {
  const res = await app.inject({
    method: 'POST', url: `/api/${method}`, payload: JSON.stringify(arg), ...(o.from ? { remoteAddress: o.from } : {}),
    headers: { 'content-type': 'application/json', ...(o.cookie ? { cookie: o.cookie } : {}) },
  });
  const set = res.headers['set-cookie'];
  return { status: res.statusCode, body: res.json<T>(), cookie: (Array.isArray(set) ? set[0] : set)?.split(';')[0] ?? '' };
}

const DRAFT: AreaDraftInput = {
  area: { id: 'NW-01', name: '城北办案区' },
  rooms: [
    { id: 'W1', name: '候问室', kind: 'waiting', capacity: 3, recordingRequired: false, guardRequired: false },
    { id: 'I1', name: '讯问室', kind: 'interrogation', capacity: null, recordingRequired: true, guardRequired: true },
  ],
  readers: [{ id: 'RD1', room: 'W1', role: 'room', connection: { transport: 'tcp://10.0.0.9:4001', protocol: 'chafon' } }],
  cameras: [{ id: 'CAM1', room: 'I1', connection: null }],
  officers: [{ id: 'A1', name: '周警官', gender: 'male', tag: null }],
  settings: { ...DEFAULT_SETTINGS },
  deskReader: null,
};

describe('the first run', () => {
  it('is open at the station without an account, never from the LAN, and closes once the area is set up', async () => {
    expect((await call('setupState', {})).body).toEqual({ needed: true, example: false, firstRun: true });
    expect((await call('areaSetup', {})).status).toBe(200);
    expect((await call('areaSetup', {}, { from: '192.168.1.50' })).status).toBe(401);
    expect((await call('firstRunArea', { draft: DRAFT, admin: { officerId: 'A1', password: 'Setup2026ok' } }, { from: '192.168.1.50' })).status).toBe(401);

    const preview = await call<{ problem: unknown; effects: string[]; warnings: string[] }>('previewArea', { draft: DRAFT });
    expect(preview.body.problem).toBeNull();
    expect(preview.body.effects).toEqual(['建立办案区“城北办案区”：2 个房间、1 个读卡器、1 台摄像机、1 名民警']);
    expect(preview.body.warnings).toContain('讯问室 的摄像机都没有设置视频流，本工作站不会录像：在此开始讯（询）问将立即告警');

    expect((await call('firstRunArea', { draft: DRAFT, admin: { officerId: 'NOPE', password: 'Setup2026ok' } })).body).toMatchObject({ ok: false, problem: { field: 'admin.officerId' } });
    expect((await call('firstRunArea', { draft: DRAFT, admin: { officerId: 'A1', password: 'short' } })).body).toMatchObject({ ok: false, problem: { field: 'admin.password' } });
    expect(host.station.state.configured).toBe(false);

    const done = await call<{ ok: boolean; session: { account: string; roles: string[] } }>('firstRunArea', { draft: DRAFT, admin: { officerId: 'A1', password: 'Setup2026ok' } });
    expect(done.body).toMatchObject({ ok: true, session: { account: 'A1', roles: ['admin', 'desk', 'operator'] } });
    expect(done.cookie).not.toBe('');
    expect(host.station.state.area).toEqual({ id: 'NW-01', name: '城北办案区' });
    expect(host.station.state.rooms.get('W1')?.capacity).toBe(3);
    expect(host.devices.readers.RD1).toEqual({ transport: 'tcp://10.0.0.9:4001', protocol: 'chafon' });
    expect(statSync(join(dir, 'station.json')).mode & 0o777).toBe(0o600);
    // Set up: no more without an account.
    expect((await call('areaSetup', {})).status).toBe(401);
    expect((await call('firstRunArea', { draft: DRAFT, admin: { officerId: 'A1', password: 'Setup2026ok' } })).status).toBe(401);
    expect((await call('firstRunArea', { draft: DRAFT, admin: { officerId: 'A1', password: 'Setup2026ok' } }, { cookie: done.cookie })).status).toBe(403);
    expect((await call('areaSetup', {}, { cookie: done.cookie })).status).toBe(200);
  });
});

describe('camera passwords', () => {
  let cookie = '';
  beforeEach(async () => {
    cookie = (await call('firstRunArea', { draft: DRAFT, admin: { officerId: 'A1', password: 'Setup2026ok' } })).cookie;
    host.storeDevices({ ...host.devices, cameras: { CAM1: { rtsp: 'rtsp://10.0.0.21/Streaming/Channels/101', onvif: null, user: 'admin', pass: PASS, profile: null } } });
  });

  it('never leave the station in an answer, only in an export that asks for them', async () => {
    const view = await call<{ draft: { cameras: { connection: unknown }[] } }>('areaSetup', {}, { cookie });
    expect(JSON.stringify(view.body)).not.toContain(PASS);
    expect(view.body.draft.cameras[0]?.connection).toMatchObject({ user: 'admin', passSet: true });
    const plain = await call<{ fileName: string; text: string }>('exportSetup', { secrets: false }, { cookie });
    expect(plain.body.text).not.toContain(PASS);
    expect(plain.body.fileName).toMatch(/^办案区设置-NW-01-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(plain.body.text) as { area: { cameras: unknown[] }; server: unknown };
    expect(file.area.cameras).toEqual([{ id: 'CAM1', room: 'I1', rtsp: 'rtsp://10.0.0.21/Streaming/Channels/101', user: 'admin' }]);
    expect(file.server).toBeDefined();
    expect((await call<{ text: string }>('exportSetup', { secrets: true }, { cookie })).body.text).toContain(PASS);
    // The settings file keeps it (for the recorder); the record does not.
    expect(readFileSync(join(dir, 'station.json'), 'utf8')).toContain(PASS);
    expect(readFileSync(join(dir, 'station.db')).includes(Buffer.from(PASS))).toBe(false);
  });

  it('keeps a password not typed again, and saves a changed stream only once it passed 试录像', async () => {
    const view = await call<{ draft: AreaDraftInput }>('areaSetup', {}, { cookie });
    const kept = await call<{ ok: boolean }>('saveArea', { draft: { ...view.body.draft, settings: { ...DEFAULT_SETTINGS, maxStayHours: 12 } } }, { cookie });
    expect(kept.body.ok).toBe(true);
    expect(host.devices.cameras.CAM1?.pass).toBe(PASS);
    const draft = view.body.draft;
    const changed = { ...draft, cameras: [{ ...draft.cameras[0]!, connection: { ...draft.cameras[0]!.connection!, pass: 'another-one' } }] };
    const r = await call<{ ok: boolean; problem: { field: string; message: string } }>('saveArea', { draft: changed }, { cookie });
    expect(r.body).toEqual({ ok: false, problem: { field: 'cameras.0.connection.test', message: '摄像机 CAM1 的视频流尚未通过试录像' } });
    expect(host.devices.cameras.CAM1?.pass).toBe(PASS);
  });
});

describe('the export of the set-up', () => {
  it('has the desk\'s readers as kept now, not as the station started with them', async () => {
    const started = { transport: 'tcp://10.0.0.9:4002', protocol: 'chafon' };
    const other = new StationHost({ dataDir: join(dir, 'other'), config: parseConfig({ deskReader: started }, 'test'), settingsFile: join(dir, 'other', 'station.json'), awaitSetup: true, log: () => undefined });
    const otherApp = createServer(other, { rendererDir: join(dir, 'no-pages') });
    try {
      await otherApp.ready();
      const send = async <T>(method: string, arg: unknown, cookie = ''): Promise<T> => (await otherApp.inject({
        method: 'POST', url: `/api/${method}`, payload: JSON.stringify(arg), headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      })).json<T>();
      const res = await otherApp.inject({
        method: 'POST', url: '/api/firstRunArea', payload: JSON.stringify({ draft: DRAFT, admin: { officerId: 'A1', password: 'Setup2026ok' } }), headers: { 'content-type': 'application/json' },
      });
      const cookie = String(res.headers['set-cookie']).split(';')[0] ?? '';
      // The draft has no desk reader: the one in the configuration the station started with is gone.
      const file = JSON.parse((await send<{ text: string }>('exportSetup', { secrets: false }, cookie)).text) as Record<string, unknown>;
      expect(file.deskReader).toBeUndefined();
      expect(file.idCardReader).toBeUndefined();
    } finally {
      await otherApp.close();
      other.close();
    }
  });
});
