// The county's HTTPS server: stations push to /ingest/v1 with their enrolment token; county
// accounts use the dashboard at /county/ (the station's pages in their county mode), its API at
// /county/api/<method>, and one area's pages at /county/area/<station>/ with the station's own
// API contract under it. The certificate is made on first use in the data folder; stations pin
// its fingerprint, so no CA is involved.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { hostname } from 'node:os';
import { isIP } from 'node:net';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { API_METHODS, type ApiMethod } from '../../../common/api.js';
import { COUNTY_ACCESS, COUNTY_BASE, type CountyMethod } from '../../../common/countyApi.js';
import type { ChangeNotice } from '../../../common/views.js';
import { SESSION_MS } from '../../auth/accounts.js';
import { ApiError } from '../../api/service.js';
import { lanAddresses } from '../../host/serve.js';
import { addressKey, certificateNames, HostCheck, isLoopback, LOOPBACK_HOSTS } from '../../server/addresses.js';
import { parseCookies, SESSION_COOKIE, sessionCookie } from '../../server/cookies.js';
import { AUTH_ATTEMPTS_PER_MINUTE, REQUEST_TIMEOUT_MS } from '../../server/http.js';
import { RateLimiter } from '../../server/rateLimit.js';
import { sameOrigin, SECURITY_HEADERS } from '../../server/securityHeaders.js';
import { tlsIdentity } from '../../server/selfSignedCert.js';
import { readStatic } from '../../server/staticFiles.js';
import { AreaApi } from '../api/areaApi.js';
import { CountyService, type CountyCall } from '../api/countyService.js';
import { Ingest, type Ingested } from '../ingest/ingest.js';
import { HEAD_PATH, INGEST_BASE, MAX_PUSH_BYTES, PUSH_PATH, pushRequestSchema, type PushRefusal } from '../protocol.js';
import { CountyAccounts } from '../store/accounts.js';
import { stationOfToken } from '../store/ingestStore.js';
import type { Pool } from '../store/pool.js';
import { tokenHash } from '../store/stations.js';

export const COUNTY_NAME = '县（市）局督察平台';
const COUNTY_METHODS: ReadonlySet<string> = new Set(Object.keys(COUNTY_ACCESS));
const AREA_METHODS: ReadonlySet<string> = new Set(API_METHODS);
const TOO_MANY = { code: 'TOO_MANY_ATTEMPTS', message: '登录尝试过于频繁，请稍后再试' } as const;

export interface CountyServerOptions {
  readonly pool: Pool;
  readonly dataDir: string;
  readonly port: number;
  /** Listen here (default: every interface: stations reach the county over the network). */
  readonly bind?: string;
  readonly rendererDir: string;
  readonly now: () => number;
  readonly log: (line: string) => void;
  /** The zone the county's own pages show times in. */
  readonly timeZone?: string;
}

export interface CountyServer {
  readonly url: string;
  readonly fingerprint: string;
  readonly ingest: Ingest;
  close(): Promise<void>;
}

/** The enrolment token of a push, from `Authorization: Bearer …` (never logged or echoed). */
function bearer(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  const m = typeof h === 'string' ? /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(h) : null;
  return m?.[1] ?? null;
}

const refuse = (reply: FastifyReply, status: number, r: PushRefusal): FastifyReply => reply.code(status).send(r);

export async function startCountyServer(o: CountyServerOptions): Promise<CountyServer> {
  const bind = o.bind ?? '0.0.0.0';
  const names = ['localhost', '127.0.0.1', hostname(), ...lanAddresses(), ...(isIP(bind) && bind !== '0.0.0.0' ? [bind] : [])];
  const tls = tlsIdentity(join(o.dataDir, 'tls'), [...new Set(names)], COUNTY_NAME);
  const app = Fastify({
    logger: false, bodyLimit: 1 << 20, requestTimeout: REQUEST_TIMEOUT_MS,
    https: { key: tls.key, cert: tls.cert, headersTimeout: REQUEST_TIMEOUT_MS },
  }) as unknown as FastifyInstance;
  const ingest = new Ingest({ pool: o.pool, dataDir: o.dataDir, now: o.now, log: o.log });
  const accounts = new CountyAccounts(o.pool, o.now);
  const county = new CountyService(o.pool, accounts, o.now, o.timeZone ?? 'Asia/Shanghai');
  const areas = new AreaApi(o.pool, accounts, o.now);
  const hosts = new HostCheck([...LOOPBACK_HOSTS, ...certificateNames(tls.cert)]);
  const limits = { limit: AUTH_ATTEMPTS_PER_MINUTE, windowMs: 60_000, now: o.now };
  const addressLimiter = new RateLimiter({ ...limits, neverRefusedWhenFull: isLoopback });
  const accountLimiter = new RateLimiter(limits);

  app.addHook('onRequest', async (req, reply) => {
    // Stations authenticate with a bearer token, which no other site's page can send: the Host
    // check (against DNS rebinding in browsers) is for the pages, and a station may reach the
    // county through a forwarded port that names another.
    if (req.url.startsWith(`${INGEST_BASE}/`)) return undefined;
    if (!hosts.allows(req.headers.host, { address: req.socket.localAddress, port: req.socket.localPort })) {
      return reply.code(421).send({ code: 'MISDIRECTED', message: '请求的主机名不是本平台' });
    }
    return undefined;
  });
  app.addHook('onSend', async (_req, reply) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
    reply.header('strict-transport-security', 'max-age=31536000');
  });

  // ---- stations ----
  const stationOf = async (req: FastifyRequest): Promise<string | null> => {
    const token = bearer(req);
    return token === null ? null : stationOfToken(o.pool, tokenHash(token));
  };
  const badToken: PushRefusal = { code: 'TOKEN', message: '县局平台不认可本站的接入令牌（未登记或已更换）' };

  app.get(HEAD_PATH, async (req, reply) => {
    const station = await stationOf(req);
    if (!station) return refuse(reply, 401, badToken);
    const head = await ingest.head(station);
    return { station, seq: head?.seq ?? 0, hash: head?.hash ?? '', verified: head?.verified ?? true };
  });

  app.post(PUSH_PATH, { bodyLimit: 4 * MAX_PUSH_BYTES }, async (req, reply) => {
    const station = await stationOf(req);
    if (!station) return refuse(reply, 401, badToken);
    if (ingest.busy) return refuse(reply.header('retry-after', '2'), 503, { code: 'BUSY', message: '县局平台繁忙，稍后继续' });
    const parsed = pushRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return refuse(reply, 400, { code: 'BAD_REQUEST', message: `推送内容有误：${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}` });
    }
    const outcome = await ingest.push(station, parsed.data);
    return outcome.ok ? outcome.reply : refuse(reply, 409, outcome.refusal);
  });

  // ---- county accounts ----
  const callOf = async (req: FastifyRequest, reply: FastifyReply): Promise<CountyCall> => {
    const token = parseCookies(req.headers.cookie)[SESSION_COOKIE];
    return {
      session: await accounts.session(token), token, address: req.ip,
      setToken: (t) => { reply.header('set-cookie', sessionCookie(t, true, SESSION_MS / 1000)); },
    };
  };
  const answer = async (reply: FastifyReply, work: () => Promise<unknown>): Promise<unknown> => {
    try {
      return await work();
    } catch (err) {
      if (err instanceof ApiError) return reply.code(err.status).send({ code: err.code, message: err.message });
      o.log(`county: ${(err as Error).stack ?? String(err)}`);
      return reply.code(500).send({ code: 'INTERNAL', message: `县局平台内部错误：${(err as Error).message}` });
    }
  };
  const notSignedIn = (reply: FastifyReply): FastifyReply => reply.code(401).send({ code: 'NOT_SIGNED_IN', message: '请先登录' });

  app.post(`${COUNTY_BASE}/api/:method`, async (req, reply) => {
    const method = (req.params as { method: string }).method;
    const call = await callOf(req, reply);
    if (!COUNTY_METHODS.has(method)) return call.session ? reply.code(404).send({ code: 'NOT_FOUND', message: '没有这个接口' }) : notSignedIn(reply);
    if (!sameOrigin(req.headers.origin, req.headers.host, true)) return reply.code(403).send({ code: 'CROSS_ORIGIN', message: '拒绝跨站请求' });
    if (method === 'login') {
      const account = (req.body as { account?: unknown } | null)?.account;
      if (!addressLimiter.allow(addressKey(req.ip)) || (typeof account === 'string' && !accountLimiter.allow(account))) return reply.code(429).send(TOO_MANY);
    }
    return answer(reply, () => county.call(method as CountyMethod, req.body, call));
  });

  app.post(`${COUNTY_BASE}/area/:station/api/:method`, async (req, reply) => {
    const { station, method } = req.params as { station: string; method: string };
    const call = await callOf(req, reply);
    if (!call.session) return notSignedIn(reply);
    if (!AREA_METHODS.has(method)) return reply.code(404).send({ code: 'NOT_FOUND', message: '没有这个接口' });
    if (!sameOrigin(req.headers.origin, req.headers.host, true)) return reply.code(403).send({ code: 'CROSS_ORIGIN', message: '拒绝跨站请求' });
    const area = await areas.area(station);
    if (!area) return reply.code(404).send({ code: 'NO_SUCH_AREA', message: `没有登记编号为 ${station} 的工作站` });
    return answer(reply, () => areas.call(method as ApiMethod, req.body, area, { session: call.session, address: req.ip }));
  });

  // ---- live notices ----
  const streams = new Set<{ res: ServerResponse; station: string | null }>();
  const openStream = (req: FastifyRequest, reply: FastifyReply, station: string | null, hello: unknown): void => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', ...SECURITY_HEADERS });
    res.write(`retry: 2000\nevent: hello\ndata: ${JSON.stringify(hello)}\n\n`);
    const entry = { res, station };
    streams.add(entry);
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.raw.on('close', () => {
      clearInterval(ping);
      streams.delete(entry);
    });
  };
  app.get(`${COUNTY_BASE}/api/stream`, async (req, reply) => {
    const call = await callOf(req, reply);
    if (!call.session) return notSignedIn(reply);
    openStream(req, reply, null, {});
    return reply;
  });
  app.get(`${COUNTY_BASE}/area/:station/api/stream`, async (req, reply) => {
    const call = await callOf(req, reply);
    if (!call.session) return notSignedIn(reply);
    const area = await areas.area((req.params as { station: string }).station);
    if (!area) return reply.code(404).send({ code: 'NO_SUCH_AREA', message: '没有这个工作站' });
    openStream(req, reply, area.station, { seq: area.seq });
    return reply;
  });
  const onIngested = (i: Ingested): void => {
    const notice: ChangeNotice = { seq: i.seq, at: i.at, types: i.types, alarms: i.alarms };
    const areaData = `event: change\ndata: ${JSON.stringify(notice)}\n\n`;
    const countyData = `event: change\ndata: ${JSON.stringify({ station: i.station, seq: i.seq })}\n\n`;
    for (const s of streams) {
      if (s.station === null) s.res.write(countyData);
      else if (s.station === i.station) s.res.write(areaData);
    }
  };
  ingest.on('ingested', onIngested);
  app.addHook('preClose', async () => {
    ingest.off('ingested', onIngested);
    for (const s of streams) s.res.end();
    streams.clear();
  });

  // ---- pages ----
  app.get('/', async (_req, reply) => reply.redirect(`${COUNTY_BASE}/`));
  app.all('/api/*', async (_req, reply) => reply.code(404).send({ code: 'NOT_FOUND', message: '没有这个接口' }));
  app.get('/*', async (req, reply) => {
    const path = req.url.startsWith(`${COUNTY_BASE}/`) && !req.url.startsWith(`${COUNTY_BASE}/assets/`) ? '/index.html' : req.url;
    const file = readStatic(o.rendererDir, path);
    if (!file) return reply.code(404).type('text/plain; charset=utf-8').send('not found');
    return reply.type(file.type).header('cache-control', file.type.startsWith('text/html') ? 'no-store' : 'public, max-age=3600').send(file.body);
  });

  let address: string;
  try {
    address = await app.listen({ port: o.port, host: bind });
  } catch (err) {
    await app.close().catch(() => undefined);
    await ingest.close();
    throw err;
  }
  const url = address.replace('0.0.0.0', '127.0.0.1').replace('[::]', '127.0.0.1');
  return {
    url, fingerprint: tls.fingerprint, ingest,
    async close() {
      await app.close();
      await ingest.close();
    },
  };
}
