// Live view, playback and exported files in the desk window, where there is no HTTP server when
// LAN access is off: app://station/api/media/… is answered by the same media routes as the HTTP
// server's, with the window's own sign-in, and the stream handed to Chromium as a streamed
// Response (pulled as the page reads, ended when it stops).
import { MEDIA_PREFIX } from '../../common/recordings.js';
import type { SessionInfo } from '../../common/views.js';
import { DESK_ADDRESS } from '../api/service.js';
import type { MediaRoutes } from '../media/mediaRoutes.js';
import { SECURITY_HEADERS } from '../server/securityHeaders.js';

export interface WindowMedia {
  readonly routes: MediaRoutes;
  /** The window's signed-in officer now (null: signed out). */
  session(): SessionInfo | null;
}

export function isMediaRequest(url: URL): boolean {
  return url.pathname.startsWith(MEDIA_PREFIX);
}

export async function mediaResponse(media: WindowMedia, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const res = await media.routes.handle({ path: url.pathname, query: url.searchParams, session: media.session(), address: DESK_ADDRESS, signal: request.signal });
  const headers = { ...SECURITY_HEADERS, ...res.headers };
  if (typeof res.body === 'string') return new Response(res.body, { status: res.status, headers });
  const it = res.body[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await it.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() {
      await it.return?.();
    },
  });
  return new Response(body, { status: res.status, headers });
}
