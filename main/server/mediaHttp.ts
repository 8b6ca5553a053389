// The media routes (main/media/mediaRoutes.ts) over the HTTP server: the request's session and
// address in, the response streamed out with backpressure (a slow client holds back the stream,
// not the station's memory), and the stream ended the moment the client goes away.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { SessionInfo } from '../../common/views.js';
import type { MediaRoutes } from '../media/mediaRoutes.js';
import { SECURITY_HEADERS } from './securityHeaders.js';

/**
 * `open`: the responses streaming now, which the server ends when it closes (an open stream
 * would otherwise hold its shutdown).
 */
export async function sendMedia(
  routes: MediaRoutes, req: FastifyRequest, reply: FastifyReply, session: SessionInfo | null, extraHeaders: Readonly<Record<string, string>>,
  open: Set<ServerResponse>,
): Promise<void> {
  const gone = new AbortController();
  const raw = reply.raw;
  raw.once('close', () => gone.abort());
  const url = new URL(req.url, 'http://station');
  const res = await routes.handle({ path: url.pathname, query: url.searchParams, session, address: req.ip, signal: gone.signal });
  if (typeof res.body === 'string') {
    await reply.code(res.status).headers(res.headers).send(res.body);
    return;
  }
  reply.hijack();
  raw.writeHead(res.status, { ...SECURITY_HEADERS, ...extraHeaders, ...res.headers });
  open.add(raw);
  const body = res.body[Symbol.asyncIterator]();
  try {
    while (!gone.signal.aborted) {
      const next = await body.next();
      if (next.done) break;
      if (!raw.write(next.value)) {
        await new Promise<void>((resolve) => {
          const done = (): void => { raw.off('drain', done); raw.off('close', done); resolve(); };
          raw.once('drain', done);
          raw.once('close', done);
        });
      }
    }
  } catch (err) {
    req.log.error(err);
  } finally {
    open.delete(raw);
    await body.return?.(undefined);
    raw.end();
  }
}
