// The station's HTTP server: the built pages, the API (POST /api/<method>), live changes over
// server-sent events, and a health check. It listens on 127.0.0.1 unless LAN access is configured.
// It answers only requests addressed to one of its own names (else 421), cuts off requests that
// arrive too slowly, limits sign-in attempts per address and per account, and live streams per
// account.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import { API_METHODS, type ApiMethod } from '../../common/api.js';
import type { RecordedEvent } from '../../common/events.js';
import type { ChangeNotice } from '../../common/views.js';
import { SESSION_MS } from '../auth/accounts.js';
import { ApiService, ApiError, type CallContext } from '../api/service.js';
import { exportRange } from '../../common/apiArgs.js';
import { alarmList, alarmsByIds } from '../api/queries/alarms.js';
import { ledger } from '../api/queries/ledger.js';
import { recordNames } from '../api/queries/names.js';
import { alarmsCsv, exportFileName, ledgerCsv } from '../api/csv.js';
import type { StationHost } from '../host/stationHost.js';
import { parseCookies, SESSION_COOKIE, sessionCookie } from './cookies.js';
import { addressKey, certificateNames, HostCheck, isLoopback, LOOPBACK_HOSTS } from './addresses.js';
import { RateLimiter } from './rateLimit.js';
import { sameOrigin, SECURITY_HEADERS } from './securityHeaders.js';
import { readStatic } from './staticFiles.js';
import { sendMedia } from './mediaHttp.js';

export interface ServerOptions {
  readonly rendererDir: string;
  /** The station's one API service, shared with the window's IPC; a server of its own otherwise. */
  readonly service?: ApiService;
  readonly https?: { readonly key: string; readonly cert: string };
  readonly version?: string;
  /**
   * The station's own names and addresses (host names, IP literals) that a request's Host may
   * name. Default: the loopback names, plus the names the HTTPS certificate is made out to. The
   * address a connection arrived at is always allowed as an IP literal.
   */
  readonly allowedHosts?: readonly string[];
  /** A request (headers and body) must arrive within this long, else 408 and the connection closes. */
  readonly requestTimeoutMs?: number;
  /** Live streams one account may hold open at once. */
  readonly maxStreamsPerAccount?: number;
}

export const REQUEST_TIMEOUT_MS = 15_000;
export const MAX_STREAMS_PER_ACCOUNT = 8;
/** Sign-in attempts (login, setup, password change) per client address, and per account, within a minute. */
export const AUTH_ATTEMPTS_PER_MINUTE = 10;
const AUTH_METHODS: ReadonlySet<string> = new Set(['login', 'setup', 'changePassword']);
const TOO_MANY = { code: 'TOO_MANY_ATTEMPTS', message: '登录尝试过于频繁，请稍后再试' } as const;

const METHODS: ReadonlySet<string> = new Set(API_METHODS);

export function changeNotice(host: StationHost, events: readonly RecordedEvent[]): ChangeNotice {
  const last = events[events.length - 1];
  const alarmIds = new Set(events.flatMap((e) => (e.type === 'alarm.raised' || e.type === 'alarm.resolved' || e.type === 'alarm.ack' ? [e.payload.alarmId] : [])));
  return {
    seq: last?.seq ?? 0, at: last?.at ?? host.now(), types: [...new Set(events.map((e) => e.type))],
    alarms: alarmsByIds(host.db, [...alarmIds]),
  };
}

/** The county link changed: the pages read the overview again. */
export function linkNotice(host: StationHost): ChangeNotice {
  return { seq: host.station.store.count(), at: host.now(), types: ['county.link'], alarms: [] };
}

/** Unknown API paths say nothing to a stranger: 401 before 404. */
function unknownPath(ctx: CallContext, reply: FastifyReply): FastifyReply {
  return ctx.session
    ? reply.code(404).send({ code: 'NOT_FOUND', message: '没有这个接口' })
    : reply.code(401).send({ code: 'NOT_SIGNED_IN', message: '请先登录' });
}

export function createServer(host: StationHost, options: ServerOptions): FastifyInstance {
  const secure = options.https !== undefined;
  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  // Node checks for overdue requests on this interval (30 s by default, longer than the timeout).
  const timing = { headersTimeout: requestTimeout, connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(requestTimeout / 4))) };
  const app = Fastify({
    logger: false, bodyLimit: 1 << 20, requestTimeout,
    ...(options.https ? { https: { ...options.https, ...timing } } : { http: timing }),
  }) as unknown as FastifyInstance;
  const service = options.service ?? new ApiService(host);
  const hosts = new HostCheck(options.allowedHosts ?? [...LOOPBACK_HOSTS, ...(options.https ? certificateNames(options.https.cert) : [])]);
  const limiterOptions = { limit: AUTH_ATTEMPTS_PER_MINUTE, windowMs: 60_000, now: host.now };
  const addressLimiter = new RateLimiter({ ...limiterOptions, neverRefusedWhenFull: isLoopback });
  const accountLimiter = new RateLimiter(limiterOptions);
  const streams = new Set<ServerResponse>();
  const mediaStreams = new Set<ServerResponse>();
  const streamsOf = new Map<string, number>();
  const maxStreams = options.maxStreamsPerAccount ?? MAX_STREAMS_PER_ACCOUNT;

  app.addHook('onRequest', async (req, reply) => {
    if (!hosts.allows(req.headers.host, { address: req.socket.localAddress, port: req.socket.localPort })) {
      return reply.code(421).send({ code: 'MISDIRECTED', message: '请求的主机名不是本工作站' });
    }
    // Counted before the body is read: a malformed body is an attempt too.
    const method = (req.params as { method?: string } | undefined)?.method;
    if (req.method === 'POST' && method !== undefined && AUTH_METHODS.has(method) && !addressLimiter.allow(addressKey(req.ip))) {
      return reply.code(429).send(TOO_MANY);
    }
    return undefined;
  });

  app.addHook('onSend', async (_req, reply) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
    if (secure) reply.header('strict-transport-security', 'max-age=31536000');
  });

  const context = (req: FastifyRequest, reply: FastifyReply): CallContext => {
    const token = parseCookies(req.headers.cookie)[SESSION_COOKIE];
    return {
      session: host.accounts.session(token), token, address: req.ip,
      setToken: (t) => { reply.header('set-cookie', sessionCookie(t, secure, SESSION_MS / 1000)); },
    };
  };

  app.get('/api/health', async () => ({ ok: true, version: options.version ?? '', configured: host.station.state.configured, events: host.station.store.count() }));

  app.get('/api/stream', (req, reply) => {
    const ctx = context(req, reply);
    if (!ctx.session) {
      void reply.code(401).send({ code: 'NOT_SIGNED_IN', message: '请先登录' });
      return;
    }
    const account = ctx.session.account;
    const open = streamsOf.get(account) ?? 0;
    if (open >= maxStreams) {
      void reply.code(429).send({ code: 'TOO_MANY_STREAMS', message: `同一账户最多同时打开 ${maxStreams} 个实时页面` });
      return;
    }
    streamsOf.set(account, open + 1);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', ...SECURITY_HEADERS });
    res.write(`retry: 2000\nevent: hello\ndata: ${JSON.stringify({ seq: host.station.store.count() })}\n\n`);
    streams.add(res);
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.raw.on('close', () => {
      clearInterval(ping);
      streams.delete(res);
      const left = (streamsOf.get(account) ?? 1) - 1;
      if (left > 0) streamsOf.set(account, left);
      else streamsOf.delete(account);
    });
  });

  const onEvents = (events: RecordedEvent[]): void => {
    if (streams.size === 0) return;
    const data = `event: change\ndata: ${JSON.stringify(changeNotice(host, events))}\n\n`;
    for (const res of streams) res.write(data);
  };
  host.station.on('events', onEvents);
  // The county link changing state is news for the desk too (已同步 / 落后 N 条 / 未连接 / 被拒绝).
  const onLink = (): void => {
    if (streams.size === 0) return;
    const data = `event: change\ndata: ${JSON.stringify(linkNotice(host))}\n\n`;
    for (const res of streams) res.write(data);
  };
  host.countyLink?.on('change', onLink);
  // Before the server waits for its connections: an open live channel would otherwise hold the
  // shutdown forever (and the head witness would never get its last write).
  app.addHook('preClose', async () => {
    host.station.off('events', onEvents);
    host.countyLink?.off('change', onLink);
    for (const res of streams) res.end();
    streams.clear();
    for (const res of mediaStreams) res.destroy();
    mediaStreams.clear();
  });

  app.get('/api/export/:name', async (req, reply) => {
    const ctx = context(req, reply);
    if (!ctx.session) return reply.code(401).send({ code: 'NOT_SIGNED_IN', message: '请先登录' });
    const name = (req.params as { name: string }).name;
    const q = req.query as Record<string, string | undefined>;
    const range = exportRange.safeParse({ from: Number(q.from ?? Number.NaN), to: Number(q.to ?? Number.NaN) });
    if (!range.success) {
      const issue = range.error.issues[0];
      return reply.code(400).send({ code: 'BAD_REQUEST', message: `导出的起止时间有误：${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}（from、to 为 UTC 毫秒，from < to）` });
    }
    const { from, to } = range.data as { from: number; to: number };
    const names = recordNames(host.db);
    let body: string;
    if (name === 'ledger.csv') body = ledgerCsv(ledger(host.db, from, to), names, host.timeZone, host.now());
    else if (name === 'alarms.csv') body = alarmsCsv(alarmList(host.db, { from, to, limit: 100_000 }), names, host.timeZone);
    else return reply.code(404).send({ code: 'NOT_FOUND', message: '没有这个导出' });
    host.accounts.log(ctx.session.account, `export:${name}`, `${from}-${to}`, req.ip);
    const file = exportFileName(name, from, host.timeZone);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file}"`).header('cache-control', 'no-store').send(body);
  });

  app.post('/api/:method', async (req, reply) => {
    const ctx = context(req, reply);
    const method = (req.params as { method: string }).method;
    if (!METHODS.has(method)) return unknownPath(ctx, reply);
    if (!sameOrigin(req.headers.origin, req.headers.host, secure)) return reply.code(403).send({ code: 'CROSS_ORIGIN', message: '拒绝跨站请求' });
    // Per account as well as per address: guesses at one account from many addresses are limited too.
    const account = method === 'login' ? (req.body as { account?: unknown } | null)?.account : method === 'changePassword' ? ctx.session?.account : undefined;
    if (typeof account === 'string' && !accountLimiter.allow(account)) return reply.code(429).send(TOO_MANY);
    try {
      return await service.call(method as ApiMethod, req.body, ctx);
    } catch (err) {
      if (err instanceof ApiError) return reply.code(err.status).send({ code: err.code, message: err.message });
      req.log.error(err);
      return reply.code(500).send({ code: 'INTERNAL', message: `工作站内部错误：${(err as Error).message}` });
    }
  });

  // Live view, playback and exported files: streams, with the same session and the same role checks as the API.
  app.get('/api/media/*', async (req, reply) => {
    await sendMedia(host.media.routes, req, reply, context(req, reply).session, secure ? { 'strict-transport-security': 'max-age=31536000' } : {}, mediaStreams);
  });

  app.all('/api/*', async (req, reply) => unknownPath(context(req, reply), reply));

  app.get('/*', async (req, reply) => {
    const file = readStatic(options.rendererDir, req.url);
    if (!file) return reply.code(404).type('text/plain; charset=utf-8').send('not found');
    return reply.type(file.type).header('cache-control', file.type.startsWith('text/html') ? 'no-store' : 'public, max-age=3600').send(file.body);
  });

  return app;
}
