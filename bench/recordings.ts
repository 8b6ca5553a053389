// npx tsx bench/recordings.ts — recordings for people, against a real station in this process, a
// real RTSP camera (GStreamer) and headless Chromium showing the station's own pages:
//  - first live picture after opening 实时画面 (target < 2 s): with no ffmpeg running for the
//    camera (cold), and joining a camera someone already watches (warm);
//  - live delay behind the camera (target < 2 s): the camera's picture turns from black to white
//    (SIGUSR1 to the test server); the time until the page shows a white frame;
//  - CPU of a live view (target < 10 % of one core per camera): the live ffmpeg over 10 s, and the
//    number of ffmpeg processes when four people watch the same camera;
//  - export of a 2-hour session (target < 30 s, remux only): 120 one-minute 1080p segments
//    (H.264 at 4 Mbit/s + G.711, made once with ffmpeg from a test source and linked 120 times);
//  - playback start after a seek (target < 1 s): a click on the 2-hour session's time scale to
//    the first picture at the new place.
import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { liveUrl } from '../common/recordings.js';
import { hashFile } from '../hardware/camera/hash.js';
import { parseConfig } from '../main/host/config.js';
import { EXAMPLE_AREA } from '../main/host/exampleArea.js';
import { StationHost } from '../main/host/stationHost.js';
import { verifyExport } from '../main/media/evidenceVerify.js';
import { createServer } from '../main/server/http.js';
import buildPages from '../tests/e2e/buildPages.js';
import { deskPage, launchBrowser } from '../tests/e2e/browser.js';
import { REPO } from '../tests/e2e/station.js';
import { RtspTestServer } from '../tests/support/rtspServer.js';

const RUNS = 5;
const CAMERA = 'CAM-INT1';
const AREA = { ...EXAMPLE_AREA, area: { id: 'A-BENCH', name: '城东派出所办案区' } };
const ADMIN = { officerId: 'E100', name: '管理员', gender: 'male', password: 'Bench2026ok' } as const;
const RENDERER = join(REPO, 'dist', 'renderer');

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const round = (x: number): number => Math.round(x * 10) / 10;
const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Served { readonly host: StationHost; readonly app: FastifyInstance; readonly url: string; readonly cookie: string }

/** The host's HTTP server on 127.0.0.1 with the built pages, and the administrator signed in. */
async function serve(host: StationHost): Promise<Served> {
  const app = createServer(host, { rendererDir: RENDERER });
  const url = (await app.listen({ port: 0, host: '127.0.0.1' })).replace('0.0.0.0', '127.0.0.1');
  const res = await fetch(`${url}/api/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { host, app, url, cookie };
}

async function signedInPage(browser: Browser, s: Served): Promise<Page> {
  const page = await deskPage(browser, { evalScripts: true });
  const [name, value] = s.cookie.split('=') as [string, string];
  await page.context().addCookies([{ name, value, url: s.url }]);
  return page;
}

/** Milliseconds from a click on 实时画面 to the first picture in the dialog. */
async function openLive(page: Page, url: string): Promise<number> {
  await page.goto(`${url}/#/room/INT1`);
  await page.locator(`[data-live-button="${CAMERA}"]`).waitFor();
  const ms = await page.evaluate(`new Promise((resolve) => {
    const t0 = performance.now();
    document.querySelector('[data-live-button="${CAMERA}"]').click();
    const look = () => {
      const v = document.querySelector('[role=dialog] video');
      if (v && v.readyState >= 2 && v.getVideoPlaybackQuality().totalVideoFrames > 0) resolve(performance.now() - t0);
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  })`);
  return ms as number;
}

async function closeLive(page: Page): Promise<void> {
  await page.locator('[role=dialog] button[data-autofocus]').click();
}

/** ffmpeg's CPU time so far (s), from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
}

/** A viewer outside the page (its own connection), reading and dropping what it gets. */
function backgroundViewer(s: Served): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    get(`${s.url}${liveUrl(CAMERA)}`, { headers: { cookie: s.cookie }, agent: false }, (res) => {
      res.resume();
      resolve(res);
    }).on('error', reject);
  });
}

async function liveFigures(browser: Browser): Promise<Record<string, number>> {
  const camera = await RtspTestServer.start();
  const dir = mkdtempSync(join(tmpdir(), 'bench-live-'));
  const host = new StationHost({
    dataDir: dir, log: () => undefined,
    config: parseConfig({ area: { ...AREA, cameras: [{ id: CAMERA, room: 'INT1', rtsp: camera.url('flip') }] }, recording: { segmentSeconds: 60 } }, 'bench'),
  });
  host.startDevices();
  const s = await serve(host);
  try {
    const page = await signedInPage(browser, s);
    const cold: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const stream = host.media.liveStream(CAMERA);
      if (stream?.pid) await new Promise<void>((resolve) => stream.once('exited', () => resolve()));
      cold.push(await openLive(page, s.url));
      await closeLive(page);
    }
    const keeper = await backgroundViewer(s);
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      warm.push(await openLive(page, s.url));
      await closeLive(page);
    }

    // Delay behind the camera: the picture turns white (or black) at the camera; when does the page show it?
    await openLive(page, s.url);
    await page.evaluate(`(() => {
      window.benchFlips = [];
      const v = document.querySelector('[role=dialog] video');
      const c = document.createElement('canvas');
      c.width = 8; c.height = 8;
      const g = c.getContext('2d', { willReadFrequently: true });
      let white = null;
      const frame = () => {
        g.drawImage(v, 0, 0, 8, 8);
        const d = g.getImageData(0, 0, 8, 8).data;
        let sum = 0;
        for (let i = 0; i < d.length; i += 4) sum += d[i];
        const bright = sum / (d.length / 4) > 128;
        if (white !== null && bright !== white) window.benchFlips.push(Date.now());
        white = bright;
        v.requestVideoFrameCallback(frame);
      };
      v.requestVideoFrameCallback(frame);
    })()`);
    const delays: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await pause(1500);
      const at = Date.now();
      camera.flip();
      // The first change of brightness the page shows after this flip: counting changes instead
      // would take one the decoder showed at the start (a grey first frame) for the first flip.
      const seen = await page.waitForFunction(`window.benchFlips.find((t) => t >= ${at})`, undefined, { timeout: 15_000 });
      delays.push((await seen.jsonValue() as number) - at);
    }

    const pid = host.media.liveStream(CAMERA)?.pid;
    if (!pid) throw new Error('no live ffmpeg');
    const cpuFrom = cpuSeconds(pid);
    const wallFrom = Date.now();
    await pause(10_000);
    const cpuPercent = ((cpuSeconds(pid) - cpuFrom) / ((Date.now() - wallFrom) / 1000)) * 100;
    const more = await Promise.all([backgroundViewer(s), backgroundViewer(s)]);
    const liveFfmpeg = execFileSync('pgrep', ['-P', String(process.pid), '-f', 'empty_moov'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).length;
    for (const v of [keeper, ...more]) v.destroy();
    await closeLive(page);
    await page.context().close();
    return {
      recordings_live_first_picture_ms: round(median(cold)),
      recordings_live_first_picture_max_ms: round(Math.max(...cold)),
      recordings_live_first_picture_joining_ms: round(median(warm)),
      recordings_live_delay_ms: round(median(delays)),
      recordings_live_delay_max_ms: round(Math.max(...delays)),
      recordings_live_cpu_percent_of_core: round(cpuPercent),
      recordings_live_ffmpeg_for_4_viewers: liveFfmpeg,
    };
  } finally {
    await s.app.close();
    await host.stopDevices();
    host.close();
    await camera.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const HOUR_MS = 3_600_000;
const SEGMENT_MS = 60_000;
const SEGMENTS = 120;

/** A 2-hour session of 1-minute 1080p segments in a record, made quickly (one segment encoded, linked 120 times). */
export async function twoHourSession(dir: string): Promise<{ host: StationHost; from: number; to: number; sourceBytes: number }> {
  const segDir = join(dir, 'recordings', CAMERA);
  mkdirSync(segDir, { recursive: true });
  const source = join(dir, 'source.mkv');
  execFileSync('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=25', '-f', 'lavfi', '-i', 'sine=f=440:sample_rate=8000',
    '-t', String(SEGMENT_MS / 1000), '-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '4M', '-maxrate', '4M', '-bufsize', '8M', '-g', '50',
    '-c:a', 'pcm_mulaw', '-f', 'matroska', source,
  ]);
  const digest = await hashFile(source);
  let clock = Date.now() - 3 * HOUR_MS;
  const from = clock;
  const host = new StationHost({
    dataDir: dir, log: () => undefined, now: () => clock,
    config: parseConfig({ area: { ...AREA, cameras: [{ id: CAMERA, room: 'INT1' }] } }, 'bench'),
  });
  const submit = (command: Record<string, unknown>): void => {
    const r = host.station.submit(command, { actor: 'E001' });
    if (!r.ok) throw new Error(`${String(command.type)}: ${r.rejection.message}`);
  };
  submit({ type: 'person.enter', person: { id: 'P-BENCH', name: '测试人员', gender: 'male', birthDate: '1980-01-01', role: 'suspect', basis: 'criminal_summons', officers: ['E001', 'E003'] } });
  submit({ type: 'security.check', personId: 'P-BENCH', checkers: ['E001'] });
  submit({ type: 'person.move', who: 'P-BENCH', room: 'INT1' });
  submit({ type: 'session.start', sessionId: 'S-BENCH', room: 'INT1', personId: 'P-BENCH', kind: 'interrogation', officers: ['E001', 'E003'] });
  const run = from;
  for (let i = 0; i < SEGMENTS; i++) {
    const path = join(segDir, `${CAMERA}-${run}-${String(i).padStart(6, '0')}.mkv`);
    linkSync(source, path);
    clock = from + (i + 1) * SEGMENT_MS;
    host.station.submit({
      type: 'recording.segment', camera: CAMERA, path, startedAt: from + i * SEGMENT_MS, endedAt: clock, durationMs: SEGMENT_MS,
      bytes: digest.bytes, sha256: digest.sha256, video: true, audio: true, videoCodec: 'h264', audioCodec: 'pcm_mulaw',
    }, { actor: `device:${CAMERA}` });
  }
  clock = from + 2 * HOUR_MS;
  submit({ type: 'session.end', sessionId: 'S-BENCH' });
  return { host, from, to: clock, sourceBytes: digest.bytes * SEGMENTS };
}

async function exportAndSeekFigures(browser: Browser): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-export-'));
  const out = join(dir, 'export');
  const { host, from, to, sourceBytes } = await twoHourSession(dir);
  try {
    const t0 = Date.now();
    const made = await host.media.exportEvidence('S-BENCH', { via: 'cli', osUser: 'bench' }, out);
    const exportMs = Date.now() - t0;
    const v0 = Date.now();
    const verified = await verifyExport(out);
    const verifyMs = Date.now() - v0;
    if (!verified.ok) throw new Error(`the 2-hour export does not verify: ${JSON.stringify(verified.problems)}`);
    const mp4 = made.files.find((f) => f.name.endsWith('.mp4'));
    rmSync(out, { recursive: true, force: true });

    const s = await serve(host);
    const page = await signedInPage(browser, s);
    await page.goto(`${s.url}/#/session/S-BENCH`);
    await page.waitForFunction(`(() => { const v = document.querySelector('[data-playback] video'); return v && v.readyState >= 2 && !v.paused; })()`, undefined, { timeout: 30_000 });
    const seeks: number[] = [];
    for (const fraction of [0.2, 0.45, 0.7, 0.9, 0.35]) {
      const target = from + fraction * (to - from);
      const box = await page.locator('.scale-bar').boundingBox();
      if (!box) throw new Error('no time scale');
      await page.evaluate(`window.benchSeekAt = performance.now()`);
      const shown = page.waitForFunction(`(() => {
        const v = document.querySelector('[data-playback] video');
        const at = Number(document.querySelector('[data-position]')?.getAttribute('data-position'));
        return v && v.readyState >= 2 && !v.paused && Math.abs(at - ${target}) < 30000 ? performance.now() - window.benchSeekAt : false;
      })()`, undefined, { polling: 'raf', timeout: 30_000 });
      await page.mouse.click(box.x + fraction * box.width, box.y + box.height / 2);
      seeks.push((await (await shown).jsonValue()) as number);
    }
    await page.context().close();
    await s.app.close();
    return {
      recordings_export_2h_ms: exportMs,
      recordings_export_2h_source_mb: Math.round(sourceBytes / 1e6),
      recordings_export_2h_mp4_mb: Math.round((mp4?.bytes ?? 0) / 1e6),
      recordings_verify_2h_ms: verifyMs,
      recordings_playback_seek_ms: round(median(seeks)),
      recordings_playback_seek_max_ms: round(Math.max(...seeks)),
    };
  } finally {
    host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchRecordings(): Promise<Record<string, number>> {
  await buildPages();
  const browser = await launchBrowser();
  try {
    return { ...await liveFigures(browser), ...await exportAndSeekFigures(browser) };
  } finally {
    await browser.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchRecordings().then((f) => process.stdout.write(`${JSON.stringify(f, null, 2)}\n`), (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  });
}
