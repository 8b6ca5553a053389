// The time scale of playback, as the record has it: recorded stretches, and every gap with why —
// the camera said it was not recording, the record has no segment, retention deleted one, its
// file is gone — and a segment whose file no longer has its recorded size marked changed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecordingStore } from '../../main/core/store/recordings.js';
import { SegmentStore } from '../../main/core/store/segments.js';
import { cameraPlan } from '../../main/media/recordingPlan.js';
import { T0, testStation, type TestStation } from '../helpers/station.js';

let s: TestStation;
let dir: string;
beforeEach(() => {
  s = testStation();
  dir = mkdtempSync(join(tmpdir(), 'plan-'));
});
afterEach(() => {
  s.close();
  rmSync(dir, { recursive: true, force: true });
});

const BYTES = 64;
/** A segment of its own recorder run (so that only its times decide what follows it), written to disk unless `onDisk` is false. */
function segment(name: string, from: number, to: number, onDisk = true): Record<string, unknown> {
  const path = join(dir, `${name}.mkv`);
  if (onDisk) writeFileSync(path, Buffer.alloc(BYTES));
  return {
    type: 'recording.segment', camera: 'CAM-INT1', path, startedAt: T0 + from * 1000, endedAt: T0 + to * 1000, durationMs: (to - from) * 1000,
    bytes: BYTES, sha256: 'a'.repeat(64), video: true, audio: true, videoCodec: 'h264', audioCodec: 'pcm_mulaw',
  };
}
const status = (recording: boolean): Record<string, unknown> => ({ type: 'camera.status', camera: 'CAM-INT1', online: true, recording });
const sec = (n: number): number => T0 + n * 1000;

describe('the recording plan of a camera', () => {
  it('shows every gap with its reason, and a resized file as changed', () => {
    s.ok(1, status(true));
    s.ok(61, segment('a', 1, 61));
    s.ok(62, status(false));
    // 61–100: the camera said it was not recording.
    s.ok(100, status(true));
    s.ok(160, segment('b', 100, 160));
    // 160–200: no report, no segment: missing.
    s.ok(260, segment('c', 200, 260));
    s.ok(320, segment('d', 260, 320, false));
    s.ok(380, segment('e', 320, 380));
    s.ok(440, segment('f', 380, 440));
    new SegmentStore(s.station.db).markDeleted(join(dir, 'c.mkv'), sec(500));
    writeFileSync(join(dir, 'f.mkv'), Buffer.alloc(BYTES + 1));

    const plan = cameraPlan(new RecordingStore(s.station.db), 'CAM-INT1', sec(0), sec(440), { now: sec(10_000), segmentMs: 60_000 });
    expect(plan.segments).toBe(6);
    expect(plan.pieces.map((p) => [p.kind, 'reason' in p ? p.reason : null, (p.from - T0) / 1000, (p.to - T0) / 1000])).toEqual([
      // Less than the recorder's start-up before the first segment is no gap.
      ['recorded', null, 0, 61],
      ['gap', 'not_recording', 61, 100],
      ['recorded', null, 100, 160],
      ['gap', 'missing', 160, 200],
      ['gap', 'deleted', 200, 260],
      ['gap', 'file_missing', 260, 320],
      ['recorded', null, 320, 380],
      ['changed', null, 380, 440],
    ]);
  });

  it('shows the end still being recorded as pending, and a camera gone silent as a gap', () => {
    s.ok(1, status(true));
    s.ok(61, segment('a', 1, 61));
    const store = new RecordingStore(s.station.db);
    const recordingNow = cameraPlan(store, 'CAM-INT1', sec(1), sec(90), { now: sec(90), segmentMs: 60_000 });
    expect(recordingNow.pieces.map((p) => p.kind)).toEqual(['recorded', 'pending']);
    const longAfter = cameraPlan(store, 'CAM-INT1', sec(1), sec(90), { now: sec(10_000), segmentMs: 60_000 });
    expect(longAfter.pieces.at(-1)).toMatchObject({ kind: 'gap', reason: 'missing' });
  });
});
