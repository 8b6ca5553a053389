// The interrogation room's camera is a real RTSP server. Freezing it during a session raises
// unrecorded_interrogation in the running station within the stated bound; when the camera is
// back the alarm resolves, and the record holds hashed segments from before and after.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../common/events.js';
import { detectionBoundMs } from '../../hardware/camera/recorder.js';
import { parseConfig } from '../../main/host/config.js';
import { EXAMPLE_AREA } from '../../main/host/exampleArea.js';
import { StationHost } from '../../main/host/stationHost.js';
import { nextEvent } from '../helpers/stationEvents.js';
import { RtspTestServer } from '../support/rtspServer.js';

const SEGMENT_SECONDS = 2;
const GRACE_SECONDS = 2;
const BOUND_MS = detectionBoundMs(SEGMENT_SECONDS) + GRACE_SECONDS * 1000;

let server: RtspTestServer;
let host: StationHost;
const dir = mkdtempSync(join(tmpdir(), 'station-unrecorded-'));

beforeAll(async () => {
  server = await RtspTestServer.start();
  const area = {
    ...EXAMPLE_AREA,
    cameras: [{ id: 'CAM-INT1', room: 'INT1', rtsp: server.url('cam') }],
    settings: { recordingGraceSeconds: GRACE_SECONDS },
  };
  host = new StationHost({ dataDir: dir, config: parseConfig({ area, recording: { segmentSeconds: SEGMENT_SECONDS } }, 'test'), log: () => undefined });
});

afterAll(async () => {
  await host.stopDevices();
  host.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

const isSegment = (e: RecordedEvent): e is Extract<RecordedEvent, { type: 'recording.segment' }> => e.type === 'recording.segment';
const alarm = (state: 'raised' | 'resolved') => (e: RecordedEvent): boolean =>
  e.type === `alarm.${state}` && (e.type === 'alarm.raised' || e.type === 'alarm.resolved') && e.payload.rule === 'unrecorded_interrogation' && e.payload.subject === 'room:INT1';
const recording = (value: boolean) => (e: RecordedEvent): boolean => e.type === 'camera.status' && e.payload.camera === 'CAM-INT1' && e.payload.recording === value;

describe('an interrogation whose camera stops', () => {
  it('raises unrecorded_interrogation within the bound and keeps the hashed segments', async () => {
    const started = nextEvent(host.station, recording(true), 20_000, 'recording');
    host.startDevices();
    await started;
    const submit = (command: Record<string, unknown>) => {
      const r = host.station.submit(command, { actor: 'E001' });
      if (!r.ok) throw new Error(r.rejection.message);
    };
    submit({ type: 'person.enter', person: { id: 'P1', name: '张某', gender: 'male', birthDate: '1988-08-08', role: 'suspect', basis: 'criminal_summons', officers: ['E001', 'E003'] } });
    submit({ type: 'security.check', personId: 'P1', checkers: ['E001'] });
    submit({ type: 'session.start', sessionId: 'S1', room: 'INT1', personId: 'P1', kind: 'interrogation', officers: ['E001', 'E003'] });
    const before = await nextEvent(host.station, isSegment, 15_000, 'a segment during the session');

    const raised = nextEvent(host.station, alarm('raised'), BOUND_MS + 3000, 'unrecorded_interrogation');
    const frozenAt = Date.now();
    server.freeze();
    await raised;
    const detectedMs = Date.now() - frozenAt;
    expect(detectedMs).toBeLessThanOrEqual(BOUND_MS + 1000);

    const back = nextEvent(host.station, recording(true), 30_000, 'recording again');
    const resolved = nextEvent(host.station, alarm('resolved'), 30_000, 'resolved');
    await server.restart();
    await back;
    await resolved;
    const after = await nextEvent(host.station, isSegment, 15_000, 'a segment after the camera came back');
    expect(after.payload.startedAt).toBeGreaterThan(frozenAt);
    expect(before.payload.endedAt).toBeLessThanOrEqual(frozenAt + 1000);

    const rows = host.db.prepare(`SELECT s.path, s.sha256, s.started_at, group_concat(l.subject) AS links FROM segments s
      LEFT JOIN segment_links l ON l.seq = s.seq GROUP BY s.seq ORDER BY s.seq`).all() as { path: string; sha256: string; started_at: number; links: string | null }[];
    expect(rows.some((r) => r.started_at < frozenAt)).toBe(true);
    expect(rows.some((r) => r.started_at > frozenAt)).toBe(true);
    for (const r of rows.filter((x) => x.path === before.payload.path || x.path === after.payload.path)) {
      expect(execFileSync('sha256sum', [r.path], { encoding: 'utf8' }).split(' ')[0]).toBe(r.sha256);
      expect(r.links?.split(',').sort()).toEqual(['person:P1', 'session:S1']);
    }
    process.stdout.write(`unrecorded_interrogation raised ${detectedMs} ms after the camera froze (bound ${BOUND_MS} ms)\n`);
  }, 120_000);
});
