// Camera passwords never appear in a process list: while the station records a camera that asks
// for its account, takes a picture of it, probes and test-records it, no process it started has a
// password in its arguments (/proc/PID/cmdline, which every user of the machine can read) — the
// recorder reads the camera through the station's relay. Nor is the password in the record.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../common/events.js';
import { parseConfig } from '../../main/host/config.js';
import { StationHost } from '../../main/host/stationHost.js';
import { RtspTestServer } from '../support/rtspServer.js';
import { descendants, type ChildProcessInfo } from '../helpers/childProcesses.js';
import { nextEvent } from '../helpers/stationEvents.js';

const PASS = 'Pw-in-args-7731';
let dir: string;
let camera: RtspTestServer;
let host: StationHost;
/** Every command line of the station's children seen while the work ran (a child that has exited shows none). */
const seen = new Map<string, ChildProcessInfo>();
let sampler: NodeJS.Timeout | null = null;

/** The station's children: the RTSP test server is the test's, not the station's, and is left out. */
function sample(): void {
  for (const c of descendants()) if (c.pid !== camera.pid && c.argv.length > 0) seen.set(`${c.pid} ${c.argv.join(' ')}`, c);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'no-password-'));
  camera = await RtspTestServer.start(0, { user: 'admin', pass: PASS, method: 'digest' });
  const area = {
    area: { id: 'PW', name: '测试办案区' },
    rooms: [{ id: 'INT1', name: '讯问室一', kind: 'interrogation' }],
    cameras: [{ id: 'CAM1', room: 'INT1', rtsp: camera.url('cam').replace('rtsp://', `rtsp://admin:${PASS}@`) }],
  };
  host = new StationHost({ dataDir: dir, config: parseConfig({ area, recording: { segmentSeconds: 2 } }, 'test'), log: () => undefined });
  // Sampled often: a snapshot's ffmpeg lives for about a second.
  sampler = setInterval(sample, 25);
  await host.startDevices();
}, 60_000);

afterAll(async () => {
  if (sampler) clearInterval(sampler);
  await host?.stopDevices();
  host?.close();
  await camera?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('camera passwords and process lists', () => {
  it('records a camera that asks for its password, with no password on any command line', async () => {
    await nextEvent(host.station, (e: RecordedEvent) => e.type === 'recording.segment', 30_000, 'a recorded segment');
    await host.recording?.snapshot('CAM1');
    const probe = await host.deviceTests?.testCamera(camera.url('cam'), 'admin', PASS);
    expect(probe?.ok).toBe(true);
    sample();
    // (The start-up's `ffmpeg -version`, which locates the tool, reads no camera.)
    const ffmpegs = [...seen.values()].filter((c) => /ffmpeg$/.test(c.argv[0] ?? '') && c.argv.includes('-i'));
    // The recorder and the 10-second test recording were surely seen (a picture's ffmpeg may come
    // and go between two looks): each reads the relay.
    expect(ffmpegs.some((c) => c.argv.includes('segment'))).toBe(true);
    expect(ffmpegs.some((c) => c.argv.includes('-t'))).toBe(true);
    for (const c of ffmpegs) expect(c.argv.join(' ')).toMatch(/rtsp:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{32}\/cam/);
    for (const c of seen.values()) {
      expect(c.argv.join(' '), `process ${c.pid}`).not.toContain(PASS);
      expect(c.argv.join(' '), `process ${c.pid}`).not.toContain(encodeURIComponent(PASS));
    }
  }, 90_000);

  it('keeps the password out of the record and out of what the recorder reports', () => {
    const db = readFileSync(join(dir, 'station.db'));
    expect(db.includes(Buffer.from(PASS))).toBe(false);
    expect(JSON.stringify(host.recording?.note('CAM1'))).not.toContain(PASS);
  });
});
