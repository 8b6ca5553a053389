// Camera layer figures, measured against the real RTSP test server (GStreamer, H.264 + G.711):
// how fast the watchdog notices a frozen and a killed camera, how fast recording resumes, and
// how fast a closed segment is checked and hashed.
//   npx tsx bench/camera.ts   prints the JSON
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hashFile } from '../hardware/camera/hash.js';
import { CameraRecorder, detectionBoundMs } from '../hardware/camera/recorder.js';
import { checkSegment } from '../hardware/camera/segmentCheck.js';
import { RecordingLog } from '../tests/support/recorderEvents.js';
import { RtspTestServer } from '../tests/support/rtspServer.js';

const SEGMENT_SECONDS = 2;
const CYCLES = 3;
const WAIT_MS = 30_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const max = (xs: number[]) => Math.max(...xs);

async function detectionTimes(root: string): Promise<Record<string, number>> {
  const server = await RtspTestServer.start();
  const log = new RecordingLog();
  const rec = new CameraRecorder({ camera: 'bench', rtspUrl: server.url(), outDir: join(root, 'rec'), segmentSeconds: SEGMENT_SECONDS }, log);
  const t: Record<string, number[]> = { freeze: [], freezeOffline: [], resume: [], kill: [], killOffline: [], restart: [] };
  try {
    let next = log.nextStatus((s) => s.recording, WAIT_MS, 'recording');
    const started = Date.now();
    rec.start();
    const firstMs = (await next).at - started;
    for (let i = 0; i < CYCLES; i++) {
      const stopped = log.nextStatus((s) => !s.recording, WAIT_MS, 'recording:false after SIGSTOP');
      const offline = log.nextStatus((s) => !s.online, WAIT_MS, 'online:false after SIGSTOP');
      const frozenAt = Date.now();
      server.freeze();
      t.freeze!.push((await stopped).at - frozenAt);
      t.freezeOffline!.push((await offline).at - frozenAt);

      next = log.nextStatus((s) => s.recording, WAIT_MS, 'recording after SIGCONT');
      const resumedAt = Date.now();
      server.resume();
      t.resume!.push((await next).at - resumedAt);

      const killed = log.nextStatus((s) => !s.recording, WAIT_MS, 'recording:false after SIGKILL');
      const gone = log.nextStatus((s) => !s.online, WAIT_MS, 'online:false after SIGKILL');
      const killedAt = Date.now();
      await server.kill();
      t.kill!.push((await killed).at - killedAt);
      t.killOffline!.push((await gone).at - killedAt);

      next = log.nextStatus((s) => s.recording, WAIT_MS, 'recording after restart');
      await server.restart();
      const servingAt = Date.now();
      t.restart!.push((await next).at - servingAt);
    }
    await rec.stop();
    const segments = log.segments.filter((s) => s.video && s.audio);
    return {
      camera_segment_seconds: SEGMENT_SECONDS,
      camera_detection_bound_ms: detectionBoundMs(SEGMENT_SECONDS),
      camera_first_recording_ms: firstMs,
      camera_detect_freeze_ms: median(t.freeze!),
      camera_detect_freeze_max_ms: max(t.freeze!),
      camera_detect_freeze_offline_ms: median(t.freezeOffline!),
      camera_recover_resume_ms: median(t.resume!),
      camera_detect_kill_ms: median(t.kill!),
      camera_detect_kill_max_ms: max(t.kill!),
      camera_detect_kill_offline_ms: median(t.killOffline!),
      camera_recover_restart_ms: median(t.restart!),
      camera_recover_restart_max_ms: max(t.restart!),
      camera_cycles: CYCLES,
      camera_segments_valid: segments.length,
      camera_segments_total: log.segments.length,
    };
  } finally {
    await rec.stop();
    await server.stop();
  }
}

/** Check (ffprobe, packets counted) and SHA-256 of a segment sized like a real camera's: 720p, 4 Mbit/s, 30 s, G.711. */
async function throughput(root: string): Promise<Record<string, number>> {
  const file = join(root, 'big-0000000000000-000000.mkv');
  execFileSync('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=25:duration=30',
    '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=8000:duration=30',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '4M', '-g', '50', '-c:a', 'pcm_mulaw', '-shortest', file,
  ]);
  const bytes = statSync(file).size;
  const runs: { check: number; hash: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const a = performance.now();
    const c = await checkSegment('ffprobe', file, { segmentSeconds: 30, listedDurationMs: 30_000 });
    const b = performance.now();
    await hashFile(file);
    const e = performance.now();
    if (!c.ok) throw new Error(`bench segment failed its check: ${c.problem}`);
    runs.push({ check: b - a, hash: e - b });
  }
  const mb = bytes / 1e6;
  const check = median(runs.map((r) => r.check));
  const hash = median(runs.map((r) => r.hash));
  return {
    camera_bench_segment_mb: Math.round(mb * 10) / 10,
    camera_check_ms: Math.round(check),
    camera_hash_mb_per_s: Math.round(mb / (hash / 1000)),
    camera_check_hash_mb_per_s: Math.round(mb / ((check + hash) / 1000)),
  };
}

export async function benchCamera(): Promise<Record<string, number>> {
  const root = mkdtempSync(join(tmpdir(), 'camera-bench-'));
  try {
    return { ...await detectionTimes(root), ...await throughput(root) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchCamera().then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`), (err: unknown) => {
    process.stderr.write(`bench camera: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
