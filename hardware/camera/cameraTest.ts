// 试录像: before a camera is saved, a picture and a short recording are taken from the stream
// exactly as the recorder will take it (through the relay, RTSP over TCP, stream copy into
// Matroska), and the recording is checked with ffprobe for a video and an audio track that carry
// data. What fails is named in a way the page can say plainly: the camera is not reachable, it
// refuses the password, the stream has no sound, …
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProgram } from './childProcess.js';
import { probeRtsp } from './rtspProbe.js';
import type { RelayState } from './rtspRelay.js';
import { checkSegment } from './segmentCheck.js';
import { grabFrame } from './snapshot.js';

export type CameraTestFailure =
  /** No connection to the camera's RTSP port. */
  | 'unreachable'
  /** The camera refused the user name or password. */
  | 'auth'
  /** The camera answered, but no picture came out of the stream. */
  | 'no_picture'
  /** The recording holds no video with data. */
  | 'no_video'
  /** The recording holds no audio with data (a microphone off, or a stream without audio). */
  | 'no_audio'
  /** ffmpeg could not record the stream for the whole time. */
  | 'recording_failed'
  /** ffmpeg or ffprobe is not there. */
  | 'tools_missing';

export interface TestRecording {
  readonly durationMs: number | null;
  readonly bytes: number;
  readonly video: boolean;
  readonly audio: boolean;
  readonly videoCodec: string | null;
  readonly audioCodec: string | null;
}

export interface CameraTestResult {
  readonly ok: boolean;
  readonly failure: CameraTestFailure | null;
  /** What went wrong in English (for the log and a 详情 line), without credentials. */
  readonly detail: string;
  readonly snapshot: Buffer | null;
  readonly recording: TestRecording | null;
}

export interface CameraTestOptions {
  /** The stream as the recorder is given it (a relay URL). */
  readonly url: string;
  /** What the relay learnt of the camera, to tell a wrong password from a dead stream. */
  readonly relayState: () => RelayState;
  readonly ffmpegPath: string;
  readonly ffprobePath: string;
  /** Length of the test recording (default 10 s). */
  readonly seconds?: number;
}

const fail = (failure: CameraTestFailure, detail: string, snapshot: Buffer | null = null, recording: TestRecording | null = null): CameraTestResult => (
  { ok: false, failure, detail, snapshot, recording }
);

/** The failure the relay can name (a refused password, an unreachable camera), if any. */
function relayFailure(state: RelayState): CameraTestResult | null {
  if (state.auth === 'refused') return fail('auth', 'the camera refused the user name or password');
  if (state.problem !== null) return fail('unreachable', state.problem);
  return null;
}

export async function testCamera(o: CameraTestOptions): Promise<CameraTestResult> {
  const seconds = o.seconds ?? 10;
  const reach = await probeRtsp(o.url, 5000);
  if (!reach.ok) return relayFailure(o.relayState()) ?? fail('unreachable', reach.reason);
  let snapshot: Buffer;
  try {
    snapshot = await grabFrame(o.url, { ffmpegPath: o.ffmpegPath, timeoutMs: 15_000 });
  } catch (err) {
    if ((err as Error).message.includes('cannot run ffmpeg')) return fail('tools_missing', (err as Error).message);
    return relayFailure(o.relayState()) ?? fail('no_picture', (err as Error).message);
  }
  const dir = await mkdtemp(join(tmpdir(), 'camera-test-'));
  try {
    const file = join(dir, 'test.mkv');
    const args = [
      '-hide_banner', '-nostdin', '-loglevel', 'error', '-rtsp_transport', 'tcp', '-timeout', '5000000', '-i', o.url,
      '-map', '0:v:0', '-map', '0:a:0?', '-c', 'copy', '-t', String(seconds), '-f', 'matroska', file,
    ];
    let run;
    try {
      run = await runProgram(o.ffmpegPath, args, (seconds + 20) * 1000);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return fail(code === 'ENOENT' ? 'tools_missing' : 'recording_failed', (err as Error).message, snapshot);
    }
    const size = await stat(file).then((s) => s.size, () => 0);
    if (run.code !== 0 || size === 0) {
      const why = run.stderr.trim().split('\n').pop()?.split(o.url).join('<camera>') || `ffmpeg exit ${String(run.code ?? run.signal)}`;
      return relayFailure(o.relayState()) ?? fail('recording_failed', why, snapshot);
    }
    const check = await checkSegment(o.ffprobePath, file, { segmentSeconds: seconds, listedDurationMs: null });
    const recording: TestRecording = {
      durationMs: check.durationMs, bytes: size, video: check.video, audio: check.audio, videoCodec: check.videoCodec, audioCodec: check.audioCodec,
    };
    if (check.problem.startsWith('ffprobe failed')) return fail(/ENOENT/.test(check.problem) ? 'tools_missing' : 'recording_failed', check.problem, snapshot, recording);
    if (!check.video) return fail('no_video', check.problem, snapshot, recording);
    if (!check.audio) return fail('no_audio', check.problem, snapshot, recording);
    // A stream that stalls makes a short file: the recorder would call that a failure too.
    if (check.durationMs === null || check.durationMs < (seconds - 2) * 1000) {
      return fail('recording_failed', `the recording lasted ${String(check.durationMs)} ms of ${seconds * 1000}`, snapshot, recording);
    }
    return { ok: true, failure: null, detail: '', snapshot, recording };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
