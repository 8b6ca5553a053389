// The station's media answers — live view, playback, an export's files — for any transport: the
// HTTP server (a browser's cookie session) and the desk window's app:// protocol (its IPC
// session) hand the same request here and stream the same response back, so the role checks,
// the viewing log and the refusals are one piece of code. Refusals are JSON ({code, message}),
// the same shape as the API's.
import { createReadStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { MEDIA_PREFIX } from '../../common/recordings.js';
import type { SessionInfo } from '../../common/views.js';
import { LiveError, type LiveViewer } from '../../hardware/camera/liveStream.js';
import { openPlayback } from '../../hardware/camera/playbackStream.js';
import { closeable } from '../../hardware/camera/closeable.js';
import type { MediaService } from './mediaService.js';

export interface MediaRequest {
  /** The URL's path (percent-encoded, as received). */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly session: SessionInfo | null;
  /** The client's address (or 'desk' for the station's own window), for the viewing log. */
  readonly address: string | null;
  /** Aborted when the client goes away. */
  readonly signal: AbortSignal;
}

export interface MediaResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** A refusal's JSON, or the stream (ended by its consumer with return() when the client leaves). */
  readonly body: string | AsyncIterable<Uint8Array>;
}

const refuse = (status: number, code: string, message: string): MediaResponse => ({
  status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, body: JSON.stringify({ code, message }),
});

const STREAM_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } as const;
/** The longest span one playback request may cover: more than any custody stay (48 h). */
const MAX_SPAN_MS = 7 * 86_400_000;

function decode(segment: string | undefined): string | null {
  if (segment === undefined || segment === '') return null;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function instant(q: URLSearchParams, name: string): number | null {
  const raw = q.get(name);
  if (raw === null || !/^\d{1,16}$/.test(raw)) return null;
  return Number(raw);
}

/** Is this request one of the media routes? (The rest of /api/ belongs to the API.) */
export function isMediaPath(path: string): boolean {
  return path.startsWith(MEDIA_PREFIX);
}

/** Live views and playbacks one account may have open at once (each playback is an ffmpeg at work). */
export const MAX_MEDIA_STREAMS_PER_ACCOUNT = 8;

export class MediaRoutes {
  private readonly open = new Map<string, number>();

  constructor(private readonly media: MediaService) {}

  async handle(req: MediaRequest): Promise<MediaResponse> {
    if (!req.session) return refuse(401, 'NOT_SIGNED_IN', '请先登录');
    const account = req.session.account;
    const count = this.open.get(account) ?? 0;
    if (count >= MAX_MEDIA_STREAMS_PER_ACCOUNT) return refuse(429, 'TOO_MANY_STREAMS', `同一账户最多同时打开 ${MAX_MEDIA_STREAMS_PER_ACCOUNT} 路实时画面或回放`);
    this.open.set(account, count + 1);
    let res: MediaResponse;
    try {
      res = await this.route(req, req.session);
    } catch (err) {
      this.release(account);
      throw err;
    }
    if (typeof res.body === 'string') {
      this.release(account);
      return res;
    }
    return { ...res, body: closeable(res.body, () => this.release(account)) };
  }

  private release(account: string): void {
    const left = (this.open.get(account) ?? 1) - 1;
    if (left > 0) this.open.set(account, left);
    else this.open.delete(account);
  }

  private async route(req: MediaRequest, session: SessionInfo): Promise<MediaResponse> {
    const [kind, first, second, ...rest] = req.path.slice(MEDIA_PREFIX.length).split('/');
    const a = decode(first);
    if (rest.length > 0 || a === null) return refuse(404, 'NOT_FOUND', '没有这个地址');
    switch (kind) {
      case 'live': return second === undefined ? this.live(req, session, a) : refuse(404, 'NOT_FOUND', '没有这个地址');
      case 'playback': return second === undefined ? this.playback(req, session, a) : refuse(404, 'NOT_FOUND', '没有这个地址');
      case 'evidence': {
        const file = decode(second);
        return file === null ? refuse(404, 'NOT_FOUND', '没有这个地址') : this.evidenceFile(req, session, a, file);
      }
      default: return refuse(404, 'NOT_FOUND', '没有这个地址');
    }
  }

  private async live(req: MediaRequest, session: SessionInfo, camera: string): Promise<MediaResponse> {
    if (!this.media.access(session.roles).live) return refuse(403, 'FORBIDDEN', this.media.text.liveForbidden);
    const room = this.media.roomOfCamera(camera);
    if (room === null) return refuse(404, 'NO_CAMERA', `没有编号为 ${camera} 的摄像机`);
    let viewer: LiveViewer;
    try {
      viewer = this.media.watch(camera);
    } catch (err) {
      return this.liveRefusal(camera, err);
    }
    const gone = (): void => viewer.close();
    req.signal.addEventListener('abort', gone, { once: true });
    let mime: string;
    try {
      mime = await viewer.ready;
    } catch (err) {
      req.signal.removeEventListener('abort', gone);
      viewer.close();
      return this.liveRefusal(camera, err);
    }
    const viewing = this.media.viewings.open({
      account: session.account, officerId: session.officerId, kind: 'live', camera, room, session: null, person: null, mediaFrom: null, address: req.address,
    });
    async function* body(): AsyncGenerator<Uint8Array> {
      for (;;) {
        const chunk = await viewer.next();
        if (chunk === null) return;
        yield chunk;
      }
    }
    const end = (): void => {
      req.signal.removeEventListener('abort', gone);
      viewer.close();
      viewing.end();
    };
    return { status: 200, headers: { ...STREAM_HEADERS, 'content-type': mime }, body: closeable(body(), end) };
  }

  private liveRefusal(camera: string, err: unknown): MediaResponse {
    if (!(err instanceof LiveError)) throw err;
    this.media.log(`live ${camera}: ${err.message}`);
    switch (err.code) {
      case 'NO_STREAM': return refuse(409, 'NO_STREAM', `摄像机 ${camera} 没有可用的视频流（未配置视频流地址，或本工作站未启动录像）`);
      case 'UNPLAYABLE': return refuse(409, 'UNPLAYABLE', `摄像机 ${camera} 的实时码流浏览器无法播放（${err.message.includes('H.265') ? 'H.265' : '非 H.264'}）：请在摄像机上为子码流选择 H.264 编码`);
      case 'NO_PICTURE': return refuse(504, 'NO_PICTURE', `摄像机 ${camera} 没有送来画面（连不上或没有应答），请检查摄像机与网络`);
      case 'STOPPED': return refuse(503, 'STOPPED', '工作站正在停止');
    }
  }

  private async playback(req: MediaRequest, session: SessionInfo, camera: string): Promise<MediaResponse> {
    if (!this.media.access(session.roles).playback) return refuse(403, 'FORBIDDEN', this.media.text.playbackForbidden);
    const from = instant(req.query, 'from');
    const to = instant(req.query, 'to');
    const at = instant(req.query, 'at') ?? from;
    if (from === null || to === null || at === null || to <= from || to - from > MAX_SPAN_MS || at < from || at > to) {
      return refuse(400, 'BAD_REQUEST', '回放的时间有误：from、to、at 为 UTC 毫秒，from < to，at 在其间，跨度不超过 7 天');
    }
    const room = this.media.roomOfCamera(camera);
    if (room === null) return refuse(404, 'NO_CAMERA', `没有编号为 ${camera} 的摄像机`);
    const sessionId = req.query.get('session');
    const person = req.query.get('person');
    if (sessionId !== null && this.media.store.session(sessionId)?.room !== room) return refuse(400, 'BAD_REQUEST', `摄像机 ${camera} 不在讯（询）问 ${sessionId} 的房间`);
    if (person !== null && this.media.store.person(person) === null) return refuse(404, 'NO_PERSON', `没有编号为 ${person} 的人员`);
    const segments = this.media.store.segments(camera, from, to).filter((s) => s.deletedAt === null);
    const bySeq = new Map(segments.map((s) => [s.seq, s]));
    const viewing = this.media.viewings.open({
      account: session.account, officerId: session.officerId, kind: 'playback', camera, room, session: sessionId, person, mediaFrom: at, address: req.address,
    });
    const playback = await openPlayback({
      segments, at, origin: Math.min(from, segments[0]?.startedAt ?? from), signal: req.signal, ffmpegPath: this.media.ffmpegPath(),
      checked: (seq, outcome) => {
        const seg = bySeq.get(seq);
        if (outcome === 'played' && seg) viewing.reached(Math.min(seg.endedAt, to));
        if (outcome !== 'played') this.media.log(`playback: segment ${seq} of camera ${camera} refused (${outcome}): ${seg?.path ?? ''}`);
      },
    });
    return { status: 200, headers: { ...STREAM_HEADERS, 'content-type': playback.mime ?? 'video/mp4' }, body: closeable(playback.body, () => viewing.end()) };
  }

  private evidenceFile(req: MediaRequest, session: SessionInfo, exportId: string, file: string): MediaResponse {
    if (!this.media.access(session.roles).exportEvidence) return refuse(403, 'FORBIDDEN', this.media.text.evidenceForbidden);
    const row = this.media.store.exportById(exportId);
    const listed = row?.files.find((f) => f.name === file);
    if (!row || !listed || row.dir === null) return refuse(404, 'NOT_FOUND', `没有导出 ${exportId} 的文件 ${file}`);
    const path = join(row.dir, file);
    try {
      statSync(path);
    } catch {
      return refuse(410, 'GONE', `导出 ${exportId} 的文件 ${file} 已不在工作站的 ${row.dir} 中`);
    }
    this.media.accessLog(session.account, 'evidence_download', `${exportId}/${file}`, req.address);
    const stream = createReadStream(path);
    req.signal.addEventListener('abort', () => stream.destroy(), { once: true });
    const type = file.endsWith('.mp4') ? 'video/mp4' : file.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8';
    return {
      status: 200,
      headers: { ...STREAM_HEADERS, 'content-type': type, 'content-length': String(listed.bytes), 'content-disposition': `attachment; filename="${exportId}-${file}"` },
      body: closeable(stream as AsyncIterable<Uint8Array>, () => { stream.destroy(); }),
    };
  }
}
