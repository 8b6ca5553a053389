// 试录像 against the real RTSP server through the relay: a camera with sound passes (picture and
// recording with video and audio), and each failure is named — no audio track, a wrong password,
// nothing listening.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCamera } from '../../hardware/camera/cameraTest.js';
import { RtspRelay, type RelayTarget } from '../../hardware/camera/rtspRelay.js';
import { RtspTestServer } from '../support/rtspServer.js';

const PASS = 'k3#Lm9';
let camera: RtspTestServer;
let relay: RtspRelay;

beforeAll(async () => {
  [camera, relay] = await Promise.all([RtspTestServer.start(0, { user: 'admin', pass: PASS, method: 'digest' }), RtspRelay.start()]);
}, 30_000);
afterAll(async () => {
  await Promise.all([camera.stop(), relay.close()]);
});

function run(target: RelayTarget, seconds = 3) {
  const route = relay.open(target);
  return testCamera({ url: route.url, relayState: route.state, ffmpegPath: 'ffmpeg', ffprobePath: 'ffprobe', seconds }).finally(() => route.close());
}

describe('camera test', () => {
  it('passes a camera with picture and sound', async () => {
    const r = await run({ url: camera.url('cam'), user: 'admin', pass: PASS });
    expect(r).toMatchObject({ ok: true, failure: null, recording: { video: true, audio: true, videoCodec: 'h264', audioCodec: 'pcm_mulaw' } });
    expect(r.snapshot?.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(r.recording?.durationMs).toBeGreaterThanOrEqual(2000);
  }, 60_000);

  it('says a stream has no sound', async () => {
    const r = await run({ url: camera.url('noaudio'), user: 'admin', pass: PASS });
    expect(r).toMatchObject({ ok: false, failure: 'no_audio', recording: { video: true, audio: false } });
    expect(r.snapshot).not.toBeNull();
  }, 60_000);

  it('says the camera refuses the password', async () => {
    const r = await run({ url: camera.url('cam'), user: 'admin', pass: 'nope' });
    expect(r).toMatchObject({ ok: false, failure: 'auth', snapshot: null, recording: null });
    expect(r.detail).not.toContain('nope');
  }, 60_000);

  it('says nothing answers at the address', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const addr = s.address();
        s.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 1));
      });
    });
    const r = await run({ url: `rtsp://127.0.0.1:${port}/cam`, user: 'admin', pass: PASS });
    expect(r).toMatchObject({ ok: false, failure: 'unreachable' });
    expect(r.detail).toMatch(/ECONNREFUSED/);
  }, 60_000);
});
