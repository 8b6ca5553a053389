// How ffmpeg gets checked segments on each platform the station runs on: on Linux the open file
// that was checked, on Windows the checked bytes through a pipe. Both ways run here (the platform is
// handed in), on real segments and the real ffmpeg, with the same promise: bytes that differ from a
// segment's recorded SHA-256 are never served nor exported, even when the file is changed, or
// another file put under its name, after the station checked it and before ffmpeg reads it. That
// moment is made certain by starting ffmpeg through a script that changes the file first.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeMarker, type PlaybackMarker } from '../../common/playbackMarkers.js';
import { writeEvidenceMp4 } from '../../hardware/camera/evidenceMp4.js';
import { openPlayback, type RecordedSegment } from '../../hardware/camera/playbackStream.js';
import { segmentFeed } from '../../hardware/camera/segmentFeed.js';

const SEGMENT_MS = 4000;
const BASE = 1_700_000_000_000;

let dir = '';
let made = '';
let shortClip = '';
let runs = 0;

const sha256Hex = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'segment-feed-'));
  made = join(dir, 'made');
  mkdirSync(made);
  // As the recorder writes them: the segment muxer, Matroska, H.264 with a keyframe every 2 s, G.711.
  const source = ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25', '-f', 'lavfi', '-i', 'sine=f=440:sample_rate=8000'];
  const coded = ['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '50', '-c:a', 'pcm_mulaw'];
  execFileSync('ffmpeg', [
    ...source, '-t', '12', ...coded, '-f', 'segment', '-segment_time', '4', '-reset_timestamps', '1', '-segment_format', 'matroska',
    '-segment_format_options', 'cluster_time_limit=500:flush_packets=1', join(made, 'CAM-1-%06d.mkv'),
  ]);
  // Another recording, one second long: what an attacker might put under a checked segment's name.
  shortClip = join(dir, 'short.mkv');
  execFileSync('ffmpeg', [...source, '-t', '1', ...coded, '-f', 'matroska', shortClip]);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A fresh copy of the three segments, as the record has them. */
function segments(): RecordedSegment[] {
  const here = join(dir, `run-${++runs}`);
  mkdirSync(here);
  return [0, 1, 2].map((i) => {
    const name = `CAM-1-${String(i).padStart(6, '0')}.mkv`;
    const path = join(here, name);
    copyFileSync(join(made, name), path);
    return { seq: i + 1, path, sha256: sha256Hex(readFileSync(path)), startedAt: BASE + i * SEGMENT_MS, endedAt: BASE + (i + 1) * SEGMENT_MS };
  });
}

/** A fresh copy of the segments, and the first of them (the one each attack changes). */
function freshSegments(): { segs: RecordedSegment[]; first: RecordedSegment } {
  const segs = segments();
  const first = segs[0];
  if (!first) throw new Error('no segment');
  return { segs, first };
}

/** ffmpeg started through a script that first does `action` (once: the first time it is started). */
function ffmpegAfter(action: string): string {
  const script = join(dir, `ffmpeg-${++runs}.sh`);
  const done = `${script}.done`;
  writeFileSync(script, `#!/bin/sh\nif [ ! -e '${done}' ]; then : > '${done}'; ${action}; fi\nexec ffmpeg "$@"\n`);
  chmodSync(script, 0o755);
  return script;
}

/** Overwrites 16 bytes in the middle of a file, in place (same file, same size). */
const changeInPlace = (path: string): string => `printf 'XXXXXXXXXXXXXXXX' | dd of='${path}' bs=1 seek=${Math.floor(statSync(path).size / 2)} conv=notrunc 2>/dev/null`;
/** Puts another recording under the file's name. */
const swapName = (path: string): string => `cp '${shortClip}' '${path}.new' && mv '${path}.new' '${path}'`;

interface Played { readonly bytes: Buffer; readonly markers: PlaybackMarker[]; readonly videoStarts: number[]; readonly outcomes: string[] }

/** Plays to the end and takes the stream apart: its markers and each fragment's start (s, by its tfdt). */
async function play(segs: readonly RecordedSegment[], platform: NodeJS.Platform, at: number, ffmpegPath?: string): Promise<Played> {
  const outcomes: string[] = [];
  const played = await openPlayback({ segments: segs, at, origin: BASE, platform, ffmpegPath, checked: (seq, outcome) => outcomes.push(`${seq}:${outcome}`) });
  const chunks: Buffer[] = [];
  for await (const chunk of played.body) chunks.push(Buffer.from(chunk));
  const bytes = Buffer.concat(chunks);
  const markers: PlaybackMarker[] = [];
  const videoStarts: number[] = [];
  for (let p = 0; p + 8 <= bytes.length;) {
    const size = bytes.readUInt32BE(p);
    if (size < 8) break;
    const box = bytes.subarray(p, p + size);
    const type = box.toString('latin1', 4, 8);
    if (type === 'free') {
      const m = decodeMarker(box.subarray(8));
      if (m) markers.push(m);
    }
    if (type === 'moof') {
      const i = box.indexOf('tfdt');
      videoStarts.push(Number(box.readBigUInt64BE(i + 8)) / 90_000);
    }
    p += size;
  }
  return { bytes, markers, videoStarts, outcomes };
}

const kinds = (p: Played): string[] => p.markers.map((m) => (m.kind === 'refused' ? `refused:${m.seq}:${m.reason}` : m.kind === 'segment' ? `segment:${m.seq}` : m.kind));

function durationOf(file: string): number {
  return Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file], { encoding: 'utf8' }).trim());
}

describe('the way ffmpeg gets a segment', () => {
  it('is the open file on Linux and a pipe of the checked bytes elsewhere', () => {
    expect(segmentFeed('linux')).toBe('open-file');
    expect(segmentFeed('win32')).toBe('pipe');
    expect(segmentFeed('darwin')).toBe('pipe');
  });
});

describe.each(['linux', 'win32'] as const)('on %s', (platform) => {
  describe('playback', () => {
    it('plays across the segments, and a seek starts at the keyframe before the seek point', async () => {
      const segs = segments();
      const all = await play(segs, platform, BASE);
      expect(kinds(all)).toEqual(['segment:1', 'segment:2', 'segment:3', 'end']);
      expect(all.outcomes).toEqual(['1:played', '2:played', '3:played']);
      // 2.5 s into the second segment: its keyframe at 2 s, 6 s on the stream; nothing before it.
      const sought = await play(segs, platform, BASE + SEGMENT_MS + 2500);
      expect(kinds(sought)).toEqual(['segment:2', 'segment:3', 'end']);
      // (Remuxed from the segment's start, as through a pipe, ffmpeg puts that keyframe 32 ms late.)
      expect(sought.videoStarts[0]).toBeCloseTo(6, 1);
      expect(sought.videoStarts.every((t) => t >= 6 - 0.001)).toBe(true);
    });

    it('refuses a segment changed before its check, naming what it hashes to now', async () => {
      const { segs, first } = freshSegments();
      execFileSync('sh', ['-c', changeInPlace(first.path)]);
      const played = await play(segs, platform, BASE);
      expect(kinds(played)).toEqual(['refused:1:changed', 'segment:2', 'segment:3', 'end']);
      const refused = played.markers[0];
      expect(refused?.kind === 'refused' ? refused.found : null).toBe(sha256Hex(readFileSync(first.path)));
    });

    it('never serves bytes written to a segment after its check', async () => {
      const clean = await play(segments(), platform, BASE);
      const { segs, first } = freshSegments();
      const played = await play(segs, platform, BASE, ffmpegAfter(changeInPlace(first.path)));
      expect(sha256Hex(readFileSync(first.path))).not.toBe(first.sha256);
      if (platform === 'linux') {
        // ffmpeg reads the file itself: what it made of the written file is refused, none of it sent.
        expect(kinds(played)).toEqual(['refused:1:changed', 'segment:2', 'segment:3', 'end']);
        expect(played.outcomes[0]).toBe('1:changed');
        expect(played.videoStarts[0]).toBeCloseTo(4, 2);
      } else {
        // ffmpeg reads the bytes that were checked, from memory: the stream is the untouched one.
        expect(kinds(played)).toEqual(['segment:1', 'segment:2', 'segment:3', 'end']);
        expect(played.bytes.equals(clean.bytes)).toBe(true);
      }
    });

    it('never serves another file put under a segment’s name after its check', async () => {
      const clean = await play(segments(), platform, BASE);
      const { segs, first } = freshSegments();
      const played = await play(segs, platform, BASE, ffmpegAfter(swapName(first.path)));
      expect(readFileSync(first.path).equals(readFileSync(shortClip))).toBe(true);
      if (platform === 'linux') {
        // ffmpeg reads the checked file, whose name was taken: that moved its ctime (its link count
        // changed), which cannot be told from a write, so the segment is refused as changed.
        expect(kinds(played)).toEqual(['refused:1:changed', 'segment:2', 'segment:3', 'end']);
        expect(played.videoStarts[0]).toBeCloseTo(4, 2);
      } else {
        // The checked bytes were in memory before the name was taken: the stream is the untouched one.
        expect(kinds(played)).toEqual(['segment:1', 'segment:2', 'segment:3', 'end']);
        expect(played.bytes.equals(clean.bytes)).toBe(true);
      }
    });
  });

  describe('evidence export', () => {
    it('writes the segments into one MP4', async () => {
      const segs = segments();
      const out = join(dir, `export-${++runs}.mp4`);
      expect(await writeEvidenceMp4(segs, out, { platform })).toEqual([]);
      expect(durationOf(out)).toBeCloseTo(12, 0);
    });

    it('leaves out a segment written to after its check, also once it was exported unchanged before', async () => {
      const segs = segments();
      const second = segs[1];
      if (!second) throw new Error('no segment');
      // A first export: on Linux its verdict on each file is kept, so the second one does not hash again.
      expect(await writeEvidenceMp4(segs, join(dir, `export-${++runs}.mp4`), { platform })).toEqual([]);
      const out = join(dir, `export-${++runs}.mp4`);
      const changed = await writeEvidenceMp4(segs, out, { ffmpegPath: ffmpegAfter(changeInPlace(second.path)), platform });
      expect(changed.map((c) => c.seq)).toEqual([2]);
      expect(changed[0]?.found).not.toBe(second.sha256);
      expect(existsSync(out)).toBe(false);
      // Written again without it (as the export does), the file holds the two others.
      const again = join(dir, `export-${++runs}.mp4`);
      expect(await writeEvidenceMp4(segs.filter((s) => s.seq !== 2), again, { platform })).toEqual([]);
      expect(durationOf(again)).toBeCloseTo(8, 0);
    });

    it('never exports another file put under a segment’s name after its check', async () => {
      const segs = segments();
      const second = segs[1];
      if (!second) throw new Error('no segment');
      const out = join(dir, `export-${++runs}.mp4`);
      const changed = await writeEvidenceMp4(segs, out, { ffmpegPath: ffmpegAfter(swapName(second.path)), platform });
      expect(readFileSync(second.path).equals(readFileSync(shortClip))).toBe(true);
      if (platform === 'linux') {
        // The checked file lost its name meanwhile (its ctime moved): left out, as a written one.
        expect(changed).toEqual([{ seq: 2, ok: false, found: null }]);
        expect(existsSync(out)).toBe(false);
      } else {
        // The station fed the file it had opened: all of it, as checked. The one-second recording
        // now under the name would have made it 9 s.
        expect(changed).toEqual([]);
        expect(durationOf(out)).toBeCloseTo(12, 0);
      }
    });
  });
});

/** Video frames in a file, by its packets. */
function videoFrames(file: string): number {
  return Number(execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v', '-count_packets', '-show_entries', 'stream=nb_read_packets', '-of', 'csv=p=0', file], { encoding: 'utf8' }).trim());
}

describe('on win32, an export of more segments than one ffmpeg takes pipes for', () => {
  it.each([1, 2])('is written in parts of %i, every frame kept', async (pipesPerRun) => {
    const segs = segments();
    const whole = join(dir, `export-${++runs}.mp4`);
    expect(await writeEvidenceMp4(segs, whole, { platform: 'win32' })).toEqual([]);
    const inParts = join(dir, `export-${++runs}.mp4`);
    expect(await writeEvidenceMp4(segs, inParts, { platform: 'win32', pipesPerRun })).toEqual([]);
    expect(durationOf(inParts)).toBeCloseTo(12, 0);
    expect(videoFrames(inParts)).toBe(videoFrames(whole));
  });

  it('leaves out a segment written to after its check, and never takes another file put under a name', async () => {
    const segs = segments();
    const [, second, third] = segs;
    if (!second || !third) throw new Error('no segment');
    const out = join(dir, `export-${++runs}.mp4`);
    const action = `${changeInPlace(second.path)}; ${swapName(third.path)}`;
    const changed = await writeEvidenceMp4(segs, out, { ffmpegPath: ffmpegAfter(action), platform: 'win32', pipesPerRun: 2 });
    expect(changed.map((c) => c.seq)).toEqual([2]);
    expect(existsSync(out)).toBe(false);
  });
});
