// The Electron main module, run under Node against a typed fake of Electron: it honours --config
// and the station.json in its data folder (userData), opens no port without LAN access, serves
// HTTPS with the fingerprint it shows with LAN access, starts nothing as a second instance, and
// shows a start-up failure in a dialog.
import { X509Certificate } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { createServer, Server, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { STARTUP_TEXT } from '../../common/startupText.js';
import type { ServerInfo } from '../../common/views.js';
import { ATTENTION_CHANNEL } from '../../main/electron/channels.js';
import { REPO } from '../helpers/stationProcess.js';
import { AREA, scratch, type Scratch } from '../host/bootFixtures.js';
import { fakeElectron, type FakeElectron } from './fakeElectron.js';
import { RtspTestServer } from '../support/rtspServer.js';
import { CHANGE_CHANNEL } from '../../main/electron/channels.js';
import { DESK_ADDRESS } from '../../main/api/service.js';
import type { RecordingPlan, ViewingEntry } from '../../common/recordings.js';
import type { ChangeNotice } from '../../common/views.js';

let s: Scratch;
let desk: FakeElectron | null = null;

afterEach(async () => {
  vi.restoreAllMocks();
  if (desk?.windows.length) {
    desk.emitApp('window-all-closed');
    await desk.quit;
  }
  desk = null;
  s?.remove();
});

/** Loads main/electron/main.ts afresh with the fake as 'electron' and the given command line. */
async function startDesk(args: readonly string[] = [], options: { lock?: boolean } = {}): Promise<FakeElectron> {
  const fake = fakeElectron({ userData: s.path('userData'), appPath: REPO, ...options });
  desk = fake;
  vi.resetModules();
  vi.doMock('electron', () => fake.module);
  const argv = process.argv;
  process.argv = [process.execPath, REPO, ...args];
  try {
    await import('../../main/electron/main.js');
  } finally {
    process.argv = argv;
  }
  return fake;
}

type Reply<T> = { ok: true; value: T } | { ok: false; status: number; code: string; message: string };

async function call<T>(fake: FakeElectron, method: string, arg: unknown = {}): Promise<T> {
  const reply = (await fake.invoke(method, arg)) as Reply<T>;
  if (!reply.ok) throw new Error(`${method}: ${reply.status} ${reply.message}`);
  return reply.value;
}

async function signInAsAdmin(fake: FakeElectron): Promise<void> {
  const r = await call<{ ok: boolean }>(fake, 'setup', { officerId: 'ADM', name: '管理员', gender: 'male', password: 'station2026' });
  expect(r.ok).toBe(true);
}

/**
 * Reads a streamed MP4 response box by box until a box of type `until` has begun, then cancels
 * the stream (as a page closing its player does). Returns the types of the boxes seen.
 */
async function boxesUntil(res: Response, until: string): Promise<string[]> {
  const reader = res.body?.getReader();
  if (!reader) throw new Error('no body');
  let buf = Buffer.alloc(0);
  const types: string[] = [];
  try {
    for (let reads = 0; reads < 10_000; reads++) {
      const { done, value } = await reader.read();
      if (done) break;
      buf = Buffer.concat([buf, value]);
      while (buf.length >= 8) {
        const type = buf.toString('latin1', 4, 8);
        types.push(type);
        if (type === until) return types;
        const size = buf.readUInt32BE(0);
        if (size < 8) throw new Error(`box ${type} of size ${size}`);
        if (buf.length < size) { types.pop(); break; }
        buf = buf.subarray(size);
      }
    }
    return types;
  } finally {
    await reader.cancel();
  }
}

function httpsGet(url: string, ca: string): Promise<number> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: u.port, path: u.pathname, servername: 'localhost', ca }, (res) => { res.resume(); resolve(res.statusCode ?? 0); });
    req.on('error', reject);
    req.end();
  });
}

describe('the desk app under a fake Electron', () => {
  it('records the area of --config, in the window over IPC, and opens no port without LAN access', async () => {
    s = scratch('desk-config-');
    const listen = vi.spyOn(Server.prototype, 'listen');
    const data = s.path('data');
    const fake = await startDesk(['--no-sandbox', '--config', s.config('area.json', { area: AREA }), '--data', data, '--disable-gpu']);
    expect(await fake.outcome).toBe('window');
    expect(fake.windows[0]?.loaded).toEqual(['app://station/']);
    expect(fake.windows[0]?.shown).toBe(true);
    expect(fake.windows[0]?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, autoplayPolicy: 'no-user-gesture-required' });
    expect(fake.calls.protocolHandled).toEqual(['app']);
    expect(await call(fake, 'setupState')).toEqual({ needed: true, example: false, firstRun: false });
    await signInAsAdmin(fake);
    const overview = await call<{ area: { id: string } }>(fake, 'overview');
    expect(overview.area.id).toBe('CX-01');
    expect(existsSync(join(data, 'station.db'))).toBe(true);
    expect(await call<ServerInfo>(fake, 'serverInfo')).toEqual({ lan: false, urls: [], fingerprint: null });
    // No port: the one listener is the evidence socket in the data folder (a path, not an address).
    expect(listen.mock.calls.filter(([where]) => typeof where !== 'string' || !where.startsWith(data))).toEqual([]);
    // A page that is not the app's gets no answer.
    await expect(fake.invoke('setupState', {}, 'https://evil.example/')).rejects.toThrow(/not the station page/);
    expect(fake.windows[0]?.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fake.windows[0]?.navigate('will-navigate', 'app://station/#/persons')).toBe(false);
  });

  it('answers the window\'s media streams through app:// with the window\'s sign-in and the same role checks', async () => {
    s = scratch('desk-media-');
    const fake = await startDesk(['--config', s.config('area.json', { area: AREA }), '--data', s.path('data')]);
    expect(await fake.outcome).toBe('window');
    const live = 'app://station/api/media/live/CAM-INT1';
    const playback = `app://station/api/media/playback/CAM-INT1?from=${Date.now() - 60_000}&to=${Date.now()}`;
    expect((await fake.fetchApp(live)).status).toBe(401);
    await signInAsAdmin(fake);
    // The administrator may watch; the area's camera has no stream configured, and the station says so.
    const refused = await fake.fetchApp(live);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'NO_STREAM' });
    expect((await fake.fetchApp('app://station/api/media/live/NO-SUCH-CAMERA')).status).toBe(404);
    // A desk officer signed in in the window may not play back (the default recording.playbackRoles).
    await call(fake, 'submit', { command: { type: 'officer.register', officer: { id: 'DESK1', name: '值班民警', gender: 'female' } } });
    await call(fake, 'saveAccount', { account: 'desk1', officerId: 'DESK1', roles: ['desk'], password: 'station2026' });
    await call(fake, 'logout');
    await call(fake, 'login', { account: 'desk1', password: 'station2026' });
    expect((await fake.fetchApp(playback)).status).toBe(403);
  });

  it('lets the window watch a camera live and play back its recording through app://, on the viewing log', async () => {
    s = scratch('desk-media-rtsp-');
    const camera = await RtspTestServer.start();
    try {
      const area = { ...AREA, cameras: [{ id: 'CAM-INT1', room: 'INT1', rtsp: camera.url('cam') }] };
      const fake = await startDesk(['--config', s.config('area.json', { area, recording: { segmentSeconds: 2 } }), '--data', s.path('data')]);
      expect(await fake.outcome).toBe('window');
      const window = fake.windows[0];
      if (!window) throw new Error('no window');
      // Two segments on the record (the page hears of each through its change channel).
      const segment = (): Promise<unknown[]> => window.nextSent(CHANGE_CHANNEL, ([n]) => (n as ChangeNotice).types.includes('recording.segment'), 30_000);
      const recorded = segment().then(segment);
      await signInAsAdmin(fake);

      const live = await fake.fetchApp('app://station/api/media/live/CAM-INT1');
      expect(live.status).toBe(200);
      expect(live.headers.get('content-type')).toMatch(/^video\/mp4; codecs="avc1\.[0-9a-fA-F]{6},mp4a\.40\.2"$/);
      expect(await boxesUntil(live, 'moof')).toEqual(expect.arrayContaining(['ftyp', 'moov', 'moof']));

      await recorded;
      const plan = await call<RecordingPlan>(fake, 'recordingPlan', { room: 'INT1', from: Date.now() - 600_000, to: Date.now() + 60_000 });
      const pieces = plan.cameras.find((c) => c.camera === 'CAM-INT1')?.pieces.filter((p) => p.kind === 'recorded') ?? [];
      expect(pieces.length).toBeGreaterThanOrEqual(2);
      const from = pieces[0]?.from ?? 0;
      const to = pieces[pieces.length - 1]?.to ?? 0;
      expect(to).toBeGreaterThan(from);
      const playback = await fake.fetchApp(`app://station/api/media/playback/CAM-INT1?from=${from}&to=${to}`);
      expect(playback.status).toBe(200);
      expect(await boxesUntil(playback, 'moof')).toEqual(expect.arrayContaining(['ftyp', 'moov', 'moof']));

      const log = await call<ViewingEntry[]>(fake, 'viewingLog', { from: Date.now() - 600_000, to: Date.now() + 60_000 });
      expect(log.map((e) => [e.account, e.kind, e.camera, e.address])).toEqual(expect.arrayContaining([
        ['ADM', 'live', 'CAM-INT1', DESK_ADDRESS], ['ADM', 'playback', 'CAM-INT1', DESK_ADDRESS],
      ]));
    } finally {
      if (desk?.windows.length) {
        desk.emitApp('window-all-closed');
        await desk.quit;
      }
      desk = null;
      await camera.stop();
    }
  });

  it('reads station.json in its data folder (userData) when started from the menu', async () => {
    s = scratch('desk-userdata-');
    s.config(join('userData', 'station.json'), { area: AREA });
    const fake = await startDesk();
    expect(await fake.outcome).toBe('window');
    expect(await call(fake, 'setupState')).toEqual({ needed: true, example: false, firstRun: false });
    expect(existsSync(s.path('userData', 'station.db'))).toBe(true);
    expect(existsSync(s.path('userData', 'demo'))).toBe(false);
  });

  it('without a configuration offers the first-run wizard; the example area opens from its own record when chosen', async () => {
    s = scratch('desk-demo-');
    const fake = await startDesk();
    expect(await fake.outcome).toBe('window');
    expect(await call(fake, 'setupState')).toEqual({ needed: true, example: false, firstRun: true });
    expect(existsSync(s.path('userData', 'demo'))).toBe(false);
    // Chosen in the window: the station restarts on the example's record and the window loads it.
    expect(await call(fake, 'openRecord', { example: true })).toEqual({ ok: true });
    await vi.waitFor(async () => expect(await call(fake, 'setupState')).toEqual({ needed: true, example: true, firstRun: false }), { timeout: 20_000, interval: 200 });
    expect(existsSync(s.path('userData', 'demo', 'station.db'))).toBe(true);
  });

  it('with LAN access serves HTTPS only, and shows the fingerprint of the certificate it serves', async () => {
    s = scratch('desk-lan-');
    s.config(join('userData', 'station.json'), { area: AREA, server: { lan: true, port: 0 } });
    const fake = await startDesk(['--bind', '127.0.0.1']);
    expect(await fake.outcome).toBe('window');
    await signInAsAdmin(fake);
    const info = await call<ServerInfo>(fake, 'serverInfo');
    const cert = readFileSync(s.path('userData', 'tls', 'lan-cert.pem'), 'utf8');
    expect(info).toMatchObject({ lan: true, fingerprint: new X509Certificate(cert).fingerprint256 });
    const url = info.urls[0] ?? '';
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await httpsGet(`${url}api/health`, cert)).toBe(200);
    const plain = await fetch(url.replace('https:', 'http:') + 'api/health').then((r) => r.status, () => 'refused');
    expect(plain).not.toBe(200);
  });

  it('as a second instance starts nothing', async () => {
    s = scratch('desk-second-');
    const fake = await startDesk([], { lock: false });
    expect(await fake.outcome).toBe('quit');
    expect(fake.calls).toMatchObject({ quit: 1, whenReady: 0, protocolHandled: [] });
    expect(fake.windows).toEqual([]);
    expect(fake.handlers()).toEqual([]);
    expect(existsSync(s.path('userData')) ? readdirSync(s.path('userData')) : []).toEqual([]);
  });

  it('shows a start-up failure in a dialog, keeps it in station.log, and opens no window', async () => {
    s = scratch('desk-taken-');
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      s.config(join('userData', 'station.json'), { area: AREA, server: { lan: true, port } });
      const fake = await startDesk(['--bind', '127.0.0.1']);
      expect(await fake.outcome).toBe('error');
      expect(fake.errorBoxes).toEqual([{ title: STARTUP_TEXT.failedTitle, content: STARTUP_TEXT.portTaken('127.0.0.1', port) }]);
      expect(fake.calls.exit).toEqual([1]);
      expect(fake.windows).toEqual([]);
      expect(fake.handlers()).toEqual([]);
      expect(readFileSync(s.path('userData', 'station.log'), 'utf8')).toContain(`ERROR PORT_TAKEN ${STARTUP_TEXT.portTaken('127.0.0.1', port)}`);
    } finally {
      blocker.close();
    }
  });

  it('says so when its data folder cannot be written', async () => {
    s = scratch('desk-unwritable-');
    writeFileSync(s.path('a-file'), '');
    const fake = await startDesk(['--data', s.path('a-file', 'data')]);
    expect(await fake.outcome).toBe('error');
    expect(fake.errorBoxes[0]?.content).toContain('无法写入');
  });

  it('shows what it starts with but must be fixed, after the window is up', async () => {
    s = scratch('desk-warning-');
    const data = s.path('data');
    const first = await startDesk(['--config', s.config('a.json', { area: AREA }), '--data', data]);
    expect(await first.outcome).toBe('window');
    first.emitApp('window-all-closed');
    await first.quit;
    const other = s.config('b.json', { area: { ...AREA, area: { id: 'OTHER', name: '别的办案区' } } });
    const fake = await startDesk(['--config', other, '--data', data]);
    expect(await fake.outcome).toBe('window');
    await vi.waitFor(() => expect(fake.messageBoxes).toHaveLength(1));
    // The first start imported a.json into the settings file: b.json is not read.
    expect(fake.messageBoxes[0]).toMatchObject({ type: 'warning', title: STARTUP_TEXT.warningTitle, message: STARTUP_TEXT.configNotImported(other, join(data, 'station.json')) });
  });

  it('stops the station when the window closes', async () => {
    s = scratch('desk-close-');
    const fake = await startDesk(['--config', s.config('area.json', { area: AREA }), '--data', s.path('data')]);
    expect(await fake.outcome).toBe('window');
    // The page's reports of critical alarms reach the window (attention.test.ts says what it does with them).
    expect(fake.send(ATTENTION_CHANNEL, { critical: 1, lines: ['讯（询）问未录音录像'], newest: 'AL000001' })).toBe(1);
    expect(fake.windows[0]?.flashes).toEqual([true]);
    expect(fake.notifications).toHaveLength(1);
    fake.emitApp('window-all-closed');
    await fake.quit;
    expect(fake.handlers()).toEqual([]);
    expect(fake.send(ATTENTION_CHANNEL, { critical: 0, lines: [], newest: null })).toBe(0);
    desk = null;
  });
});
