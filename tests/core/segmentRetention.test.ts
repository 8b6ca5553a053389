// What retention may delete, as the record says: never a file that recorded a person or was
// exported as evidence, never a file the record does not know yet; an unlinked segment may go,
// and its row says when.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SegmentStore } from '../../main/core/store/segments.js';
import { T0, testStation, type TestStation } from '../helpers/station.js';

let s: TestStation;
beforeEach(() => {
  s = testStation();
  s.ok(1, { type: 'person.enter', person: { id: 'P1', name: '张某', gender: 'male', birthDate: '1990-05-01', role: 'witness' } });
  s.ok(2, { type: 'person.move', who: 'P1', room: 'INT1' });
});
afterEach(() => s.close());

const segment = (path: string, startedAt: number, endedAt: number) => ({
  type: 'recording.segment', camera: 'CAM-INT1', path, startedAt, endedAt, durationMs: endedAt - startedAt,
  bytes: 1000, sha256: 'b'.repeat(64), video: true, audio: true, videoCodec: 'h264', audioCodec: 'pcm_mulaw',
});

describe('segment retention', () => {
  it('keeps what recorded a person and what the record does not know, lets the rest go', () => {
    s.ok(100, segment('/rec/CAM-INT1/with-person.mkv', T0 + 10_000, T0 + 70_000));
    s.ok(101, { type: 'person.move', who: 'P1', room: 'W1' });
    s.ok(300, segment('/rec/CAM-INT1/empty-room.mkv', T0 + 200_000, T0 + 260_000));
    const store = new SegmentStore(s.station.db);
    expect(store.mustKeep('/rec/CAM-INT1/with-person.mkv')).toBe(true);
    expect(store.mustKeep('/rec/CAM-INT1/not-yet-checked.mkv')).toBe(true);
    expect(store.mustKeep('/rec/CAM-INT1/empty-room.mkv')).toBe(false);
    store.markDeleted('/rec/CAM-INT1/empty-room.mkv', T0 + 999);
    expect(s.station.db.prepare('SELECT path, deleted_at FROM segments ORDER BY seq').all()).toEqual([
      { path: '/rec/CAM-INT1/with-person.mkv', deleted_at: null },
      { path: '/rec/CAM-INT1/empty-room.mkv', deleted_at: T0 + 999 },
    ]);
  });

  it('keeps a segment exported as evidence, whoever it recorded', () => {
    s.ok(10, { type: 'session.start', sessionId: 'S1', room: 'INT1', personId: 'P1', kind: 'inquiry', officers: ['O1', 'O2'] });
    s.ok(20, { type: 'session.end', sessionId: 'S1' });
    s.ok(21, { type: 'person.move', who: 'P1', room: 'W1' });
    const recorded = s.ok(300, segment('/rec/CAM-INT1/exported.mkv', T0 + 200_000, T0 + 260_000));
    const store = new SegmentStore(s.station.db);
    expect(store.mustKeep('/rec/CAM-INT1/exported.mkv')).toBe(false);
    const seq = recorded.events.find((e) => e.type === 'recording.segment')?.seq ?? 0;
    s.ok(400, {
      type: 'evidence.export', exportId: 'EX1', sessionId: 'S1', files: [{ name: 'camera-CAM-INT1.mp4', bytes: 10, sha256: 'c'.repeat(64) }],
      segments: [seq], manifestSha256: 'd'.repeat(64), headSeq: seq, headHash: 'e'.repeat(64), via: 'cli', osUser: 'station',
    });
    expect(store.mustKeep('/rec/CAM-INT1/exported.mkv')).toBe(true);
  });
});
