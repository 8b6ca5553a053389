// Installer tools for cameras.
//   npm run camera -- probe --onvif http://HOST[:PORT] [--user U --pass P] [--timeout-ms N]
//   npm run camera -- record --rtsp URL --out DIR [--segment-seconds N] [--camera ID]
//   npm run camera -- discover [--timeout-ms N]
//   npm run camera -- snapshot --rtsp URL --out FILE.jpg
// Output is JSON (one object, or one line per event for record); times are ISO-8601 UTC.
// Bad arguments exit 2 with a message naming the problem; a camera failure exits 1.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { discoverCameras } from '../../hardware/camera/discovery.js';
import { OnvifCameraControl } from '../../hardware/camera/onvifControl.js';
import { CameraRecorder } from '../../hardware/camera/recorder.js';
import { redactUrl } from '../../hardware/camera/rtspProbe.js';
import { grabFrame } from '../../hardware/camera/snapshot.js';
import { parseArgs, UsageError } from './args.js';

const USAGE = `usage:
  npm run camera -- probe --onvif http://HOST[:PORT] [--user U --pass P] [--timeout-ms N]
  npm run camera -- record --rtsp URL --out DIR [--segment-seconds N] [--camera ID]
  npm run camera -- discover [--timeout-ms N]
  npm run camera -- snapshot --rtsp URL --out FILE.jpg [--timeout-ms N]
`;

const iso = (ms: number) => new Date(ms).toISOString();
const print = (o: unknown) => process.stdout.write(`${JSON.stringify(o)}\n`);

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a positive number, got '${value}'`);
  return n;
}

function required(name: string, value: string | undefined): string {
  if (value === undefined || value === '') throw new UsageError(`${name} is required`);
  return value;
}

function url(name: string, value: string, protocols: string[]): string {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new UsageError(`--${name} is not a URL: '${redactUrl(value)}'`);
  }
  if (!protocols.includes(u.protocol)) throw new UsageError(`--${name} must be a ${protocols.map((p) => `${p}//`).join(' or ')} URL, got '${redactUrl(value)}'`);
  return value;
}

function noPositional(rest: string[]): void {
  if (rest.length > 0) throw new UsageError(`unexpected argument '${rest[0] ?? ''}'`);
}

async function probe(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { onvif: 'string', user: 'string', pass: 'string', 'timeout-ms': 'string' });
  noPositional(a.positional);
  const target = url('onvif', required('--onvif', a.options.onvif), ['http:', 'https:']);
  if ((a.options.user === undefined) !== (a.options.pass === undefined)) throw new UsageError('--user and --pass go together');
  const cam = new OnvifCameraControl({
    url: target, user: a.options.user, pass: a.options.pass, timeoutMs: positive('timeout-ms', a.options['timeout-ms'], 5000),
  });
  const result = await cam.probe();
  const recordingJobs = await cam.recordingJobs().catch((err: unknown) => {
    result.warnings.push(err instanceof Error ? err.message : String(err));
    return null;
  });
  print({ ...result, recordingJobs });
  return 0;
}

async function record(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { rtsp: 'string', out: 'string', 'segment-seconds': 'string', camera: 'string' });
  noPositional(a.positional);
  const rtspUrl = url('rtsp', required('--rtsp', a.options.rtsp), ['rtsp:']);
  const outDir = required('--out', a.options.out);
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) throw new UsageError(`--out is not a directory: ${outDir}`);
  const segmentSeconds = positive('segment-seconds', a.options['segment-seconds'], 10);
  const rec = new CameraRecorder({ camera: a.options.camera ?? 'camera', rtspUrl, outDir, segmentSeconds }, {
    status: (s) => print({ at: iso(s.at), online: s.online, recording: s.recording, reason: s.reason }),
    segment: (s) => print({
      at: iso(s.endedAt), segment: s.path, sha256: s.sha256, video: s.video, audio: s.audio,
      durationMs: s.durationMs, bytes: s.bytes,
    }),
  });
  rec.start();
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void rec.stop().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

async function discover(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { 'timeout-ms': 'string' });
  noPositional(a.positional);
  print(await discoverCameras(positive('timeout-ms', a.options['timeout-ms'], 3000)));
  return 0;
}

async function snapshot(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { rtsp: 'string', out: 'string', 'timeout-ms': 'string' });
  noPositional(a.positional);
  const rtspUrl = url('rtsp', required('--rtsp', a.options.rtsp), ['rtsp:']);
  const out = required('--out', a.options.out);
  const jpeg = await grabFrame(rtspUrl, { timeoutMs: positive('timeout-ms', a.options['timeout-ms'], 10_000) });
  writeFileSync(out, jpeg);
  print({ at: iso(Date.now()), snapshot: out, bytes: jpeg.length });
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'probe': return await probe(rest);
      case 'record': return await record(rest);
      case 'discover': return await discover(rest);
      case 'snapshot': return await snapshot(rest);
      default:
        throw new UsageError(command === undefined ? 'no command given' : `unknown command '${command}'`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`camera: ${err.message}\n${USAGE}`);
      return 2;
    }
    if (err instanceof Error) {
      process.stderr.write(`camera ${command ?? ''}: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err: unknown) => {
  process.stderr.write(`camera: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exitCode = 1;
});
