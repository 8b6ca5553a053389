// A still picture on demand (the desk's "snapshot"), taken from the RTSP stream with ffmpeg: it
// works for every camera, including those without an ONVIF snapshot URI or that want HTTP
// digest for it, and shows exactly what the recorder receives.
import { spawn } from 'node:child_process';
import { redactUrl } from './rtspProbe.js';

export interface SnapshotOptions {
  ffmpegPath?: string;
  /** Whole operation, connect to JPEG (default 10 s). */
  timeoutMs?: number;
}

export function grabFrame(rtspUrl: string, o: SnapshotOptions = {}): Promise<Buffer> {
  const timeoutMs = o.timeoutMs ?? 10_000;
  const args = [
    '-hide_banner', '-nostdin', '-loglevel', 'error',
    '-rtsp_transport', 'tcp', '-timeout', String(timeoutMs * 1000),
    '-i', rtspUrl,
    '-frames:v', '1', '-c:v', 'mjpeg', '-q:v', '3', '-f', 'image2', 'pipe:1',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(o.ffmpegPath ?? 'ffmpeg', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => { clearTimeout(timer); reject(new Error(`snapshot of ${redactUrl(rtspUrl)}: cannot run ffmpeg: ${err.message}`)); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const jpeg = Buffer.concat(chunks);
      if (code === 0 && jpeg.length > 4 && jpeg[0] === 0xff && jpeg[1] === 0xd8) return resolve(jpeg);
      const why = signal === 'SIGKILL' ? `no picture within ${timeoutMs} ms` : stderr.trim().split('\n').pop()?.replaceAll(rtspUrl, redactUrl(rtspUrl)) || `ffmpeg exit ${String(code)}`;
      reject(new Error(`snapshot of ${redactUrl(rtspUrl)}: ${why}`));
    });
  });
}
