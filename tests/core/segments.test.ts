// A closed segment is linked to every person and session that occupied its room in its interval.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SUSPECT, T0, testStation, type TestStation } from '../helpers/station.js';

let s: TestStation;
beforeEach(() => {
  s = testStation();
  for (const id of ['P1', 'P2', 'P3', 'P4']) s.ok(1, SUSPECT(id, { caseNo: id }));
  for (const id of ['P1', 'P2', 'P3', 'P4']) s.ok(2, { type: 'security.check', personId: id, checkers: ['O1'] });
  s.ok(10, { type: 'person.move', who: 'P1', room: 'INT1' }); // there the whole time
  s.ok(20, { type: 'person.move', who: 'P2', room: 'INT1' });
  s.ok(70, { type: 'person.move', who: 'P2', room: 'W1' }); // leaves during the segment
  s.ok(80, { type: 'session.start', sessionId: 'S1', room: 'INT1', personId: 'P3', kind: 'interrogation', officers: ['O1', 'O2'] });
  s.ok(200, { type: 'person.move', who: 'P4', room: 'INT1' }); // comes after the segment
});
afterEach(() => s.close());

const segment = (startedAt: number, endedAt: number) => ({
  type: 'recording.segment', camera: 'CAM-INT1', path: '/rec/CAM-INT1/0001.mkv', startedAt, endedAt, durationMs: endedAt - startedAt,
  bytes: 1_000_000, sha256: 'a'.repeat(64), video: true, audio: true, videoCodec: 'h264', audioCodec: 'pcm_mulaw',
});

describe('recording segments', () => {
  it('links persons present, persons who left, and sessions in the interval', () => {
    const r = s.ok(210, segment(T0 + 60_000, T0 + 120_000));
    const seq = r.events[0]?.seq;
    const links = s.station.db.prepare('SELECT subject FROM segment_links WHERE seq = ? ORDER BY subject').all(seq);
    expect(links).toEqual([{ subject: 'person:P1' }, { subject: 'person:P2' }, { subject: 'person:P3' }, { subject: 'session:S1' }]);
    expect(s.station.db.prepare('SELECT room_id, video, audio, sha256 FROM segments').get()).toEqual({ room_id: 'INT1', video: 1, audio: 1, sha256: 'a'.repeat(64) });
  });

  it('refuses a segment of an unknown camera or with a malformed hash', () => {
    const bad = s.at(210, { ...segment(T0, T0 + 1000), camera: 'CAM-X' });
    expect(bad.ok ? '' : bad.rejection.code).toBe('UNKNOWN_CAMERA');
    const hash = s.at(210, { ...segment(T0, T0 + 1000), sha256: 'xyz' });
    expect(hash.ok ? '' : hash.rejection.field).toBe('sha256');
  });
});
