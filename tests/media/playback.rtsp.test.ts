// Playback and live view over the station's HTTP server, on a session recorded from a real RTSP
// camera: a supervisor plays the session across its segments (markers say where each lies), or
// from a seek point; every viewer of a camera is served by one ffmpeg, stopped when all leave; a
// segment changed on disk is refused with a marker and never sent; a desk account is refused
// playback (403) while the setting leaves it out, but may watch live; every viewing is logged.
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { decodeMarker, type PlaybackMarker } from '../../common/playbackMarkers.js';
import { liveUrl, playbackUrl } from '../../common/recordings.js';
import { Mp4Splitter } from '../../hardware/camera/mp4Boxes.js';
import { createServer } from '../../main/server/http.js';
import { CAMERA, PERSON, recordSession, SESSION, type RecordedStation } from './recordedSession.js';

let rec: RecordedStation;
let app: FastifyInstance;
let base: string;
const cookies: Record<string, string> = {};

async function post(method: string, arg: unknown, cookie = ''): Promise<Response> {
  return fetch(`${base}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(arg) });
}

async function signIn(account: string, password: string): Promise<string> {
  const res = await post('login', { account, password });
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** The top-level boxes of a response, with the station's markers decoded. */
async function readAll(res: Response): Promise<{ markers: PlaybackMarker[]; media: Buffer }> {
  const bytes = Buffer.from(await res.arrayBuffer());
  const markers: PlaybackMarker[] = [];
  const media: Buffer[] = [];
  for (let at = 0; at + 8 <= bytes.length;) {
    const size = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const box = bytes.subarray(at, at + size);
    const marker = type === 'free' ? decodeMarker(box.subarray(8)) : null;
    if (marker) markers.push(marker);
    else media.push(box);
    at += size;
  }
  return { markers, media: Buffer.concat(media) };
}

beforeAll(async () => {
  rec = await recordSession({ segments: 3 });
  app = createServer(rec.host, { rendererDir: join(rec.dataDir, 'no-pages') });
  base = (await app.listen({ port: 0, host: '127.0.0.1' })).replace('0.0.0.0', '127.0.0.1');

  const setup = await post('setup', { officerId: 'ADM', name: '管理员', gender: 'male', password: 'station2026' });
  cookies.admin = (setup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  for (const [account, role] of [['desk1', 'desk'], ['sv1', 'supervisor']] as const) {
    await post('submit', { command: { type: 'officer.register', officer: { id: account.toUpperCase(), name: `${role}民警`, gender: 'male' } } }, cookies.admin);
    await post('saveAccount', { account, officerId: account.toUpperCase(), roles: [role], password: 'station2026' }, cookies.admin);
    cookies[role] = await signIn(account, 'station2026');
  }
}, 120_000);

afterAll(async () => {
  await app?.close();
  await rec?.stop();
});

describe('playback over HTTP', () => {
  it('plays the session across its segments for a supervisor, and logs it', async () => {
    const s = rec.host.media.sessionRecording(SESSION);
    expect(s?.plan.cameras.map((c) => c.camera)).toEqual([CAMERA]);
    const span = { from: s?.session.startedAt ?? 0, to: s?.session.endedAt ?? 0 };
    const res = await fetch(`${base}${playbackUrl(CAMERA, span, span.from, { session: SESSION })}`, { headers: { cookie: cookies.supervisor ?? '' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^video\/mp4; codecs="avc1\.[0-9a-f]{6},mp4a\.40\.2"$/);
    const { markers, media } = await readAll(res);
    const played = markers.filter((m) => m.kind === 'segment');
    expect(played.length).toBeGreaterThanOrEqual(3);
    expect(markers.filter((m) => m.kind === 'refused')).toEqual([]);
    expect(markers.at(-1)).toEqual({ kind: 'end' });
    // One time line: each segment follows the one before it.
    for (let i = 1; i < played.length; i++) {
      const [a, b] = [played[i - 1], played[i]] as [Extract<PlaybackMarker, { kind: 'segment' }>, Extract<PlaybackMarker, { kind: 'segment' }>];
      expect(b.mediaStart).toBeGreaterThan(a.mediaStart);
      expect(b.mediaStart - a.mediaStart).toBeLessThan((a.wallEnd - a.wallStart) / 1000 + 0.5);
    }
    const splitter = new Mp4Splitter();
    const pieces = splitter.push(media);
    expect(pieces[0]?.kind).toBe('init');
    expect(pieces.filter((p) => p.kind === 'fragment').length).toBeGreaterThan(3);
    const log = rec.host.media.viewingLog(0, Number.MAX_SAFE_INTEGER, 10);
    await expect.poll(() => rec.host.media.viewingLog(0, Number.MAX_SAFE_INTEGER, 10)[0]?.endedAt ?? null).not.toBeNull();
    expect(log[0]).toMatchObject({ account: 'sv1', kind: 'playback', camera: CAMERA, session: SESSION, mediaFrom: span.from });
  }, 60_000);

  it('refuses a desk account playback (403) but lets it watch live, and refuses strangers (401)', async () => {
    const span = { from: rec.segments[0]?.payload.startedAt ?? 0, to: rec.segments.at(-1)?.payload.endedAt ?? 0 };
    const forbidden = await fetch(`${base}${playbackUrl(CAMERA, span, span.from, { person: PERSON })}`, { headers: { cookie: cookies.desk ?? '' } });
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { message: string }).message).toContain('recording.playbackRoles');
    for (const url of [playbackUrl(CAMERA, span, span.from, {}), liveUrl(CAMERA)]) {
      const res = await fetch(`${base}${url}`);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { code: string }).code).toBe('NOT_SIGNED_IN');
    }

    // node:http rather than fetch: one connection of its own, closed when the viewer leaves.
    const live = await new Promise<IncomingMessage>((resolve, reject) => {
      get(`${base}${liveUrl(CAMERA)}`, { headers: { cookie: cookies.desk ?? '' }, agent: false }, resolve).on('error', reject);
    });
    expect(live.statusCode).toBe(200);
    expect(live.headers['content-type']).toMatch(/^video\/mp4; codecs="avc1/);
    const splitter = new Mp4Splitter();
    let fragments = 0;
    let init = false;
    for await (const chunk of live) {
      for (const p of splitter.push(chunk as Buffer)) {
        if (p.kind === 'init') init = true;
        else fragments++;
      }
      if (fragments >= 3) break;
    }
    expect(init).toBe(true);
    expect(fragments).toBeGreaterThanOrEqual(3);
    const stream = rec.host.media.liveStream(CAMERA);
    const exited = new Promise<void>((resolve) => stream?.once('exited', () => resolve()));
    live.destroy();
    await exited;
    expect(stream?.pid).toBeNull();
    expect(rec.host.media.viewingLog(0, Number.MAX_SAFE_INTEGER, 10).some((v) => v.account === 'desk1' && v.kind === 'live')).toBe(true);
  }, 60_000);

  it('starts at the segment holding the seek point', async () => {
    const inSession = rec.segments.slice(0, 3);
    const target = inSession[2]!;
    const span = { from: inSession[0]!.payload.startedAt, to: target.payload.endedAt };
    const at = target.payload.startedAt + 1000;
    const res = await fetch(`${base}${playbackUrl(CAMERA, span, at, { session: SESSION })}`, { headers: { cookie: cookies.supervisor ?? '' } });
    expect(res.status).toBe(200);
    const { markers, media } = await readAll(res);
    const played = markers.flatMap((m) => (m.kind === 'segment' ? [m.seq] : []));
    expect(played).toEqual([target.seq]);
    expect(new Mp4Splitter().push(media).filter((p) => p.kind === 'fragment').length).toBeGreaterThan(0);
    await expect.poll(() => rec.host.media.viewingLog(0, Number.MAX_SAFE_INTEGER, 1)[0]?.endedAt ?? null).not.toBeNull();
    expect(rec.host.media.viewingLog(0, Number.MAX_SAFE_INTEGER, 1)[0]).toMatchObject({ kind: 'playback', mediaFrom: at });
  }, 60_000);

  it('serves every viewer of a camera from one ffmpeg, which stops when the last one leaves', async () => {
    /** A viewer counting the fragments it receives; `fragments(n)` resolves once it has had n more. */
    const open = async (cookie: string) => {
      const res = await new Promise<IncomingMessage>((resolve, reject) => {
        get(`${base}${liveUrl(CAMERA)}`, { headers: { cookie }, agent: false }, resolve).on('error', reject);
      });
      expect(res.statusCode).toBe(200);
      const splitter = new Mp4Splitter();
      let seen = 0;
      let waiting: { until: number; done: () => void } | null = null;
      res.on('data', (chunk: Buffer) => {
        seen += splitter.push(chunk).filter((p) => p.kind === 'fragment').length;
        if (waiting && seen >= waiting.until) waiting.done();
      });
      return {
        res,
        fragments: (n: number) => new Promise<void>((resolve, reject) => {
          res.once('close', () => reject(new Error('the live stream ended')));
          waiting = { until: seen + n, done: resolve };
        }),
      };
    };
    const first = await open(cookies.supervisor ?? '');
    await first.fragments(2);
    const stream = rec.host.media.liveStream(CAMERA);
    const pid = stream?.pid ?? null;
    expect(pid).not.toBeNull();
    const second = await open(cookies.admin ?? '');
    await second.fragments(2);
    expect(rec.host.media.liveStream(CAMERA)?.pid).toBe(pid);
    first.res.destroy();
    // The other viewer still gets pictures, from the same ffmpeg.
    await second.fragments(2);
    expect(rec.host.media.liveStream(CAMERA)?.pid).toBe(pid);
    const exited = new Promise<void>((resolve) => stream?.once('exited', () => resolve()));
    second.res.destroy();
    await exited;
    expect(stream?.pid).toBeNull();
  }, 60_000);

  it('refuses a segment changed on disk and plays the others', async () => {
    const changed = rec.segments[1]!;
    const fd = openSync(changed.payload.path, 'r+');
    writeSync(fd, Buffer.from([readFileSync(changed.payload.path)[200]! ^ 0x01]), 0, 1, 200);
    closeSync(fd);
    const span = { from: rec.segments[0]!.payload.startedAt, to: rec.segments.at(-1)!.payload.endedAt };
    const res = await fetch(`${base}${playbackUrl(CAMERA, span, span.from, { session: SESSION })}`, { headers: { cookie: cookies.admin ?? '' } });
    const { markers } = await readAll(res);
    expect(markers.filter((m) => m.kind === 'refused')).toEqual([expect.objectContaining({ seq: changed.seq, reason: 'changed', expected: changed.payload.sha256 })]);
    expect(markers.filter((m) => m.kind === 'segment').map((m) => m.kind === 'segment' && m.seq)).not.toContain(changed.seq);
    expect(markers.filter((m) => m.kind === 'segment').length).toBeGreaterThanOrEqual(2);
  }, 60_000);
});
