// A station in this process recording a real RTSP camera (GStreamer: H.264 + G.711) in the
// interrogation room, and one interrogation held there across several 2-second segments — the
// material the playback and evidence tests work on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '../../common/events.js';
import { parseConfig } from '../../main/host/config.js';
import { EXAMPLE_AREA } from '../../main/host/exampleArea.js';
import { StationHost } from '../../main/host/stationHost.js';
import { nextEvent } from '../helpers/stationEvents.js';
import { RtspTestServer } from '../support/rtspServer.js';

export const SEGMENT_SECONDS = 2;
export const CAMERA = 'CAM-INT1';
export const ROOM = 'INT1';
export const SESSION = 'S-REC-1';
export const PERSON = 'P-REC-1';
export const AREA = { ...EXAMPLE_AREA, area: { id: 'A-REC', name: '城东派出所办案区' } };

export type SegmentEvent = Extract<RecordedEvent, { type: 'recording.segment' }>;
const isSegment = (e: RecordedEvent): e is SegmentEvent => e.type === 'recording.segment';

export interface RecordedStation {
  readonly host: StationHost;
  readonly dataDir: string;
  readonly camera: RtspTestServer;
  /** Segments recorded during the session, in order. */
  readonly segments: readonly SegmentEvent[];
  stop(): Promise<void>;
}

export interface RecordOptions {
  /** Segments to record while the session runs (at least). */
  readonly segments: number;
  /** More station configuration (e.g. recording roles). */
  readonly config?: Record<string, unknown>;
}

/** Records a session of at least `segments` segments and ends it; the station keeps running. */
export async function recordSession(o: RecordOptions): Promise<RecordedStation> {
  const camera = await RtspTestServer.start();
  const dataDir = mkdtempSync(join(tmpdir(), 'station-media-'));
  const extra = o.config ?? {};
  const config = parseConfig({
    ...extra,
    area: { ...AREA, cameras: [{ id: CAMERA, room: ROOM, rtsp: camera.url('cam') }] },
    recording: { segmentSeconds: SEGMENT_SECONDS, ...((extra.recording as Record<string, unknown> | undefined) ?? {}) },
  }, 'test');
  const host = new StationHost({ dataDir, config, log: () => undefined });
  const stop = async (): Promise<void> => {
    await host.stopDevices();
    host.close();
    await camera.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const recording = nextEvent(host.station, (e) => e.type === 'camera.status' && e.payload.camera === CAMERA && e.payload.recording, 30_000, 'recording');
    host.startDevices();
    await recording;
    const submit = (command: Record<string, unknown>): void => {
      const r = host.station.submit(command, { actor: 'E001' });
      if (!r.ok) throw new Error(`${String(command.type)}: ${r.rejection.message}`);
    };
    submit({ type: 'person.enter', person: { id: PERSON, name: '张某某', gender: 'male', birthDate: '1988-08-08', role: 'suspect', caseNo: 'A2026-017', basis: 'criminal_summons', officers: ['E001', 'E003'] } });
    submit({ type: 'security.check', personId: PERSON, checkers: ['E001'] });
    submit({ type: 'person.move', who: PERSON, room: ROOM });
    submit({ type: 'session.start', sessionId: SESSION, room: ROOM, personId: PERSON, kind: 'interrogation', officers: ['E001', 'E003'] });
    const segments: SegmentEvent[] = [];
    while (segments.length < o.segments) segments.push(await nextEvent(host.station, isSegment, 20_000, `segment ${segments.length + 1}`));
    submit({ type: 'session.end', sessionId: SESSION });
    // The segment open at the end holds the session's last seconds.
    segments.push(await nextEvent(host.station, isSegment, 20_000, 'the segment holding the end'));
    return { host, dataDir, camera, segments, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
