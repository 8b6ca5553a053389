// The recorder and its watchdog against a real RTSP server (GStreamer, H.264 + G.711): record,
// freeze the server, resume it, kill it, restart it on the same port; a second client watching
// while it records; a stream without audio; a camera that is not there. All in one file so the
// timing-sensitive runs do not share the two cores with each other.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CameraRecorder, detectionBoundMs } from '../../hardware/camera/recorder.js';
import { RtspRelay } from '../../hardware/camera/rtspRelay.js';
import { grabFrame } from '../../hardware/camera/snapshot.js';
import { finished, startCli } from '../support/cli.js';
import { RecordingLog, until } from '../support/recorderEvents.js';
import { RtspTestServer } from '../support/rtspServer.js';

const execFileAsync = promisify(execFile);

const SEGMENT_SECONDS = 2;
const BOUND_MS = detectionBoundMs(SEGMENT_SECONDS);
/** Time to the first verified segment: connect, one segment, a keyframe, the check. */
const FIRST_SEGMENT_MS = SEGMENT_SECONDS * 1000 + 6000;

let server: RtspTestServer;
let root: string;

beforeAll(async () => {
  server = await RtspTestServer.start();
  root = mkdtempSync(join(tmpdir(), 'camera-rec-'));
});

afterAll(async () => {
  await server.stop();
  rmSync(root, { recursive: true, force: true });
});

function recorder(name: string, rtspUrl: string): { rec: CameraRecorder; log: RecordingLog; dir: string } {
  const log = new RecordingLog();
  const dir = join(root, name);
  const rec = new CameraRecorder({ camera: name, rtspUrl, outDir: dir, segmentSeconds: SEGMENT_SECONDS }, log);
  return { rec, log, dir };
}

/** The ffmpeg run a segment belongs to: the run's start time in its file name. */
function runOf(path: string): string {
  return /-(\d{13})-\d{6}\.mkv$/.exec(path)?.[1] ?? '';
}

/**
 * Every segment but the last (closed by stop()) holds the configured length of media: the server
 * sends a keyframe a second, so ffmpeg can cut each at that length.
 */
function expectWholeSegments(log: RecordingLog): void {
  for (const s of log.segments.slice(0, -1)) expect(Math.abs(s.durationMs - SEGMENT_SECONDS * 1000)).toBeLessThan(200);
}

function sha256sum(path: string): string {
  return execFileSync('sha256sum', [path], { encoding: 'utf8' }).split(' ')[0] ?? '';
}

describe('CameraRecorder against a real RTSP server', () => {
  it('states a detection bound within the target of 2 × segment length + 5 s', () => {
    expect(BOUND_MS).toBeLessThanOrEqual(2 * SEGMENT_SECONDS * 1000 + 5000);
  });

  it('records checked and hashed H.264 + G.711 segments and stops cleanly', async () => {
    const { rec, log, dir } = recorder('room-a', server.url('cam'));
    const recording = log.nextStatus((s) => s.recording, FIRST_SEGMENT_MS + 2000, 'recording:true');
    const second = log.nextSegment(() => log.segments.length >= 2, FIRST_SEGMENT_MS + 4000, 'two segments');
    rec.start();
    const on = await recording;
    expect(on).toMatchObject({ camera: 'room-a', online: true, recording: true });
    expect(rec.current()).toMatchObject({ online: true, recording: true });
    await second;
    await rec.stop();

    expect(log.statuses.at(-1)).toMatchObject({ online: true, recording: false, reason: 'stopped' });
    const files = readdirSync(dir).filter((f) => f.endsWith('.mkv')).sort();
    // Every file on disk, including the one closed by stop(), was reported once.
    expect(log.segments.map((s) => s.path.split('/').pop()).sort()).toEqual(files);
    for (const s of log.segments) {
      expect(s).toMatchObject({ camera: 'room-a', video: true, audio: true, videoCodec: 'h264', audioCodec: 'pcm_mulaw' });
      expect(s.sha256).toBe(sha256sum(s.path));
      expect(s.bytes).toBeGreaterThan(1000);
      expect(s.endedAt - s.startedAt).toBe(s.durationMs);
    }
    expectWholeSegments(log);
    // Segments follow each other in time.
    for (let i = 1; i < log.segments.length; i++) {
      expect(log.segments[i]!.startedAt).toBeGreaterThanOrEqual(log.segments[i - 1]!.endedAt - 300);
    }
  }, 30_000);

  it('reports a frozen, a killed and a returning camera within the bound', async () => {
    const { rec, log } = recorder('room-b', server.url('cam'));
    let next = log.nextStatus((s) => s.recording, FIRST_SEGMENT_MS + 2000, 'recording:true');
    rec.start();
    await next;

    // Freeze: the server keeps its sockets but sends nothing.
    const notRecording = log.nextStatus((s) => !s.recording, BOUND_MS + 1000, 'recording:false after SIGSTOP');
    const offline = log.nextStatus((s) => !s.online, BOUND_MS + 4000, 'online:false after SIGSTOP');
    const frozenAt = Date.now();
    server.freeze();
    const frozen = await notRecording;
    expect(frozen.at - frozenAt).toBeLessThanOrEqual(BOUND_MS);
    expect(frozen.reason).toMatch(/no data/);
    await offline;

    // Resume: back to recording.
    next = log.nextStatus((s) => s.recording, 20_000, 'recording:true after SIGCONT');
    server.resume();
    await next;

    // Kill: the connection drops and the port refuses.
    const killedNotRecording = log.nextStatus((s) => !s.recording, BOUND_MS + 1000, 'recording:false after SIGKILL');
    const killedOffline = log.nextStatus((s) => !s.online && !s.recording, BOUND_MS + 3000, 'online:false after SIGKILL');
    const killedAt = Date.now();
    await server.kill();
    expect((await killedNotRecording).at - killedAt).toBeLessThanOrEqual(BOUND_MS);
    const off = await killedOffline;
    expect(off.at - killedAt).toBeLessThanOrEqual(BOUND_MS);
    expect(off.reason).toMatch(/unreachable/);
    const segmentsBeforeReturn = log.segments.length;

    // Restart on the same port: recording again, with new hashed segments.
    next = log.nextStatus((s) => s.online && s.recording, FIRST_SEGMENT_MS + 5000, 'recording:true after restart');
    const port = server.port;
    await server.restart();
    expect(server.port).toBe(port);
    await next;
    await rec.stop();

    expect(log.segments.length).toBeGreaterThan(segmentsBeforeReturn);
    for (const s of log.segments) expect(s.sha256).toBe(sha256sum(s.path));
    // Status lines only on a change of (online, recording).
    for (let i = 1; i < log.statuses.length; i++) {
      const a = log.statuses[i - 1]!;
      const b = log.statuses[i]!;
      expect(a.online !== b.online || a.recording !== b.recording).toBe(true);
    }
  }, 90_000);

  it('keeps recording, in one run and without a gap, while someone watches the same camera through the relay', async () => {
    // A supervisor's live view is a second RTSP session to the camera, next to the recorder's.
    const relay = await RtspRelay.start();
    try {
      const { rec, log } = recorder('room-v', relay.open({ url: server.url('cam') }).url);
      // A viewer who comes after the recorder has run a while: a camera that restarted the
      // stream's timestamps for a newcomer would set the recorder's back by that while.
      const fiveSegments = log.nextSegment(() => log.segments.length >= 5, FIRST_SEGMENT_MS + 12_000, 'five segments');
      rec.start();
      await fiveSegments;
      // The viewer decodes up to 6 s of the picture (by the stream's clock): three segment lengths
      // of the recorder's. (Not execFileSync: the relay and the recorder run on this process's
      // event loop.)
      const viewed = await execFileAsync('ffmpeg', ['-v', 'error', '-rtsp_transport', 'tcp', '-i', relay.open({ url: server.url('cam') }).url,
        '-t', '6', '-map', '0:v:0', '-f', 'framemd5', '-'], { encoding: 'utf8', timeout: 20_000 });
      expect(viewed.stdout.split('\n').filter((l) => /^\s*0,/.test(l)).length).toBeGreaterThan(100);
      const after = log.segments.length;
      await log.nextSegment(() => log.segments.length >= after + 2, 3 * FIRST_SEGMENT_MS, 'two segments after the viewer left');
      await rec.stop();

      // Recording from the first verdict to stop(), by one ffmpeg run, its segments end to end.
      const from = log.statuses.findIndex((st) => st.recording);
      expect(log.statuses.slice(from, -1).every((st) => st.recording)).toBe(true);
      expect(new Set(log.segments.map((sg) => runOf(sg.path))).size).toBe(1);
      // The stream's timestamps went on undisturbed: video set back by a newcomer is squeezed by
      // ffmpeg into a short segment.
      expectWholeSegments(log);
      for (let i = 1; i < log.segments.length; i++) {
        // Spans are anchored to when each close was read: they meet to within that jitter.
        expect(Math.abs(log.segments[i]!.startedAt - log.segments[i - 1]!.endedAt)).toBeLessThan(500);
      }
    } finally {
      await relay.close();
    }
  }, 80_000);

  it('never reports a stream without audio as recording', async () => {
    const { rec, log } = recorder('room-c', server.url('noaudio'));
    const videoOnly = log.nextSegment((s) => s.video && !s.audio, FIRST_SEGMENT_MS + 2000, 'a video-only segment');
    rec.start();
    const seg = await videoOnly;
    expect(seg).toMatchObject({ videoCodec: 'h264', audioCodec: null });
    // The verdict on a segment is taken before the segment is handed on.
    expect(rec.current()).toMatchObject({ online: true, recording: false });
    expect(rec.current().reason).toMatch(/no audio/);
    // ffmpeg is restarted (the camera may have its microphone back); still not recording.
    const later = log.nextSegment((s) => runOf(s.path) !== runOf(seg.path), 3 * FIRST_SEGMENT_MS, 'a segment of the next ffmpeg run');
    expect((await later).audio).toBe(false);
    await rec.stop();
    expect(log.statuses.some((s) => s.recording)).toBe(false);
  }, 40_000);

  it('says so when ffmpeg cannot be started, and still stops', async () => {
    const log = new RecordingLog();
    const rec = new CameraRecorder({ camera: 'room-f', rtspUrl: server.url('cam'), outDir: join(root, 'room-f'), segmentSeconds: SEGMENT_SECONDS, ffmpegPath: join(root, 'no-ffmpeg') }, log);
    rec.start();
    await until(() => /cannot run .*no-ffmpeg.*ENOENT/.test(rec.current().reason), 5000, 'the reason naming the missing ffmpeg');
    expect(rec.current()).toMatchObject({ online: true, recording: false });
    await rec.stop();
    expect(rec.current().reason).toBe('stopped');
    expect(log.statuses.some((s) => s.recording)).toBe(false);
  });

  it('reports a camera that is not there as offline', async () => {
    const port = await freePort();
    const { rec, log } = recorder('room-d', `rtsp://127.0.0.1:${port}/cam`);
    const offline = log.nextStatus(() => true, 5000, 'a first status');
    rec.start();
    const st = await offline;
    await rec.stop();
    expect(st).toMatchObject({ online: false, recording: false });
    expect(st.reason).toMatch(/ECONNREFUSED/);
    expect(log.segments).toEqual([]);
  });
});

describe('installer tools against the RTSP server', () => {
  it('npm run camera -- record prints a line per status change and per segment, and stops on SIGINT', async () => {
    const dir = join(root, 'cli');
    const child = startCli(['record', '--rtsp', server.url('cam'), '--out', dir, '--segment-seconds', String(SEGMENT_SECONDS), '--camera', 'room-e']);
    const done = finished(child);
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no segment line within the limit: ${out}`)), FIRST_SEGMENT_MS + 8000);
      child.stdout.on('data', (d: string) => {
        out += d;
        if (/"segment"/.test(out)) { clearTimeout(timer); resolve(); }
      });
    });
    child.kill('SIGINT');
    const r = await done;
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const statuses = lines.filter((l) => 'recording' in l);
    const segments = lines.filter((l) => 'segment' in l);
    expect(statuses.map((s) => [s.online, s.recording])).toEqual([[true, false], [true, true], [true, false]]);
    expect(statuses.at(-1)?.reason).toBe('stopped');
    // The segment open at SIGINT is closed, checked and listed too.
    expect(segments.length).toBeGreaterThanOrEqual(2);
    expect(segments.map((s) => String(s.segment)).sort()).toEqual(readdirSync(dir).map((f) => join(dir, f)).sort());
    for (const s of segments) {
      expect(s).toMatchObject({ video: true, audio: true });
      expect(s.sha256).toBe(sha256sum(String(s.segment)));
      expect(new Date(String(s.at)).toISOString()).toBe(s.at);
    }
  }, 40_000);

  it('takes a JPEG snapshot from the stream, and says why it cannot', async () => {
    const jpeg = await grabFrame(server.url('cam'), { timeoutMs: 8000 });
    const probe = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name,width,height', '-of', 'json', '-i', 'pipe:0'], { input: jpeg, encoding: 'utf8' })) as { streams: unknown[] };
    expect(probe.streams[0]).toEqual({ codec_name: 'mjpeg', width: 320, height: 240 });
    const port = await freePort();
    await expect(grabFrame(`rtsp://127.0.0.1:${port}/cam`, { timeoutMs: 5000 })).rejects.toThrow(/^snapshot of rtsp:\/\/127\.0\.0\.1:\d+\/cam: .*(refused|Connection)/i);
  }, 20_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}
