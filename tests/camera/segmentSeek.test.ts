// Seeking inside a recorded segment and checking it: the keyframes its Cues list, playback that
// starts at the keyframe before the seek point, and the verdict kept for an unchanged file only.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyframeTimes } from '../../hardware/camera/mkvCues.js';
import { openPlayback } from '../../hardware/camera/playbackStream.js';
import { openChecked } from '../../hardware/camera/segmentVerdict.js';
import { decodeMarker } from '../../common/playbackMarkers.js';

/** The top-level MP4 boxes of a whole stream, as type and bytes. */
function boxesOf(all: Buffer): { type: string; bytes: Buffer }[] {
  const out: { type: string; bytes: Buffer }[] = [];
  for (let at = 0; at + 8 <= all.length;) {
    const size = all.readUInt32BE(at);
    if (size < 8) break;
    out.push({ type: all.toString('latin1', at + 4, at + 8), bytes: all.subarray(at, at + size) });
    at += size;
  }
  return out;
}

const sha256Hex = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

let dir = '';
let segment = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'segment-seek-'));
  // As the recorder writes them: the segment muxer, Matroska, H.264 with a keyframe every 2 s, G.711.
  execFileSync('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25', '-f', 'lavfi', '-i', 'sine=f=440:sample_rate=8000',
    '-t', '10', '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '50', '-c:a', 'pcm_mulaw',
    '-f', 'segment', '-segment_time', '20', '-reset_timestamps', '1', '-segment_format', 'matroska',
    '-segment_format_options', 'cluster_time_limit=500:flush_packets=1', join(dir, 'CAM-1-%06d.mkv'),
  ]);
  segment = join(dir, 'CAM-1-000000.mkv');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('a segment’s keyframes', () => {
  it('come from its Cues', async () => {
    const h = await open(segment, 'r');
    try {
      expect(await keyframeTimes(h)).toEqual([0, 2, 4, 6, 8]);
    } finally {
      await h.close();
    }
  });

  it('are none for a file that is not Matroska', async () => {
    const other = join(dir, 'other.bin');
    writeFileSync(other, Buffer.alloc(5000, 7));
    const h = await open(other, 'r');
    try {
      expect(await keyframeTimes(h)).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

describe('playback from inside a segment', () => {
  it('starts at the keyframe before the seek point, on the segment’s own time line', async () => {
    const sha256 = sha256Hex(readFileSync(segment));
    const at = 1_000_000 + 5_300;
    const played = await openPlayback({ segments: [{ seq: 1, path: segment, sha256, startedAt: 1_000_000, endedAt: 1_010_000 }], at, origin: 1_000_000 });
    expect(played.mime).toMatch(/^video\/mp4; codecs="avc1\./);
    const chunks: Buffer[] = [];
    for await (const chunk of played.body) chunks.push(Buffer.from(chunk));
    const tfdts: number[] = [];
    const markers: string[] = [];
    for (const box of boxesOf(Buffer.concat(chunks))) {
      if (box.type === 'free') markers.push(decodeMarker(box.bytes.subarray(8))?.kind ?? '?');
      if (box.type === 'moof') {
        // The first traf's tfdt (version 1: 64 bits) in the video's 90 kHz time scale.
        const i = box.bytes.indexOf('tfdt');
        tfdts.push(Number(box.bytes.readBigUInt64BE(i + 8)) / 90_000);
      }
    }
    expect(markers).toEqual(['segment', 'end']);
    // The fragment holding 5.3 s starts at the keyframe at 4 s; nothing earlier was sent.
    expect(tfdts[0]).toBeCloseTo(4, 2);
    expect(tfdts.length).toBe(3);
  });
});

describe('the check of a segment', () => {
  it('is kept while the file is unchanged, and a write makes it look again', async () => {
    const copy = join(dir, 'copy.mkv');
    writeFileSync(copy, readFileSync(segment));
    const sha256 = sha256Hex(readFileSync(copy));
    const first = await openChecked(copy, sha256);
    expect(first.ok).toBe(true);
    if (first.ok) await first.file.handle.close();
    const again = await openChecked(copy, sha256);
    expect(again.ok).toBe(true);
    if (again.ok) await again.file.handle.close();
    appendFileSync(copy, Buffer.from([0]));
    const changed = await openChecked(copy, sha256);
    expect(changed).toMatchObject({ ok: false, reason: 'changed' });
    expect(changed.ok ? null : changed.found).not.toBe(sha256);
    // Back to the same size and the same bytes: the verdict is taken again, not remembered.
    writeFileSync(copy, Buffer.concat([readFileSync(segment).subarray(0, 100), Buffer.from('x'), readFileSync(segment).subarray(101)]));
    expect(await openChecked(copy, sha256)).toMatchObject({ ok: false, reason: 'changed' });
    expect(await openChecked(join(dir, 'gone.mkv'), sha256)).toEqual({ ok: false, reason: 'missing', found: null });
  });
});
