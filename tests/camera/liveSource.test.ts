// Which stream a live view shows, and what a browser cannot play: the camera's smallest usable
// H.264 sub-stream (never an H.265 one, never a thumbnail, never the recorded stream again), and
// H.265 — read from a real fragmented MP4 made by ffmpeg — named as what needs an H.264 sub-stream.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ProbedProfile } from '../../hardware/camera/control.js';
import { pickSubStream } from '../../hardware/camera/liveSource.js';
import { mimeOf, Mp4Splitter, unplayableVideo, type TrackInfo } from '../../hardware/camera/mp4Boxes.js';

const run = promisify(execFile);

function profile(token: string, encoding: string | null, width: number | null, height: number | null, streamUri: string | null): ProbedProfile {
  return { token, name: token, video: { encoding, width, height, fps: 25, bitrateKbps: 1024 }, audio: null, ptz: false, streamUri, snapshotUri: null };
}

/** The tracks of a short fragmented MP4 that ffmpeg encodes with `codec`. */
async function tracksOf(codec: 'libx264' | 'libx265'): Promise<readonly TrackInfo[]> {
  const { stdout } = await run('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=192x128:rate=5', '-t', '0.4',
    '-c:v', codec, '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-f', 'mp4', '-movflags', 'empty_moov+default_base_moof+frag_keyframe', 'pipe:1',
  ], { encoding: 'buffer', maxBuffer: 16 * 1024 * 1024, timeout: 30_000 });
  const splitter = new Mp4Splitter();
  splitter.push(stdout);
  const tracks = splitter.trackInfo;
  if (!tracks) throw new Error('no init segment');
  return tracks;
}

describe('the live view\'s stream', () => {
  const recorded = 'rtsp://admin:secret@10.0.0.5:554/Streaming/Channels/101';

  it('takes the smallest H.264 sub-stream fit to watch by, else none', () => {
    const profiles = [
      profile('main', 'H264', 1920, 1080, 'rtsp://10.0.0.5:554/Streaming/Channels/101'),
      profile('h265-sub', 'H265', 640, 360, 'rtsp://10.0.0.5:554/Streaming/Channels/103'),
      profile('thumb', 'H264', 176, 144, 'rtsp://10.0.0.5:554/Streaming/Channels/104'),
      profile('sub', 'H264', 704, 576, 'rtsp://10.0.0.5:554/Streaming/Channels/102'),
      profile('sub-hd', 'H264', 1280, 720, 'rtsp://10.0.0.5:554/Streaming/Channels/105'),
      profile('no-uri', 'H264', 640, 480, null),
    ];
    expect(pickSubStream(profiles, recorded)).toBe('rtsp://10.0.0.5:554/Streaming/Channels/102');
    // The recorded stream (whatever credentials its address carries) is not a sub-stream of itself.
    expect(pickSubStream(profiles.slice(0, 3), recorded)).toBeNull();
    expect(pickSubStream([], recorded)).toBeNull();
  });

  it('plays H.264 and names H.265 as what a browser cannot play', async () => {
    const h264 = await tracksOf('libx264');
    expect(unplayableVideo(h264)).toBeNull();
    expect(mimeOf(h264)).toMatch(/^video\/mp4; codecs="avc1\.[0-9a-f]{6}"$/);
    const h265 = await tracksOf('libx265');
    expect(unplayableVideo(h265)).toBe('H.265');
  });
});
