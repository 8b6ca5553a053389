// Saving 办案区设置 on a running station restarts only the devices the change touches: a camera
// that is only moved to another recorded room keeps its ffmpeg (same pid) and keeps closing
// segments across the save, while the camera whose password changed is restarted; a reader whose
// connection is unchanged keeps its link and keeps reading while another reader's changes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../common/events.js';
import { currentDraft } from '../../main/api/setup/current.js';
import { setupService } from '../../main/api/setup/handlers.js';
import { parseConfig } from '../../main/host/config.js';
import { StationHost } from '../../main/host/stationHost.js';
import { startSerialSimulator, type RunningSimulator } from '../../hardware/rfid/sim/serialSimulator.js';
import { SocatPair } from '../../hardware/rfid/sim/socatPair.js';
import { RtspTestServer } from '../support/rtspServer.js';
import { nextEvent } from '../helpers/stationEvents.js';

const PASS = 'Rec-9x!';
const TAG_A = 'E20000000000000000000A0A';
const TAG_B = 'E20000000000000000000B0B';
let dir: string;
// Two cameras, two servers: a client joining a shared test stream holds up its other clients for a moment.
let camera: RtspTestServer;
let cameraB: RtspTestServer;
let host: StationHost;
const pairs: SocatPair[] = [];
const sims: RunningSimulator[] = [];

const segmentOf = (camera: string) => (e: RecordedEvent): boolean => e.type === 'recording.segment' && (e.payload as { camera?: string }).camera === camera;

/** Every read and link change of the reader running on `transport`, as the reader sees them (a read of a known tag records nothing new). */
function listen(transport: string): { reads: () => number; offline: () => number; read(what: string): Promise<void>; stop(): void } {
  let reads = 0;
  let offline = 0;
  let waiting: { resolve: () => void; timer: NodeJS.Timeout } | null = null;
  const untap = host.readers?.tap(transport, {
    tagRead: () => {
      reads++;
      if (waiting) { clearTimeout(waiting.timer); waiting.resolve(); waiting = null; }
    },
    deviceStatus: (_r, online) => { if (!online) offline++; },
  });
  if (!untap) throw new Error(`no reader runs on ${transport}`);
  return {
    reads: () => reads, offline: () => offline, stop: untap,
    read: (what) => new Promise((resolve, reject) => {
      waiting = { resolve, timer: setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 10_000) };
    }),
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'device-restart-'));
  const login = { user: 'admin', pass: PASS, method: 'digest' } as const;
  [camera, cameraB] = await Promise.all([RtspTestServer.start(0, login), RtspTestServer.start(0, login)]);
  for (const tag of [TAG_A, TAG_B]) {
    const pair = await SocatPair.open();
    pairs.push(pair);
    sims.push(startSerialSimulator(pair.b, 115200, { protocol: 'r2000', tags: [tag], intervalMs: 100 }));
  }
  const area = {
    area: { id: 'RS', name: '测试办案区' },
    rooms: [
      { id: 'W1', name: '候问室', kind: 'waiting' }, { id: 'W2', name: '候问室二', kind: 'waiting' },
      { id: 'INT1', name: '讯问室一', kind: 'interrogation' }, { id: 'INT2', name: '讯问室二', kind: 'interrogation' },
    ],
    readers: [
      { id: 'RD-A', room: 'W1', role: 'room', transport: pairs[0]!.a, protocol: 'r2000', pollMs: 50 },
      { id: 'RD-B', room: 'W2', role: 'room', transport: pairs[1]!.a, protocol: 'r2000', pollMs: 50 },
    ],
    cameras: [
      { id: 'CAM-A', room: 'INT1', rtsp: camera.url('cam'), user: 'admin', pass: PASS },
      { id: 'CAM-B', room: 'INT2', rtsp: cameraB.url('cam'), user: 'admin', pass: 'wrong-one' },
    ],
  };
  host = new StationHost({ dataDir: dir, config: parseConfig({ area, recording: { segmentSeconds: 2 } }, 'test'), settingsFile: join(dir, 'station.json'), log: () => undefined });
  await host.startDevices();
}, 60_000);

afterAll(async () => {
  await host?.stopDevices();
  host?.close();
  for (const s of sims) await s.stop();
  for (const p of pairs) await p.close();
  await camera?.stop();
  await cameraB?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a save restarts only what it touches', () => {
  it('records and reads before the change', async () => {
    const a = listen(pairs[0]!.a);
    const b = listen(pairs[1]!.a);
    await Promise.all([nextEvent(host.station, segmentOf('CAM-A'), 30_000, 'a segment of CAM-A'), a.read('a read by RD-A'), b.read('a read by RD-B')]);
    a.stop();
    b.stop();
    // CAM-B's password is wrong: its recorder runs, and the relay says why nothing comes.
    expect(host.recording?.note('CAM-B')?.reason).toBe('the camera refused the user name or password');
  }, 60_000);

  it('keeps CAM-A (moved) and RD-A (untouched) running while CAM-B and RD-B restart', async () => {
    const before = host.recording?.recorded();
    const pidA = before?.get('CAM-A');
    expect(pidA).toEqual(expect.any(Number));
    const draft = currentDraft(host.station.state, host.devices);
    // CAM-A moves to the other interrogation room; CAM-B gets its right password; RD-B a longer poll.
    draft.cameras = draft.cameras.map((c) => (c.id === 'CAM-A' ? { ...c, room: 'INT2' } : c.id === 'CAM-B' ? { ...c, room: 'INT1', connection: { ...c.connection!, pass: PASS } } : c));
    draft.readers = draft.readers.map((r) => (r.id === 'RD-B' ? { ...r, connection: { ...r.connection!, pollMs: 60 } } : r));
    // The new password must have passed 试录像 first.
    const service = setupService(host);
    expect(await service.save(draft, 'ADMIN')).toMatchObject({ ok: false, problem: { field: 'cameras.1.connection.test' } });
    const tested = await host.deviceTests!.testCamera(cameraB.url('cam'), 'admin', PASS);
    expect(tested.ok).toBe(true);

    const a = listen(pairs[0]!.a);
    const saved = await service.save(draft, 'ADMIN');
    expect(saved).toMatchObject({ ok: true });
    if (saved.ok) expect(saved.preview.restarts).toEqual(['读卡器 RD-B：重新连接（约 1 秒不读卡）', '摄像机 CAM-B：录像重新开始（中断数秒）']);

    // CAM-A: the same ffmpeg, still closing segments; RD-A: still reading, never offline.
    await nextEvent(host.station, segmentOf('CAM-A'), 30_000, 'a segment of CAM-A after the save');
    await nextEvent(host.station, segmentOf('CAM-A'), 30_000, 'another segment of CAM-A after the save');
    const readsBefore = a.reads();
    await a.read('a read by RD-A after the save');
    expect(a.reads()).toBeGreaterThan(readsBefore);
    expect(a.offline()).toBe(0);
    a.stop();
    expect(host.recording?.recorded().get('CAM-A')).toBe(pidA);
    // CAM-B: restarted with its new password, and now recording; RD-B: a new link, reading.
    await nextEvent(host.station, segmentOf('CAM-B'), 30_000, 'a segment of CAM-B after its restart');
    const b = listen(pairs[1]!.a);
    await b.read('a read by RD-B after its restart');
    b.stop();
    expect(host.station.state.cameras.get('CAM-A')?.room).toBe('INT2');
  }, 120_000);
});
